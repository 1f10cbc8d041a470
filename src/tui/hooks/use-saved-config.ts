import { useEffect, useRef } from 'react';
import { writeMonitorConfig, type ConfigProblem, type MonitorConfig } from '../config/monitor-config.js';
import type { UiAction } from '../state/ui-action.js';
import type { UiState } from '../state/ui-state.js';

/** The sort and the columns persist, unless --no-config (`path` null) or the file was not ours to overwrite. */
export function useSavedConfig(config: { path: string | null; initial: MonitorConfig; problem: ConfigProblem | null }, ui: UiState, commit: (action: UiAction) => void): void {
  const written = useRef(JSON.stringify(config.initial));
  useEffect(() => {
    if (config.path === null || config.problem !== null) return;
    const next: MonitorConfig = { sort: ui.sort, hiddenColumns: [...ui.hiddenColumns] };
    const json = JSON.stringify(next);
    if (json === written.current) return;
    written.current = json;
    const error = writeMonitorConfig(config.path, next);
    if (error !== null) commit({ type: 'notice', notice: { kind: 'configSaveFailed', message: error } });
  }, [ui.sort, ui.hiddenColumns, config.path, config.problem, commit]);
}

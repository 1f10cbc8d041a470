import type { ConfigProblem, MonitorConfig } from '../config/monitor-config.js';
import { initialUiState, type UiState } from './ui-state.js';

export interface StartConfig {
  initial: MonitorConfig;
  problem: ConfigProblem | null;
}

/** The UI state the monitor starts in: the settings file's sort and hidden columns (the start screen draws from it too). */
export function startUiState(config: StartConfig): UiState {
  return {
    ...initialUiState,
    sort: config.initial.sort,
    hiddenColumns: new Set(config.initial.hiddenColumns),
    notice: config.problem === null ? null : { kind: 'configProblem', problem: config.problem },
  };
}

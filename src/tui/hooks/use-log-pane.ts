import { useEffect, useMemo } from 'react';
import type { Messages } from '../../i18n/messages.js';
import type { ServiceActions, SnapshotSource } from '../../pm2-bridge/types.js';
import { lineViewRows } from '../logs/line-view-rows.js';
import type { SourcedLine } from '../logs/log-view.js';
import { logSources, paneLines, type LogPaneSources } from '../logs/pane-lines.js';
import { servicesOf } from '../state/select-targets.js';
import type { UiState } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';
import type { TableRow } from '../table/table-rows.js';

export interface LogPane {
  sources: LogPaneSources;
  title: string;
  /** What a saved file of the pane is named after. */
  saveName: string;
  /** The pane's lines as it shows them (merged, stderr only), read when asked. */
  readLines: () => readonly SourcedLine[];
  /** The opened line's rows (ui.lineView). */
  lineRows: readonly string[];
}

/**
 * What the log pane shows: the selected row's services (an app's instances merged), or every shown service merged
 * (m). Asks the bridge for each one's logs (history read on first show).
 */
export function useLogPane(source: SnapshotSource, actions: ServiceActions, messages: Messages, ui: UiState, rows: readonly TableRow[], selectedRow: TableRow | null, width: number): LogPane {
  const shownServices = ui.logOptions.merged ? servicesOf(rows) : (selectedRow?.services ?? []);
  const paneKey = shownServices.map((s) => `${s.pmId}:${displayName(s)}`).join(',');
  const sources = useMemo<LogPaneSources>(() => {
    const entries = paneKey === '' ? [] : paneKey.split(',').map((entry) => entry.split(':'));
    return { pmIds: entries.map(([id]) => Number(id)), labels: entries.map(([, ...label]) => label.join(':')) };
  }, [paneKey]);
  useEffect(() => {
    for (const pmId of sources.pmIds) actions.showLogs(pmId);
  }, [sources, actions]);
  const m = messages.logs;
  const name = selectedRow === null || selectedRow.kind === 'namespace' ? null : selectedRow.kind === 'app' ? selectedRow.name : displayName(selectedRow.service);
  const lineRows = useMemo(() => (ui.lineView === null ? [] : lineViewRows(ui.lineView.line, width)), [ui.lineView, width]);
  return {
    sources,
    title: ui.logOptions.merged ? m.titleMerged(sources.pmIds.length) : name === null ? m.titleNone : m.title(name),
    saveName: ui.logOptions.merged ? 'all' : (name ?? 'logs'),
    readLines: () => paneLines(logSources(sources, source.getLogs), ui.logOptions.stderrOnly),
    lineRows,
  };
}

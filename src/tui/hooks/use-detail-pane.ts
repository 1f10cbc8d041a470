import { useMemo } from 'react';
import { insightsMessages } from '../../i18n/insights.js';
import type { InsightsSource, ListView, Service } from '../../pm2-bridge/types.js';
import { detailLines } from '../detail/detail-lines.js';
import { detailRows, type DetailRow } from '../detail/detail-rows.js';
import type { DisplayOptions } from '../display/display-options.js';
import { historyChartLines } from '../insights/chart-lines.js';
import type { UiState } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';

export interface DetailPaneContent {
  title: string;
  rows: readonly DetailRow[];
}

/** The detail pane's title and rows for the selected service; with insights, its history as charts under them. */
export function useDetailPane(selected: Service | null, list: ListView, display: DisplayOptions, ui: UiState, width: number, insights: InsightsSource | undefined, now: () => number): DetailPaneContent {
  const title = selected === null ? display.messages.detail.noService : display.messages.detail.title(displayName(selected));
  const rows = useMemo(() => {
    if (selected === null) return [];
    const charts = insights ? historyChartLines(insights.historyOf(selected), insightsMessages(display.lang), { width, rows: 3, ascii: display.ascii, now: now(), latest: selected }) : [];
    return detailRows([...detailLines(selected, list.diagnostics, display, ui.envExpanded), ...charts], width);
  }, [selected, list.diagnostics, display, ui.envExpanded, width, insights, now]);
  return { title, rows };
}

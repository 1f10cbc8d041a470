import { useMemo, useState } from 'react';
import type { CustomActionRunner, InsightsSource, ServiceActions, SnapshotSource } from '../../pm2-bridge/types.js';
import type { InsightsTab } from '../../i18n/insights.js';
import { DEFAULT_CONFIG, type ConfigProblem, type MonitorConfig } from '../config/monitor-config.js';
import { DisplayContext } from '../display/display-context.js';
import type { DisplayOptions } from '../display/display-options.js';
import { useCommandKeys } from '../hooks/use-command-keys.js';
import { useCpuTrend } from '../hooks/use-cpu-trend.js';
import { useDetailPane } from '../hooks/use-detail-pane.js';
import { useListView } from '../hooks/use-list-view.js';
import { useLogPane } from '../hooks/use-log-pane.js';
import { useSavedConfig } from '../hooks/use-saved-config.js';
import { useTableView } from '../hooks/use-table-view.js';
import { useUiState } from '../hooks/use-ui-state.js';
import { useUnseenServices } from '../hooks/use-unseen-services.js';
import { useWholeSecond } from '../hooks/use-whole-second.js';
import { activeScopes, inputMode } from '../keys/active-scopes.js';
import { bannerLines } from '../layout/banner-lines.js';
import { nextClockChange } from '../layout/next-clock-change.js';
import { computeLayout } from '../layout/compute-layout.js';
import { screenPanes } from '../layout/screen-panes.js';
import type { SourcedLine } from '../logs/log-view.js';
import { saveLogBuffer, savedLogsDir } from '../logs/save-log-buffer.js';
import { helpPages } from './HelpOverlay.js';
import { InsightsOverlay } from './InsightsOverlay.js';
import { MonitorLayout } from './MonitorLayout.js';
import { TooSmall } from './TooSmall.js';

export interface AppProps {
  source: SnapshotSource;
  actions: ServiceActions;
  display: DisplayOptions;
  /** Frame size in cells. The frame is exactly `height` rows: rows-1 on a plain terminal, rows behind a cell-diff writer. */
  width: number;
  height: number;
  /** Terminal rows the frame leaves unused, for the "too small" message (default 0). */
  spareRows?: number;
  onQuit: () => void;
  /** History, timeline, exceptions and custom actions (issue 10); without it their keys do nothing. */
  insights?: InsightsSource & CustomActionRunner;
  /** Clock for uptimes and the header (tests pin it). */
  now?: () => number;
  /**
   * The settings file (sort, hidden columns): where it is (null with --no-config: neither read nor written), what
   * it held, and why it was not used (then it is never overwritten). Default: no file.
   */
  config?: { path: string | null; initial: MonitorConfig; problem: ConfigProblem | null };
  /** Saves the log pane's lines (W); default: a file under the XDG state dir. Returns the path. */
  saveLog?: (lines: readonly SourcedLine[], name: string) => string;
}

const noConfig = { path: null, initial: DEFAULT_CONFIG, problem: null };
const defaultSaveLog = (lines: readonly SourcedLine[], name: string) => saveLogBuffer(lines, name, savedLogsDir());

/**
 * The monitor, wiring only: the list (the log pane subscribes to its own service's lines), the UI reducer, one hook
 * per pane's content, keys through the keymap to the command table, and the layout or an overlay.
 */
export function App({ source, actions, display, width, height, spareRows = 0, onQuit, now = Date.now, insights, config = noConfig, saveLog = defaultSaveLog }: AppProps) {
  const list = useListView(source);
  const { ui, dispatch, commit, keyQueue } = useUiState(config);
  const [insightsTab, setInsightsTab] = useState<InsightsTab | null>(null);
  // The App re-renders by the clock only when something it draws counts time (an uptime turns, a trend cell
  // closes): the header's clock ticks by itself.
  const at = useWholeSecond(now, (second) => nextClockChange({ services: list.services, trend: insights !== undefined, everySecond: insightsTab !== null }, second));
  const table = useTableView(list.services, ui, at, commit);
  const trend = useCpuTrend(insights, at, display.ascii);
  const unseen = useUnseenServices(insights, table.selectedRow?.services.map((s) => s.pmId) ?? [], now);
  const logPane = useLogPane(source, actions, display.messages, ui, table.rows, table.selectedRow, width);
  useSavedConfig(config, ui, commit);

  const banner = bannerLines(list.connection, display.messages, { live: true, diagnostics: list.diagnostics, pm2: display.pm2 });
  const layout = computeLayout({ width, height, serviceCount: table.rows.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
  const detail = useDetailPane(table.selected, list, display, ui, layout.detailWidth, insights, now);
  const screen = screenPanes(layout, ui.focus);
  const mode = inputMode(ui, layout.tooSmall);
  // One array per mode and focus, so the memoized hint bar renders only when they change.
  const scopes = useMemo(() => activeScopes(mode, screen.focus), [mode, screen.focus]);
  useCommandKeys({
    keyQueue,
    active: insightsTab === null,
    scopes,
    tooSmall: mode === 'tooSmall',
    readOnly: display.readOnly,
    context: {
      ui,
      dispatch,
      rows: table.rows,
      selectedRow: table.selectedRow,
      connection: list.connection,
      actions,
      panes: screen.panes,
      detailRoom: screen.detailRoom,
      detailLength: detail.rows.length,
      logRoom: screen.logRoom,
      logs: logPane.readLines,
      logName: logPane.saveName,
      saveLog,
      lineMaxScroll: () => logPane.lineRows.length - Math.max(1, screen.middle - 1),
      helpMaxScroll: () => helpPages(display.messages, display.glyphs, display.readOnly, width, screen.middle, ui.helpScroll).maxScroll,
      quit: onQuit,
      openInsights: (tab) => {
        if (insights && !layout.tooSmall) setInsightsTab(tab);
      },
    },
  });

  const selected = table.selected;
  return (
    <DisplayContext.Provider value={display}>
      {layout.tooSmall ? (
        <TooSmall width={width} height={height} spareRows={spareRows} />
      ) : insights && insightsTab !== null ? (
        <InsightsOverlay
          insights={insights}
          tab={insightsTab}
          service={selected}
          target={selected && { pmId: selected.pmId, name: selected.name, daemonPid: list.connection.kind === 'connected' ? list.connection.daemonPid : null }}
          width={width}
          height={height}
          now={at}
          onClose={() => setInsightsTab(null)}
        />
      ) : (
        <MonitorLayout
          source={source}
          display={display}
          list={list}
          layout={layout}
          screen={screen}
          width={width}
          height={height}
          ui={ui}
          table={table}
          unseen={unseen}
          trend={trend}
          logPane={logPane}
          detail={detail}
          scopes={scopes}
          now={at}
          clock={now}
        />
      )}
    </DisplayContext.Provider>
  );
}

import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CustomActionRunner, InsightsSource, ServiceActions, SnapshotSource } from '../../pm2-bridge/types.js';
import { insightsMessages, type InsightsTab } from '../../i18n/insights.js';
import { historyChartLines } from '../insights/chart-lines.js';
import { InsightsOverlay } from './InsightsOverlay.js';
import { commandTable, type CommandContext } from '../commands/command-table.js';
import { DEFAULT_CONFIG, writeMonitorConfig, type ConfigProblem, type MonitorConfig } from '../config/monitor-config.js';
import { detailLines } from '../detail/detail-lines.js';
import { detailRows } from '../detail/detail-rows.js';
import { DisplayContext } from '../display/display-context.js';
import type { DisplayOptions } from '../display/display-options.js';
import { useListView } from '../hooks/use-list-view.js';
import { useUnseenServices } from '../hooks/use-unseen-services.js';
import { findCommand } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import { KeyQueue } from '../keys/key-queue.js';
import { activeScopes, inputMode } from '../keys/active-scopes.js';
import { bannerLines } from '../layout/banner-lines.js';
import { computeLayout } from '../layout/compute-layout.js';
import { lineViewRows } from '../logs/line-view-rows.js';
import type { SourcedLine } from '../logs/log-view.js';
import { logSources, paneLines, type LogPaneSources } from '../logs/pane-lines.js';
import { saveLogBuffer, savedLogsDir } from '../logs/save-log-buffer.js';
import { uiReducer } from '../state/reducer.js';
import { servicesOf } from '../state/select-targets.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import { initialUiState, type Focus, type UiState } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';
import { resolveSelectedRow, tableRows, type TableRow } from '../table/table-rows.js';
import { trendText } from '../table/trend-cell.js';
import { helpPages } from './HelpOverlay.js';
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

function startState(config: NonNullable<AppProps['config']>): UiState {
  return {
    ...initialUiState,
    sort: config.initial.sort,
    hiddenColumns: new Set(config.initial.hiddenColumns),
    notice: config.problem === null ? null : { kind: 'configProblem', problem: config.problem },
  };
}

/** The service the detail pane shows for a row: itself, or an app's first online instance (else its first). */
function detailServiceOf(row: TableRow | null) {
  if (row === null || row.kind === 'namespace') return null;
  return row.kind === 'service' ? row.service : (row.services.find((s) => s.status === 'online') ?? row.services[0] ?? null);
}

/**
 * The monitor: subscribes to the bridge's list (the log pane subscribes to its own service's lines), keeps UI state
 * in a reducer, maps keys through the keymap to the command table.
 */
export function App({ source, actions, display, width, height, spareRows = 0, onQuit, now = Date.now, insights, config = noConfig, saveLog = defaultSaveLog }: AppProps) {
  const list = useListView(source);
  const [ui, dispatchUi] = useReducer(uiReducer, config, startState);
  const [keyQueue] = useState(() => new KeyQueue());
  const [insightsTab, setInsightsTab] = useState<InsightsTab | null>(null);
  // Only an update that changes the state will commit: a no-op (j on the last row) must not make the next key of
  // the same read wait for a render that never comes.
  const dispatch: typeof dispatchUi = (action) => {
    if (uiReducer(ui, action) !== ui) keyQueue.changed();
    dispatchUi(action);
  };

  // Whole seconds (the finest the header and uptimes show): a render within the same second leaves them alone.
  const at = Math.floor(now() / 1000) * 1000;
  const visible = useMemo(() => selectVisibleServices(list.services, ui.filter.text), [list.services, ui.filter.text]);
  // Only a sort by uptime needs the clock: other orders are not recomputed every second.
  const sortClock = ui.sort.key === 'uptime' ? at : 0;
  const rows = useMemo(() => tableRows(visible, ui.sort, ui.expanded, sortClock), [visible, ui.sort, ui.expanded, sortClock]);
  const selectedIndex = resolveSelectedRow(ui.selectedKey, rows, ui.selectedHint);
  const selectedRow = selectedIndex === -1 ? null : rows[selectedIndex]!;
  const selected = detailServiceOf(selectedRow);
  const trend = useMemo(
    () => (insights ? (service: { pmId: number; name: string }) => trendText(insights.historyOf(service).series.cpu ?? [], at + 1000, display.ascii) : undefined),
    [insights, at, display.ascii],
  );
  const unseen = useUnseenServices(insights, selectedRow?.services.map((s) => s.pmId) ?? [], now);

  // Pin the selection to what is shown (a deleted service's neighbour, the app row a folded instance went into).
  useEffect(() => {
    if (selectedRow !== null && (selectedRow.key !== ui.selectedKey || selectedIndex !== ui.selectedHint)) {
      dispatchUi({ type: 'select', key: selectedRow.key, index: selectedIndex });
    }
  }, [selectedRow, selectedIndex, ui.selectedKey, ui.selectedHint]);

  // The log pane: the selected row's services (an app's instances merged), or every shown service merged (m).
  const shownServices = ui.logOptions.merged ? servicesOf(rows) : (selectedRow?.services ?? []);
  const paneKey = shownServices.map((s) => `${s.pmId}:${displayName(s)}`).join(',');
  const paneSources = useMemo<LogPaneSources>(() => {
    const entries = paneKey === '' ? [] : paneKey.split(',').map((entry) => entry.split(':'));
    return { pmIds: entries.map(([id]) => Number(id)), labels: entries.map(([, ...label]) => label.join(':')) };
  }, [paneKey]);
  useEffect(() => {
    for (const pmId of paneSources.pmIds) actions.showLogs(pmId);
  }, [paneSources, actions]);
  const m = display.messages.logs;
  const logName = selectedRow === null || selectedRow.kind === 'namespace' ? null : selectedRow.kind === 'app' ? selectedRow.name : displayName(selectedRow.service);
  const logTitle = ui.logOptions.merged ? m.titleMerged(paneSources.pmIds.length) : logName === null ? m.titleNone : m.title(logName);
  const readPaneLines = () => paneLines(logSources(paneSources, source.getLogs), ui.logOptions.stderrOnly);
  const lineRows = useMemo(() => (ui.lineView === null ? [] : lineViewRows(ui.lineView.line, width)), [ui.lineView, width]);

  // The sort and the columns persist, unless --no-config or the file was not ours to overwrite.
  const written = useRef(JSON.stringify(config.initial));
  useEffect(() => {
    if (config.path === null || config.problem !== null) return;
    const next: MonitorConfig = { sort: ui.sort, hiddenColumns: [...ui.hiddenColumns] };
    const json = JSON.stringify(next);
    if (json === written.current) return;
    written.current = json;
    const error = writeMonitorConfig(config.path, next);
    if (error !== null) dispatchUi({ type: 'notice', notice: { kind: 'configSaveFailed', message: error } });
  }, [ui.sort, ui.hiddenColumns, config.path, config.problem]);

  const banner = bannerLines(list.connection, display.messages, { live: true, diagnostics: list.diagnostics, pm2: display.pm2 });
  const layout = computeLayout({ width, height, serviceCount: rows.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
  const detailTitle = selected === null ? display.messages.detail.noService : display.messages.detail.title(displayName(selected));
  const detailContent = useMemo(
    () => {
      if (selected === null) return [];
      // Issue 10: the service's history as charts under its details (re-drawn with each refresh of the list).
      const charts = insights ? historyChartLines(insights.historyOf(selected), insightsMessages(display.lang), { width: layout.detailWidth, rows: 3, ascii: display.ascii, now: now() }) : [];
      return detailRows([...detailLines(selected, list.diagnostics, display, ui.envExpanded), ...charts], layout.detailWidth);
    },
    [selected, list.diagnostics, display, ui.envExpanded, layout.detailWidth, insights, now],
  );
  const detailRoom = Math.max(0, layout.detail - 1);
  const panes: Focus[] = ['table', ...(layout.logs > 0 ? (['logs'] as const) : []), ...(detailRoom > 0 ? (['detail'] as const) : [])];
  const focus: Focus = panes.includes(ui.focus) ? ui.focus : 'table';
  const mode = inputMode(ui, layout.tooSmall);
  // One array per mode and focus, so the memoized hint bar renders only when they change.
  const scopes = useMemo(() => activeScopes(mode, focus), [mode, focus]);
  const middle = layout.table + layout.detail + (layout.sideBySide ? 0 : layout.logs);

  const handleKey = (input: string, key: Key) => {
    if (insightsTab !== null) return; // the overlay reads keys itself
    const match = findCommand(keyName(input, key), activeScopes(mode, focus), display.readOnly);
    if (match === null) return;
    // Too small to draw: only quitting works.
    if (mode === 'tooSmall' && match.command !== 'quit' && match.command !== 'forceQuit') return;
    if (match.blocked) return dispatch({ type: 'notice', notice: { kind: 'readOnly' } });
    const context: CommandContext = {
      ui,
      dispatch,
      input,
      rows,
      selectedRow,
      connection: list.connection,
      actions,
      panes,
      detailRoom,
      detailLength: detailContent.length,
      logRoom: Math.max(0, layout.logs - 1),
      logs: readPaneLines,
      logName: ui.logOptions.merged ? 'all' : (logName ?? 'logs'),
      saveLog,
      lineMaxScroll: () => lineRows.length - Math.max(1, middle - 1),
      helpMaxScroll: () => helpPages(display.messages, display.glyphs, display.readOnly, width, middle, ui.helpScroll).maxScroll,
      quit: onQuit,
      openInsights: (tab) => {
        if (insights && !layout.tooSmall) setInsightsTab(tab);
      },
    };
    commandTable[match.command](context);
  };
  // Ink re-subscribes a changed handler in a passive effect, so a key typed right after a render could reach the
  // previous render's handler (and its stale state). The queue holds the newest committed handler instead, and
  // splits a fast read ("js") into keys that each see the state the one before left.
  useLayoutEffect(() => keyQueue.committed(handleKey));
  const onInput = useCallback((input: string, key: Key) => keyQueue.push(input, key), [keyQueue]);
  useInput(onInput);

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
          width={width}
          height={height}
          ui={ui}
          focus={focus}
          visible={visible}
          rows={rows}
          selectedIndex={selectedIndex}
          unseen={unseen}
          trend={trend}
          logSources={paneSources}
          logTitle={logTitle}
          lineRows={lineRows}
          scopes={scopes}
          markedCount={ui.marks.size === 0 ? 0 : servicesOf(rows).filter((s) => ui.marks.has(s.pmId)).length}
          detailTitle={detailTitle}
          detailRows={detailContent}
          middle={middle}
          now={at}
        />
      )}
    </DisplayContext.Provider>
  );
}

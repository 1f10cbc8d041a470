import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'react';
import type { CustomActionRunner, InsightsSource, ServiceActions, SnapshotSource } from '../../pm2-bridge/types.js';
import { insightsMessages, type InsightsTab } from '../../i18n/insights.js';
import { historyChartLines } from '../insights/chart-lines.js';
import { InsightsOverlay } from './InsightsOverlay.js';
import { commandTable, type CommandContext } from '../commands/command-table.js';
import { detailLines } from '../detail/detail-lines.js';
import { detailRows } from '../detail/detail-rows.js';
import { DisplayContext } from '../display/display-context.js';
import type { DisplayOptions } from '../display/display-options.js';
import { useListView } from '../hooks/use-list-view.js';
import { findCommand } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import { KeyQueue } from '../keys/key-queue.js';
import { activeScopes, inputMode } from '../keys/active-scopes.js';
import { bannerLines } from '../layout/banner-lines.js';
import { computeLayout } from '../layout/compute-layout.js';
import { uiReducer } from '../state/reducer.js';
import { resolveSelectedIndex } from '../state/resolve-selected-index.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import { initialUiState, type Focus } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';
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
}

/**
 * The monitor: subscribes to the bridge's list (the log pane subscribes to its own service's lines), keeps UI state
 * in a reducer, maps keys through the keymap to the command table.
 */
export function App({ source, actions, display, width, height, spareRows = 0, onQuit, now = Date.now, insights }: AppProps) {
  const list = useListView(source);
  const [ui, dispatchUi] = useReducer(uiReducer, initialUiState);
  const [keyQueue] = useState(() => new KeyQueue());
  const [insightsTab, setInsightsTab] = useState<InsightsTab | null>(null);
  // Only an update that changes the state will commit: a no-op (j on the last row) must not make the next key of
  // the same read wait for a render that never comes.
  const dispatch: typeof dispatchUi = (action) => {
    if (uiReducer(ui, action) !== ui) keyQueue.changed();
    dispatchUi(action);
  };

  const visible = useMemo(() => selectVisibleServices(list.services, ui.filter.text), [list.services, ui.filter.text]);
  const ids = useMemo(() => visible.map((service) => service.pmId), [visible]);
  const selectedIndex = resolveSelectedIndex(ui.selectedPmId, ids);
  const selected = selectedIndex === -1 ? null : visible[selectedIndex]!;
  const selectedPmId = selected?.pmId ?? null;

  // Pin the selection to what is shown (a deleted service's neighbour), and ask the bridge for its logs.
  useEffect(() => {
    if (selectedPmId !== null && selectedPmId !== ui.selectedPmId) dispatchUi({ type: 'select', pmId: selectedPmId });
  }, [selectedPmId, ui.selectedPmId]);
  useEffect(() => {
    if (selectedPmId !== null) actions.showLogs(selectedPmId);
  }, [selectedPmId, actions]);

  const banner = bannerLines(list.connection, display.messages, { live: true, diagnostics: list.diagnostics, pm2: display.pm2 });
  const layout = computeLayout({ width, height, serviceCount: visible.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
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
      ids,
      selected,
      connection: list.connection,
      actions,
      panes,
      detailRoom,
      detailLength: detailContent.length,
      logRoom: Math.max(0, layout.logs - 1),
      logs: () => (selectedPmId === null ? [] : source.getLogs(selectedPmId)),
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

  // Whole seconds (the finest the header and uptimes show): a render within the same second leaves them alone.
  const at = Math.floor(now() / 1000) * 1000;
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
          selectedIndex={selectedIndex}
          selected={selected}
          detailTitle={detailTitle}
          detailRows={detailContent}
          middle={middle}
          now={at}
        />
      )}
    </DisplayContext.Provider>
  );
}

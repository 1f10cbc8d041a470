import { Box, useInput, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { ActionResult, ServiceActions, Snapshot, SnapshotSource } from '../../pm2-bridge/types.js';
import { detailLines } from '../detail/detail-lines.js';
import { detailRows } from '../detail/detail-rows.js';
import { DisplayContext } from '../display/display-context.js';
import type { DisplayOptions } from '../display/display-options.js';
import { findCommand } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import { KeyQueue } from '../keys/key-queue.js';
import { activeScopes, inputMode } from '../keys/active-scopes.js';
import type { Command } from '../keys/keymap.js';
import { bannerLines } from '../layout/banner-lines.js';
import { computeLayout } from '../layout/compute-layout.js';
import { uiReducer } from '../state/reducer.js';
import { resolveSelectedIndex } from '../state/resolve-selected-index.js';
import { selectLogWindow } from '../state/select-log-window.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import { initialUiState, type Focus } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { DetailPane } from './DetailPane.js';
import { HeaderBar } from './HeaderBar.js';
import { HelpOverlay, helpPages } from './HelpOverlay.js';
import { HintBar } from './HintBar.js';
import { LogPane } from './LogPane.js';
import { ServiceTable } from './ServiceTable.js';
import { StatusLine } from './StatusLine.js';
import { TooSmall } from './TooSmall.js';

const noLogs = [] as const;

/** True when `next` shows the same as `last`: only logs of services other than `logsOf` differ. */
function sameOnScreen(last: Snapshot, next: Snapshot, logsOf: number | null): boolean {
  return (
    last === next ||
    (last.connection === next.connection &&
      last.services === next.services &&
      last.diagnostics === next.diagnostics &&
      (logsOf === null || last.logs.get(logsOf) === next.logs.get(logsOf)))
  );
}

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
  /** Clock for uptimes and the header (tests pin it). */
  now?: () => number;
}

/** The monitor: reads the bridge's snapshot store, keeps UI state in a reducer, maps keys through the keymap. */
export function App({ source, actions, display, width, height, spareRows = 0, onQuit, now = Date.now }: AppProps) {
  const subscribe = useCallback((listener: () => void) => source.subscribe(listener), [source]);
  // A new snapshot that changes nothing on screen (lines of a service whose logs are not shown) gives React the
  // last one back, so nothing renders and Ink does not redraw the frame. Renders read the newest snapshot.
  const logsShown = useRef<number | null>(null);
  const lastOnScreen = useRef<Snapshot | null>(null);
  const getScreenSnapshot = useCallback(() => {
    const next = source.getSnapshot();
    const last = lastOnScreen.current;
    if (last !== null && sameOnScreen(last, next, logsShown.current)) return last;
    lastOnScreen.current = next;
    return next;
  }, [source]);
  useSyncExternalStore(subscribe, getScreenSnapshot);
  const snapshot = source.getSnapshot();
  const [ui, dispatchUi] = useReducer(uiReducer, initialUiState);
  const [keyQueue] = useState(() => new KeyQueue());
  // Only an update that changes the state will commit: a no-op (j on the last row) must not make the next key of
  // the same read wait for a render that never comes.
  const dispatch: typeof dispatchUi = (action) => {
    if (uiReducer(ui, action) !== ui) keyQueue.changed();
    dispatchUi(action);
  };

  const visible = useMemo(() => selectVisibleServices(snapshot.services, ui.filter.text), [snapshot.services, ui.filter.text]);
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
  useLayoutEffect(() => {
    logsShown.current = selectedPmId;
  }, [selectedPmId]);

  const banner = bannerLines(snapshot.connection, display.messages, { live: true, diagnostics: snapshot.diagnostics, pm2: display.pm2 });
  const layout = computeLayout({ width, height, serviceCount: visible.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
  const logs = selectedPmId === null ? noLogs : (snapshot.logs.get(selectedPmId) ?? noLogs);
  const logRoom = Math.max(0, layout.logs - 1);
  // The same window object while nothing it shows changed, so the memoized LogPane skips the render.
  const logWindow = useMemo(() => selectLogWindow(logs, ui.log, logRoom), [logs, ui.log, logRoom]);

  const detailTitle = selected === null ? display.messages.detail.noService : display.messages.detail.title(displayName(selected));
  const detailContent = useMemo(
    () => (selected === null ? [] : detailRows(detailLines(selected, snapshot.diagnostics, display, ui.envExpanded), layout.detailWidth)),
    [selected, snapshot.diagnostics, display, ui.envExpanded, layout.detailWidth],
  );
  const detailRoom = Math.max(0, layout.detail - 1);
  const panes: Focus[] = ['table', ...(layout.logs > 0 ? (['logs'] as const) : []), ...(detailRoom > 0 ? (['detail'] as const) : [])];
  const focus: Focus = panes.includes(ui.focus) ? ui.focus : 'table';
  const mode = inputMode(ui, layout.tooSmall);
  const middle = layout.table + layout.detail + (layout.sideBySide ? 0 : layout.logs);

  const run = (command: Command, input: string) => {
    switch (command) {
      case 'quit':
      case 'forceQuit':
      case 'helpQuit':
        onQuit();
        return;
      case 'selectUp':
      case 'selectDown':
      case 'filterUp':
      case 'filterDown':
        dispatch({ type: 'move', by: command === 'selectUp' || command === 'filterUp' ? -1 : 1, ids });
        return;
      case 'restart':
      case 'stop':
      case 'delete': {
        if (selected === null) return dispatch({ type: 'notice', notice: { kind: 'noSelection' } });
        const daemonPid = snapshot.connection.kind === 'connected' ? snapshot.connection.daemonPid : null;
        dispatch({ type: 'askConfirm', action: command, target: { pmId: selected.pmId, name: selected.name, daemonPid }, name: displayName(selected) });
        return;
      }
      case 'confirmYes': {
        const pending = ui.confirm;
        if (pending === null) return;
        dispatch({ type: 'acceptConfirm' });
        void actions
          .run(pending.action, pending.target)
          .catch((error: unknown): ActionResult => ({ ok: false, error: { code: 'pm2-refused', params: { message: String(error) } } }))
          .then((result) => dispatch({ type: 'actionFinished', action: pending.action, name: pending.name, result }));
        return;
      }
      case 'confirmNo':
        dispatch({ type: 'cancelConfirm' });
        return;
      case 'filter':
        dispatch({ type: 'openFilter' });
        return;
      case 'filterType':
        dispatch({ type: 'typeFilter', text: input });
        return;
      case 'filterApply':
        dispatch({ type: 'applyFilter' });
        return;
      case 'filterCancel':
        dispatch({ type: 'clearFilter' });
        return;
      case 'clearFilter':
        if (ui.filter.text !== '') dispatch({ type: 'clearFilter' });
        return;
      case 'filterErase':
        dispatch({ type: 'eraseFilter' });
        return;
      case 'focusNext':
        dispatch({ type: 'focusNext', panes });
        return;
      case 'toggleDetail':
        dispatch({ type: 'toggleDetail' });
        return;
      case 'toggleEnv':
        dispatch({ type: 'toggleEnv' });
        return;
      case 'detailUp':
      case 'detailDown':
      case 'detailPageUp':
      case 'detailPageDown': {
        const step = command === 'detailUp' || command === 'detailDown' ? 1 : Math.max(1, detailRoom - 1);
        const by = command === 'detailUp' || command === 'detailPageUp' ? -step : step;
        dispatch({ type: 'scrollDetail', by, max: detailContent.length - detailRoom });
        return;
      }
      case 'logUp':
      case 'logDown':
      case 'logPageUp':
      case 'logPageDown': {
        const step = command === 'logUp' || command === 'logDown' ? 1 : Math.max(1, logRoom - 1);
        const by = command === 'logUp' || command === 'logPageUp' ? -step : step;
        dispatch({ type: 'scrollLog', by, seqs: logs.map((line) => line.seq), page: logRoom });
        return;
      }
      case 'logFollow':
        dispatch({ type: 'followLog' });
        return;
      case 'help':
        dispatch({ type: 'toggleHelp' });
        return;
      case 'helpClose':
        dispatch({ type: 'closeHelp' });
        return;
      case 'helpUp':
      case 'helpDown': {
        const { maxScroll } = helpPages(display.messages, display.glyphs, display.readOnly, width, middle, ui.helpScroll);
        dispatch({ type: 'scrollHelp', by: command === 'helpUp' ? -1 : 1, max: maxScroll });
        return;
      }
    }
  };

  const handleKey = (input: string, key: Key) => {
    const match = findCommand(keyName(input, key), activeScopes(mode, focus), display.readOnly);
    if (match === null) return;
    // Too small to draw: only quitting works.
    if (mode === 'tooSmall' && match.command !== 'quit' && match.command !== 'forceQuit') return;
    if (match.blocked) return dispatch({ type: 'notice', notice: { kind: 'readOnly' } });
    run(match.command, input);
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
      ) : (
        <Box flexDirection="column" width={width} height={height} overflowY="hidden">
          <HeaderBar
            connection={snapshot.connection}
            serviceCount={snapshot.services.length}
            shownCount={ui.filter.text === '' ? null : visible.length}
            width={width}
            now={at}
          />
          {layout.banner > 0 ? <ConnectionBanner connection={snapshot.connection} diagnostics={snapshot.diagnostics} width={width} height={layout.banner} /> : null}
          {ui.helpOpen ? (
            <HelpOverlay width={width} height={middle} scroll={ui.helpScroll} />
          ) : (
            <>
              <ServiceTable
                services={visible}
                selectedIndex={selectedIndex}
                width={width}
                height={layout.table}
                now={at}
                emptyText={ui.filter.text === '' ? display.messages.table.noServices(display.pm2) : display.messages.filter.noMatch(ui.filter.text)}
                focused={focus === 'table'}
              />
              <Box flexDirection={layout.sideBySide ? 'row' : 'column'} height={layout.detail + (layout.sideBySide ? 0 : layout.logs)} columnGap={layout.sideBySide ? 1 : 0}>
                <DetailPane
                  title={detailTitle}
                  rows={detailContent}
                  scroll={ui.detailScroll}
                  width={layout.detailWidth}
                  height={layout.detail}
                  focused={focus === 'detail'}
                />
                {layout.logs > 0 ? (
                  <LogPane
                    name={selected === null ? null : displayName(selected)}
                    lines={logWindow.lines}
                    following={ui.log.follow}
                    newerHidden={logWindow.newerHidden}
                    width={layout.logWidth}
                    height={layout.logs}
                    focused={focus === 'logs'}
                  />
                ) : null}
              </Box>
            </>
          )}
          <Box height={layout.status}>
            {ui.confirm !== null ? <ConfirmDialog confirm={ui.confirm} width={width} /> : <StatusLine notice={ui.notice} filter={ui.filter} width={width} />}
          </Box>
          <Box height={layout.hints}>
            <HintBar width={width} />
          </Box>
        </Box>
      )}
    </DisplayContext.Provider>
  );
}

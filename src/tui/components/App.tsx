import { Box, useInput, type Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { ServiceActions, Snapshot, SnapshotSource } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import type { DisplayOptions } from '../display/display-options.js';
import { findCommand } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import { KeyQueue } from '../keys/key-queue.js';
import type { Command, KeyScope } from '../keys/keymap.js';
import { bannerLines } from '../layout/banner-lines.js';
import { computeLayout } from '../layout/compute-layout.js';
import { uiReducer } from '../state/reducer.js';
import { resolveSelectedIndex } from '../state/resolve-selected-index.js';
import { selectLogWindow } from '../state/select-log-window.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import { initialUiState } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { DetailPane } from './DetailPane.js';
import { HeaderBar } from './HeaderBar.js';
import { HelpOverlay } from './HelpOverlay.js';
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
  const dispatch: typeof dispatchUi = (action) => {
    keyQueue.changed();
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

  const banner = bannerLines(snapshot.connection, display.messages);
  const layout = computeLayout({ width, height, serviceCount: visible.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
  const logs = selectedPmId === null ? noLogs : (snapshot.logs.get(selectedPmId) ?? noLogs);
  const logRoom = Math.max(0, layout.logs - 1);
  // The same window object while nothing it shows changed, so the memoized LogPane skips the render.
  const logWindow = useMemo(() => selectLogWindow(logs, ui.log, logRoom), [logs, ui.log, logRoom]);

  const run = (command: Command) => {
    switch (command) {
      case 'quit':
        onQuit();
        return;
      case 'selectUp':
      case 'selectDown':
        dispatch({ type: 'move', by: command === 'selectUp' ? -1 : 1, ids });
        return;
      case 'restart':
      case 'stop':
      case 'delete':
        if (selected === null) dispatch({ type: 'notice', notice: { kind: 'noSelection' } });
        else dispatch({ type: 'askConfirm', action: command, pmId: selected.pmId, name: displayName(selected) });
        return;
      case 'confirmYes': {
        const pending = ui.confirm;
        if (pending === null) return;
        dispatch({ type: 'acceptConfirm' });
        void actions
          .run(pending.action, pending.pmId)
          .catch((error: unknown) => ({ ok: false as const, error: String(error) }))
          .then((result) => dispatch({ type: 'actionFinished', action: pending.action, name: pending.name, result }));
        return;
      }
      case 'confirmNo':
        dispatch({ type: 'cancelConfirm' });
        return;
      case 'filter':
        dispatch({ type: 'openFilter' });
        return;
      case 'filterApply':
        dispatch({ type: 'applyFilter' });
        return;
      case 'filterClear':
        dispatch({ type: 'clearFilter' });
        return;
      case 'filterErase':
        dispatch({ type: 'eraseFilter' });
        return;
      case 'focusNext':
        dispatch({ type: 'focusNext' });
        return;
      case 'toggleDetail':
        dispatch({ type: 'toggleDetail' });
        return;
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
    }
  };

  const handleKey = (input: string, key: Key) => {
    const name = keyName(input, key);
    if (name === 'ctrl+c') return onQuit();
    let scopes: KeyScope[];
    if (layout.tooSmall) scopes = ['global'];
    else if (ui.confirm !== null) scopes = ['dialog'];
    else if (ui.filter.editing) scopes = ['filter'];
    else if (ui.helpOpen) {
      if (name === 'escape' || name === '?') dispatch({ type: 'closeHelp' });
      else if (name === 'q') onQuit();
      return;
    } else scopes = [ui.focus, 'global'];

    const match = findCommand(name, scopes, display.readOnly);
    if (layout.tooSmall) {
      if (match?.command === 'quit') onQuit();
      return;
    }
    if (ui.confirm !== null) return run(match?.command === 'confirmYes' ? 'confirmYes' : 'confirmNo');
    if (ui.filter.editing && match === null) {
      if (name === 'up' || name === 'down') return run(name === 'up' ? 'selectUp' : 'selectDown');
      if (input !== '' && !key.ctrl && !key.meta && name === input) dispatch({ type: 'typeFilter', text: input });
      return;
    }
    if (match === null) return;
    if (match.blocked) return dispatch({ type: 'notice', notice: { kind: 'readOnly' } });
    run(match.command);
  };
  // Ink re-subscribes a changed handler in a passive effect, so a key typed right after a render could reach the
  // previous render's handler (and its stale state). The queue holds the newest committed handler instead, and
  // splits a fast read ("js") into keys that each see the state the one before left.
  useLayoutEffect(() => keyQueue.committed(handleKey));
  const onInput = useCallback((input: string, key: Key) => keyQueue.push(input, key), [keyQueue]);
  useInput(onInput);

  // Whole seconds (the finest the header and uptimes show): a render within the same second leaves them alone.
  const at = Math.floor(now() / 1000) * 1000;
  const middle = layout.table + layout.detail + (layout.sideBySide ? 0 : layout.logs);
  return (
    <DisplayContext.Provider value={display}>
      {layout.tooSmall ? (
        <TooSmall width={width} height={height} spareRows={spareRows} />
      ) : (
        <Box flexDirection="column" width={width} height={height} overflowY="hidden">
          <HeaderBar connection={snapshot.connection} serviceCount={snapshot.services.length} width={width} now={at} />
          {layout.banner > 0 ? <ConnectionBanner connection={snapshot.connection} width={width} height={layout.banner} /> : null}
          {ui.helpOpen ? (
            <HelpOverlay width={width} height={middle} />
          ) : (
            <>
              <ServiceTable
                services={visible}
                selectedIndex={selectedIndex}
                width={width}
                height={layout.table}
                now={at}
                emptyText={ui.filter.text === '' ? display.messages.table.noServices : display.messages.filter.noMatch(ui.filter.text)}
                focused={ui.focus === 'table'}
              />
              <Box flexDirection={layout.sideBySide ? 'row' : 'column'} height={layout.detail + (layout.sideBySide ? 0 : layout.logs)} columnGap={layout.sideBySide ? 1 : 0}>
                <DetailPane service={selected} setupDiagnostics={snapshot.diagnostics} width={layout.detailWidth} height={layout.detail} />
                {layout.logs > 0 ? (
                  <LogPane
                    name={selected === null ? null : displayName(selected)}
                    lines={logWindow.lines}
                    following={ui.log.follow}
                    newerHidden={logWindow.newerHidden}
                    width={layout.logWidth}
                    height={layout.logs}
                    focused={ui.focus === 'logs'}
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

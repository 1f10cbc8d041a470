// What each command does, as data: one handler per command of the keymap (keys -> command is keys/keymap.ts,
// command -> effect is here). The table is typed as a Record over every Command, so a command added to the keymap
// does not compile until it has a handler. Handlers read what they need from the context and dispatch UI actions.
import type { ConnectionState, ServiceAction, ServiceActions } from '../../pm2-bridge/types.js';
import type { InsightsTab } from '../../i18n/insights.js';
import { runBulkAction } from '../actions/run-bulk-action.js';
import { keymap, type Command, type KeyBinding } from '../keys/keymap.js';
import { HISTORY_CHOICES, historyDepthOf, nextHistoryChoice } from '../logs/history-depth.js';
import { matchingSeqs, type SourcedLine } from '../logs/log-view.js';
import { stepMatch } from '../logs/select-log-lines.js';
import { selectTargets, servicesOf } from '../state/select-targets.js';
import type { UiAction } from '../state/ui-action.js';
import type { Focus, LogOptions, TargetEntry, UiState } from '../state/ui-state.js';
import { HIDEABLE_COLUMNS } from '../table/column-id.js';
import { nextSortKey, type SortKey } from '../table/sort-order.js';
import { appKey, type TableRow } from '../table/table-rows.js';

export interface CommandContext {
  ui: UiState;
  dispatch: (action: UiAction) => void;
  /** The key as typed (the filter's text). */
  input: string;
  /** The table's rows, in order, and the selected one (null: none). */
  rows: readonly TableRow[];
  selectedRow: TableRow | null;
  connection: ConnectionState;
  actions: ServiceActions;
  /** The panes on screen, in Tab order. */
  panes: readonly Focus[];
  /** Rows the detail pane shows, and rows its content has. */
  detailRoom: number;
  detailLength: number;
  /** Lines the log pane shows. */
  logRoom: number;
  /** The log pane's lines as it shows them (merged, stderr only), read when the key comes. */
  logs: () => readonly SourcedLine[];
  /** What the log pane is of, for a saved file's name. */
  logName: string;
  /** Saves lines to a file and returns its path (throws with the reason). */
  saveLog: (lines: readonly SourcedLine[], name: string) => string;
  /** How far the opened line can scroll. */
  lineMaxScroll: () => number;
  /** How far the help screen can scroll at the current size. */
  helpMaxScroll: () => number;
  quit: () => void;
  /** Opens the insights overlay on a tab (issue 10). */
  openInsights: (tab: InsightsTab) => void;
}

export type CommandHandler = (context: CommandContext) => void;

const quit: CommandHandler = (c) => c.quit();
const move = (by: number): CommandHandler => (c) => c.dispatch({ type: 'move', by, rows: c.rows });
const send = (action: UiAction): CommandHandler => (c) => c.dispatch(action);

/** Runs `action` on each target in turn, saying how far it got, then each outcome. */
function run(c: CommandContext, action: ServiceAction, targets: readonly TargetEntry[]): void {
  c.dispatch({ type: 'actionStarted', action, targets });
  const labels = targets.map((t) => t.label);
  let done = 0;
  void runBulkAction(c.actions, action, targets, () => {
    done += 1;
    if (done < targets.length) c.dispatch({ type: 'actionProgress', action, labels, done });
  }).then((outcomes) => c.dispatch({ type: 'actionFinished', action, outcomes: outcomes.map((o) => ({ label: o.label, result: o.result })) }));
}

/** An action on the marked services (or the selected row's): asked about first when it interrupts service. */
const act = (action: ServiceAction): CommandHandler => (c) => {
  const daemonPid = c.connection.kind === 'connected' ? c.connection.daemonPid : null;
  const targets = selectTargets(action, c.rows, c.ui.marks, c.selectedRow, daemonPid);
  if (targets.length === 0) return c.dispatch({ type: 'notice', notice: { kind: 'noSelection' } });
  if ((keymap[action] as KeyBinding).confirm === true) return c.dispatch({ type: 'askConfirm', action, targets });
  run(c, action, targets);
};

const confirm: CommandHandler = (c) => {
  const pending = c.ui.confirm;
  if (pending !== null) run(c, pending.action, pending.targets);
};

/** One row (`page` false) or a page less one row, back (`sign` -1) or forward. */
const scrollDetail = (sign: -1 | 1, page: boolean): CommandHandler => (c) => {
  const step = page ? Math.max(1, c.detailRoom - 1) : 1;
  c.dispatch({ type: 'scrollDetail', by: sign * step, max: c.detailLength - c.detailRoom });
};
const scrollLog = (sign: -1 | 1, page: boolean): CommandHandler => (c) => {
  const step = page ? Math.max(1, c.logRoom - 1) : 1;
  c.dispatch({ type: 'scrollLog', by: sign * step, seqs: c.logs().map((line) => line.seq), page: c.logRoom });
};
const scrollHelp = (by: number): CommandHandler => (c) => c.dispatch({ type: 'scrollHelp', by, max: c.helpMaxScroll() });
const toggleLog = (option: keyof LogOptions): CommandHandler => send({ type: 'toggleLogOption', option });

/** Numbers read best from the top: CPU, memory, restarts and uptime start descending. */
const startsDescending: ReadonlySet<SortKey> = new Set(['cpu', 'memory', 'restarts', 'uptime']);

/** The line at the bottom of the log pane's window, for n/N without a match yet and for opening a line. */
function bottomLine(c: CommandContext): SourcedLine | null {
  const lines = c.logs();
  const view = c.ui.log;
  if (view.follow) return lines[lines.length - 1] ?? null;
  return lines.findLast((line) => line.seq <= view.anchorSeq) ?? lines[0] ?? null;
}

const stepSearch = (older: boolean): CommandHandler => (c) => {
  const needle = c.ui.search.text.toLowerCase();
  if (needle === '') return;
  const from = c.ui.search.cursorSeq ?? bottomLine(c)?.seq ?? null;
  c.dispatch({ type: 'landSearch', seq: stepMatch(matchingSeqs(c.logs(), needle), from, older) });
};

const setExpanded = (expanded: boolean): CommandHandler => (c) => {
  const row = c.selectedRow;
  if (row?.kind === 'app') return c.dispatch({ type: 'setExpanded', key: row.key, expanded });
  // On an instance under its app, Left folds the app back.
  if (!expanded && row?.kind === 'service' && row.child) c.dispatch({ type: 'setExpanded', key: appKey(row.service.namespace, row.service.name), expanded });
};

export const commandTable: Record<Command, CommandHandler> = {
  forceQuit: quit,
  quit,
  helpQuit: quit,

  selectUp: move(-1),
  selectDown: move(1),
  filterUp: move(-1),
  filterDown: move(1),

  restart: act('restart'),
  stop: act('stop'),
  delete: act('delete'),
  start: act('start'),
  reload: act('reload'),
  scaleUp: act('scaleUp'),
  scaleDown: act('scaleDown'),
  flush: act('flush'),
  resetCounters: act('resetCounters'),
  confirmYes: confirm,
  confirmNo: send({ type: 'cancelConfirm' }),

  mark: (c) => {
    if (c.selectedRow !== null) c.dispatch({ type: 'toggleMarks', pmIds: c.selectedRow.services.map((s) => s.pmId) });
  },
  markAll: (c) => c.dispatch({ type: 'markAll', pmIds: servicesOf(c.rows).map((s) => s.pmId) }),
  clearMarks: send({ type: 'clearMarks' }),
  sortNext: (c) => {
    const key = nextSortKey(c.ui.sort.key);
    c.dispatch({ type: 'setSort', sort: { key, descending: startsDescending.has(key) } });
  },
  sortReverse: (c) => c.dispatch({ type: 'setSort', sort: { key: c.ui.sort.key, descending: !c.ui.sort.descending } }),
  expandApp: setExpanded(true),
  foldApp: setExpanded(false),
  columns: send({ type: 'toggleColumns' }),
  columnsToggle: (c) => {
    const column = HIDEABLE_COLUMNS[Number(c.input) - 1];
    if (column !== undefined) c.dispatch({ type: 'toggleColumn', column });
  },
  columnsClose: send({ type: 'toggleColumns' }),

  filter: send({ type: 'openFilter' }),
  filterType: (c) => c.dispatch({ type: 'typeFilter', text: c.input }),
  filterApply: send({ type: 'applyFilter' }),
  filterCancel: send({ type: 'clearFilter' }),
  filterErase: send({ type: 'eraseFilter' }),
  clearFilter: (c) => {
    if (c.ui.filter.text !== '') c.dispatch({ type: 'clearFilter' });
  },

  focusNext: (c) => c.dispatch({ type: 'focusNext', panes: c.panes }),
  toggleDetail: send({ type: 'toggleDetail' }),
  toggleEnv: send({ type: 'toggleEnv' }),

  detailUp: scrollDetail(-1, false),
  detailDown: scrollDetail(1, false),
  detailPageUp: scrollDetail(-1, true),
  detailPageDown: scrollDetail(1, true),

  logUp: scrollLog(-1, false),
  logDown: scrollLog(1, false),
  logPageUp: scrollLog(-1, true),
  logPageDown: scrollLog(1, true),
  logFollow: send({ type: 'followLog' }),
  logSearch: send({ type: 'openSearch' }),
  logNextMatch: stepSearch(true),
  logPrevMatch: stepSearch(false),
  logClearSearch: (c) => {
    if (c.ui.search.text !== '') c.dispatch({ type: 'cancelSearch' });
    else if (c.ui.filter.text !== '') c.dispatch({ type: 'clearFilter' });
  },
  logOpenLine: (c) => {
    const seq = c.ui.search.cursorSeq;
    const line = (seq === null ? undefined : c.logs().find((l) => l.seq === seq)) ?? bottomLine(c);
    if (line !== null) c.dispatch({ type: 'openLine', line });
  },
  logWrap: toggleLog('wrap'),
  logTimestamps: toggleLog('timestamps'),
  logMerged: toggleLog('merged'),
  logStderr: toggleLog('stderrOnly'),
  logHistoryDepth: (c) => {
    const index = nextHistoryChoice(c.ui.logHistory);
    const depth = historyDepthOf(HISTORY_CHOICES[index]!, Date.now());
    for (const service of c.selectedRow ? servicesOf([c.selectedRow]) : []) c.actions.readLogHistory(service.pmId, depth);
    c.dispatch({ type: 'setLogHistory', index });
  },
  logSave: (c) => {
    try {
      c.dispatch({ type: 'notice', notice: { kind: 'logSaved', path: c.saveLog(c.logs(), c.logName) } });
    } catch (error) {
      c.dispatch({ type: 'notice', notice: { kind: 'logSaveFailed', message: error instanceof Error ? error.message : String(error) } });
    }
  },

  searchType: (c) => c.dispatch({ type: 'typeSearch', text: c.input }),
  searchErase: send({ type: 'eraseSearch' }),
  searchCancel: send({ type: 'cancelSearch' }),
  searchApply: (c) => {
    const needle = c.ui.search.text.toLowerCase();
    if (needle === '') return c.dispatch({ type: 'cancelSearch' });
    c.dispatch({ type: 'landSearch', seq: stepMatch(matchingSeqs(c.logs(), needle), null, true) });
  },

  lineClose: send({ type: 'closeLine' }),
  lineUp: (c) => c.dispatch({ type: 'scrollLine', by: -1, max: c.lineMaxScroll() }),
  lineDown: (c) => c.dispatch({ type: 'scrollLine', by: 1, max: c.lineMaxScroll() }),

  openTimeline: (c) => c.openInsights('timeline'),
  openExceptions: (c) => c.openInsights('exceptions'),
  openActions: (c) => c.openInsights('actions'),

  help: send({ type: 'toggleHelp' }),
  helpClose: send({ type: 'closeHelp' }),
  helpUp: scrollHelp(-1),
  helpDown: scrollHelp(1),
};

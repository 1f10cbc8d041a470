// What each command does, as data: one handler per command of the keymap (keys -> command is keys/keymap.ts,
// command -> effect is here). The table is typed as a Record over every Command, so a command added to the keymap
// does not compile until it has a handler. Handlers read what they need from the context and dispatch UI actions.
import type { ActionResult, ConnectionState, LogLine, Service, ServiceActions } from '../../pm2-bridge/types.js';
import type { Command } from '../keys/keymap.js';
import type { InsightsTab } from '../../i18n/insights.js';
import type { UiAction } from '../state/ui-action.js';
import type { Focus, UiState } from '../state/ui-state.js';
import { displayName } from '../table/display-name.js';

export interface CommandContext {
  ui: UiState;
  dispatch: (action: UiAction) => void;
  /** The key as typed (the filter's text). */
  input: string;
  /** The visible services' pm_ids, in table order. */
  ids: readonly number[];
  selected: Service | null;
  connection: ConnectionState;
  actions: ServiceActions;
  /** The panes on screen, in Tab order. */
  panes: readonly Focus[];
  /** Rows the detail pane shows, and rows its content has. */
  detailRoom: number;
  detailLength: number;
  /** Lines the log pane shows. */
  logRoom: number;
  /** The selected service's lines as the log pane shows them (read when the key comes). */
  logs: () => readonly LogLine[];
  /** How far the help screen can scroll at the current size. */
  helpMaxScroll: () => number;
  quit: () => void;
  /** Opens the insights overlay on a tab (issue 10). */
  openInsights: (tab: InsightsTab) => void;
}

export type CommandHandler = (context: CommandContext) => void;

const quit: CommandHandler = (c) => c.quit();
const move = (by: number): CommandHandler => (c) => c.dispatch({ type: 'move', by, ids: c.ids });

const ask = (action: 'restart' | 'stop' | 'delete'): CommandHandler => (c) => {
  if (c.selected === null) return c.dispatch({ type: 'notice', notice: { kind: 'noSelection' } });
  const daemonPid = c.connection.kind === 'connected' ? c.connection.daemonPid : null;
  c.dispatch({ type: 'askConfirm', action, target: { pmId: c.selected.pmId, name: c.selected.name, daemonPid }, name: displayName(c.selected) });
};

const confirm: CommandHandler = (c) => {
  const pending = c.ui.confirm;
  if (pending === null) return;
  c.dispatch({ type: 'acceptConfirm' });
  void c.actions
    .run(pending.action, pending.target)
    .catch((error: unknown): ActionResult => ({ ok: false, error: { code: 'pm2-refused', params: { message: String(error) } } }))
    .then((result) => c.dispatch({ type: 'actionFinished', action: pending.action, name: pending.name, result }));
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
const send = (action: UiAction): CommandHandler => (c) => c.dispatch(action);

export const commandTable: Record<Command, CommandHandler> = {
  forceQuit: quit,
  quit,
  helpQuit: quit,

  selectUp: move(-1),
  selectDown: move(1),
  filterUp: move(-1),
  filterDown: move(1),

  restart: ask('restart'),
  stop: ask('stop'),
  delete: ask('delete'),
  confirmYes: confirm,
  confirmNo: send({ type: 'cancelConfirm' }),

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

  openTimeline: (c) => c.openInsights('timeline'),
  openExceptions: (c) => c.openInsights('exceptions'),
  openActions: (c) => c.openInsights('actions'),

  help: send({ type: 'toggleHelp' }),
  helpClose: send({ type: 'closeHelp' }),
  helpUp: scrollHelp(-1),
  helpDown: scrollHelp(1),
};

/**
 * Every key the monitor answers to, in every mode, as data (k9s actions, gemini-cli keyBindings): the input handler,
 * the hint bar and the `?` help are all built from this one table. Labels live in i18n (`messages.keys`).
 *
 * Key names: single characters as typed, or one of `up`, `down`, `pageUp`, `pageDown`, `home`, `end`, `tab`,
 * `return`, `escape`, `backspace`, `left`, `right`, `space`, `ctrl+c`; and two wildcards a scope tries after its named keys: `text` (one
 * printable character, as typed into the filter) and `other` (any key at all).
 */
export type KeyScope = 'any' | 'global' | 'table' | 'logs' | 'detail' | 'help' | 'dialog' | 'filter' | 'search' | 'line' | 'columns';

export interface KeyBinding {
  keys: readonly string[];
  scope: KeyScope;
  /** Changes PM2's state: off in --read-only. */
  dangerous: boolean;
  /** Interrupts service: asked about (y/N) before it runs. */
  confirm?: boolean;
  /** Shown in the hint bar, in this order (lower first); absent: only in the help. */
  hint?: number;
  /** Keys the hint bar shows instead (to show ↑↓ as one entry); its label is `messages.keyHints[command]`. */
  hintKeys?: readonly string[];
}

export const TEXT_KEY = 'text';
export const OTHER_KEY = 'other';

export const keymap = {
  // Works in every mode, dialogs and prompts included.
  forceQuit: { keys: ['ctrl+c'], scope: 'any', dangerous: false },

  selectUp: { keys: ['up', 'k'], scope: 'table', dangerous: false },
  selectDown: { keys: ['down', 'j'], scope: 'table', dangerous: false, hint: 1, hintKeys: ['up', 'down'] },
  restart: { keys: ['r'], scope: 'table', dangerous: true, confirm: true, hint: 2 },
  stop: { keys: ['s'], scope: 'table', dangerous: true, confirm: true, hint: 3 },
  delete: { keys: ['d'], scope: 'table', dangerous: true, confirm: true, hint: 4 },
  // Issue 9 (ops): marks, sort, groups, more actions, columns.
  mark: { keys: ['space'], scope: 'table', dangerous: false, hint: 9 },
  markAll: { keys: ['*'], scope: 'table', dangerous: false },
  clearMarks: { keys: ['u'], scope: 'table', dangerous: false },
  sortNext: { keys: ['o'], scope: 'table', dangerous: false, hint: 10 },
  sortReverse: { keys: ['O'], scope: 'table', dangerous: false },
  expandApp: { keys: ['right'], scope: 'table', dangerous: false },
  foldApp: { keys: ['left'], scope: 'table', dangerous: false },
  start: { keys: ['S'], scope: 'table', dangerous: true },
  reload: { keys: ['R'], scope: 'table', dangerous: true, confirm: true },
  scaleUp: { keys: ['+'], scope: 'table', dangerous: true },
  scaleDown: { keys: ['-'], scope: 'table', dangerous: true, confirm: true },
  flush: { keys: ['F'], scope: 'table', dangerous: true, confirm: true },
  resetCounters: { keys: ['Z'], scope: 'table', dangerous: true },
  columns: { keys: ['c'], scope: 'table', dangerous: false },

  logUp: { keys: ['up', 'k'], scope: 'logs', dangerous: false },
  logDown: { keys: ['down', 'j'], scope: 'logs', dangerous: false },
  // Issue 9 (ops): the log pane's own keys (Tab to it first).
  logSearch: { keys: ['/'], scope: 'logs', dangerous: false, hint: 1 },
  logNextMatch: { keys: ['n'], scope: 'logs', dangerous: false, hint: 2, hintKeys: ['n', 'N'] },
  logPrevMatch: { keys: ['N'], scope: 'logs', dangerous: false },
  logClearSearch: { keys: ['escape'], scope: 'logs', dangerous: false },
  logOpenLine: { keys: ['return'], scope: 'logs', dangerous: false },
  logWrap: { keys: ['w'], scope: 'logs', dangerous: false, hint: 3 },
  logTimestamps: { keys: ['t'], scope: 'logs', dangerous: false },
  logMerged: { keys: ['m'], scope: 'logs', dangerous: false, hint: 4 },
  logStderr: { keys: ['!'], scope: 'logs', dangerous: false },
  logSave: { keys: ['W'], scope: 'logs', dangerous: false, hint: 5 },
  logHistoryDepth: { keys: ['H'], scope: 'logs', dangerous: false },

  detailUp: { keys: ['up', 'k'], scope: 'detail', dangerous: false },
  detailDown: { keys: ['down', 'j'], scope: 'detail', dangerous: false },
  detailPageUp: { keys: ['pageUp'], scope: 'detail', dangerous: false },
  detailPageDown: { keys: ['pageDown'], scope: 'detail', dangerous: false },

  filter: { keys: ['/'], scope: 'global', dangerous: false, hint: 5 },
  clearFilter: { keys: ['escape'], scope: 'global', dangerous: false },
  toggleDetail: { keys: ['return', 'i'], scope: 'global', dangerous: false },
  toggleEnv: { keys: ['e'], scope: 'global', dangerous: false },
  focusNext: { keys: ['tab'], scope: 'global', dangerous: false, hint: 8 },
  logPageUp: { keys: ['pageUp'], scope: 'global', dangerous: false },
  logPageDown: { keys: ['pageDown'], scope: 'global', dangerous: false },
  logFollow: { keys: ['end'], scope: 'global', dangerous: false },
  help: { keys: ['?'], scope: 'global', dangerous: false, hint: 6 },
  quit: { keys: ['q'], scope: 'global', dangerous: false, hint: 7 },

  // Issue 10 (plus): the insights overlay; its own keys are in tui/insights/insights-view.ts.
  openTimeline: { keys: ['T'], scope: 'global', dangerous: false },
  openExceptions: { keys: ['X'], scope: 'global', dangerous: false },
  openActions: { keys: ['A'], scope: 'global', dangerous: false },

  helpClose: { keys: ['escape', '?'], scope: 'help', dangerous: false },
  helpUp: { keys: ['up', 'k', 'pageUp'], scope: 'help', dangerous: false },
  helpDown: { keys: ['down', 'j', 'pageDown'], scope: 'help', dangerous: false },
  helpQuit: { keys: ['q'], scope: 'help', dangerous: false },

  confirmYes: { keys: ['y', 'Y'], scope: 'dialog', dangerous: false },
  confirmNo: { keys: ['n', 'N', 'escape', OTHER_KEY], scope: 'dialog', dangerous: false },

  filterApply: { keys: ['return'], scope: 'filter', dangerous: false },
  filterCancel: { keys: ['escape'], scope: 'filter', dangerous: false },
  filterErase: { keys: ['backspace'], scope: 'filter', dangerous: false },
  filterUp: { keys: ['up'], scope: 'filter', dangerous: false },
  filterDown: { keys: ['down'], scope: 'filter', dangerous: false },
  filterType: { keys: [TEXT_KEY], scope: 'filter', dangerous: false },

  searchApply: { keys: ['return'], scope: 'search', dangerous: false },
  searchCancel: { keys: ['escape'], scope: 'search', dangerous: false },
  searchErase: { keys: ['backspace'], scope: 'search', dangerous: false },
  searchType: { keys: [TEXT_KEY], scope: 'search', dangerous: false },

  lineClose: { keys: ['escape', 'return', 'q'], scope: 'line', dangerous: false },
  lineUp: { keys: ['up', 'k'], scope: 'line', dangerous: false },
  lineDown: { keys: ['down', 'j'], scope: 'line', dangerous: false },

  columnsToggle: { keys: ['1', '2', '3', '4', '5', '6', '7', '8'], scope: 'columns', dangerous: false },
  columnsClose: { keys: ['escape', 'return', 'c', 'q'], scope: 'columns', dangerous: false },
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof keymap;

export const COMMANDS = Object.keys(keymap) as Command[];

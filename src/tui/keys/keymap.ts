/**
 * Every key the monitor answers to, in every mode, as data (k9s actions, gemini-cli keyBindings): the input handler,
 * the hint bar and the `?` help are all built from this one table. Labels live in i18n (`messages.keys`).
 *
 * Key names: single characters as typed, or one of `up`, `down`, `pageUp`, `pageDown`, `home`, `end`, `tab`,
 * `return`, `escape`, `backspace`, `ctrl+c`; and two wildcards a scope tries after its named keys: `text` (one
 * printable character, as typed into the filter) and `other` (any key at all).
 */
export type KeyScope = 'any' | 'global' | 'table' | 'logs' | 'detail' | 'help' | 'dialog' | 'filter';

export interface KeyBinding {
  keys: readonly string[];
  scope: KeyScope;
  /** Changes PM2's state: off in --read-only. */
  dangerous: boolean;
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
  restart: { keys: ['r'], scope: 'table', dangerous: true, hint: 2 },
  stop: { keys: ['s'], scope: 'table', dangerous: true, hint: 3 },
  delete: { keys: ['d'], scope: 'table', dangerous: true, hint: 4 },

  logUp: { keys: ['up', 'k'], scope: 'logs', dangerous: false },
  logDown: { keys: ['down', 'j'], scope: 'logs', dangerous: false },

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
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof keymap;

export const COMMANDS = Object.keys(keymap) as Command[];

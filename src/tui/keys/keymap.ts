/**
 * Every key the monitor answers to, as data (k9s actions, gemini-cli keyBindings): the input handler, the hint bar
 * and the `?` help are all built from this one table. Key names: single characters as typed, or one of `up`,
 * `down`, `pageUp`, `pageDown`, `home`, `end`, `tab`, `return`, `escape`, `backspace`, `ctrl+c`.
 */
export type KeyScope = 'global' | 'table' | 'logs' | 'dialog' | 'filter';

export interface KeyBinding {
  keys: readonly string[];
  label: { ja: string; en: string };
  scope: KeyScope;
  /** Changes PM2's state: off in --read-only. */
  dangerous: boolean;
  /** Shown in the hint bar, in this order (lower first); absent: only in the help. */
  hint?: number;
  /** Keys and label the hint bar shows instead (to show ↑↓ as one entry). */
  hintKeys?: readonly string[];
  hintLabel?: { ja: string; en: string };
}

export const keymap = {
  selectUp: { keys: ['up', 'k'], label: { ja: '上のサービスを選択', en: 'Select the one above' }, scope: 'table', dangerous: false },
  selectDown: {
    keys: ['down', 'j'],
    label: { ja: '下のサービスを選択', en: 'Select the one below' },
    hintLabel: { ja: '選択', en: 'Select' },
    scope: 'table',
    dangerous: false,
    hint: 1,
    hintKeys: ['up', 'down'],
  },
  restart: { keys: ['r'], label: { ja: '再起動', en: 'Restart' }, scope: 'table', dangerous: true, hint: 2 },
  stop: { keys: ['s'], label: { ja: '停止', en: 'Stop' }, scope: 'table', dangerous: true, hint: 3 },
  delete: { keys: ['d'], label: { ja: '削除', en: 'Delete' }, scope: 'table', dangerous: true, hint: 4 },
  filter: { keys: ['/'], label: { ja: 'フィルタ', en: 'Filter' }, scope: 'global', dangerous: false, hint: 5 },
  toggleDetail: {
    keys: ['return', 'i'],
    label: { ja: '詳細を広げる/戻す', en: 'Expand/shrink details' },
    scope: 'global',
    dangerous: false,
  },
  focusNext: { keys: ['tab'], label: { ja: 'ログ/一覧 切替', en: 'Logs/list focus' }, hintLabel: { ja: 'ログ', en: 'Logs' }, scope: 'global', dangerous: false, hint: 8 },
  logUp: { keys: ['up', 'k'], label: { ja: 'ログを 1 行戻る', en: 'Log: one line back' }, scope: 'logs', dangerous: false },
  logDown: { keys: ['down', 'j'], label: { ja: 'ログを 1 行進む', en: 'Log: one line on' }, scope: 'logs', dangerous: false },
  logPageUp: { keys: ['pageUp'], label: { ja: 'ログを 1 画面戻る (一時停止)', en: 'Log: page back (pauses)' }, scope: 'global', dangerous: false },
  logPageDown: { keys: ['pageDown'], label: { ja: 'ログを 1 画面進む', en: 'Log: page on' }, scope: 'global', dangerous: false },
  logFollow: { keys: ['end'], label: { ja: 'ログの追従を再開', en: 'Log: follow again' }, scope: 'global', dangerous: false },
  help: { keys: ['?'], label: { ja: 'ヘルプ', en: 'Help' }, scope: 'global', dangerous: false, hint: 6 },
  quit: { keys: ['q', 'ctrl+c'], label: { ja: '終了', en: 'Quit' }, scope: 'global', dangerous: false, hint: 7 },
  confirmYes: { keys: ['y', 'Y'], label: { ja: '実行する', en: 'Do it' }, scope: 'dialog', dangerous: false },
  confirmNo: { keys: ['n', 'N', 'escape'], label: { ja: '取り消す (ほかのキーも)', en: 'Cancel (any other key too)' }, scope: 'dialog', dangerous: false },
  filterApply: { keys: ['return'], label: { ja: 'フィルタを確定', en: 'Apply the filter' }, scope: 'filter', dangerous: false },
  filterClear: { keys: ['escape'], label: { ja: 'フィルタを解除', en: 'Clear the filter' }, scope: 'filter', dangerous: false },
  filterErase: { keys: ['backspace'], label: { ja: '1 文字消す', en: 'Erase a character' }, scope: 'filter', dangerous: false },
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof keymap;

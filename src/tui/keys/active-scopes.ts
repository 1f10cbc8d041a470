import type { Focus } from '../state/ui-state.js';
import type { KeyScope } from './keymap.js';

/** What the keyboard is talking to: one mode at a time, each with its own keymap scopes. */
export type InputMode = 'tooSmall' | 'confirm' | 'filter' | 'search' | 'line' | 'columns' | 'help' | 'normal';

export interface ModeState {
  confirm: unknown;
  filter: { editing: boolean };
  search: { editing: boolean };
  lineView: unknown;
  columnsOpen: boolean;
  helpOpen: boolean;
}

export function inputMode(state: ModeState, tooSmall: boolean): InputMode {
  if (tooSmall) return 'tooSmall';
  if (state.confirm !== null) return 'confirm';
  if (state.filter.editing) return 'filter';
  if (state.search.editing) return 'search';
  if (state.lineView !== null) return 'line';
  if (state.columnsOpen) return 'columns';
  if (state.helpOpen) return 'help';
  return 'normal';
}

/** The scopes a key is looked up in, first first. `any` (Ctrl-C) works in every mode. */
export function activeScopes(mode: InputMode, focus: Focus): KeyScope[] {
  switch (mode) {
    case 'tooSmall':
      return ['any', 'global'];
    case 'confirm':
      return ['any', 'dialog'];
    case 'filter':
      return ['any', 'filter'];
    case 'search':
      return ['any', 'search'];
    case 'line':
      return ['any', 'line'];
    case 'columns':
      return ['any', 'columns'];
    case 'help':
      return ['any', 'help'];
    case 'normal':
      return ['any', focus, 'global'];
  }
}

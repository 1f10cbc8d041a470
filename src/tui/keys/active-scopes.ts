import type { Focus } from '../state/ui-state.js';
import type { KeyScope } from './keymap.js';

/** What the keyboard is talking to: one mode at a time, each with its own keymap scopes. */
export type InputMode = 'tooSmall' | 'confirm' | 'filter' | 'help' | 'normal';

export function inputMode(state: { confirm: unknown; filter: { editing: boolean }; helpOpen: boolean }, tooSmall: boolean): InputMode {
  if (tooSmall) return 'tooSmall';
  if (state.confirm !== null) return 'confirm';
  if (state.filter.editing) return 'filter';
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
    case 'help':
      return ['any', 'help'];
    case 'normal':
      return ['any', focus, 'global'];
  }
}

import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { keyLabel } from './key-label.js';
import { COMMANDS, keymap, type Command, type KeyBinding } from './keymap.js';

/** The hint bar's entries, `keys label`, in hint order; dangerous commands left out in read-only mode. */
export function hintEntries(messages: Messages, glyphs: Glyphs, readOnly: boolean): string[] {
  return COMMANDS.map((command) => [command, keymap[command] as KeyBinding] as const)
    .filter(([, binding]) => binding.hint !== undefined && !(readOnly && binding.dangerous))
    .sort(([, a], [, b]) => (a.hint ?? 0) - (b.hint ?? 0))
    .map(([command, binding]: readonly [Command, KeyBinding]) => {
      const keys = binding.hintKeys ? binding.hintKeys.map((key) => keyLabel(key, glyphs, messages)).join('') : keyLabel(binding.keys[0]!, glyphs, messages);
      return `${keys} ${messages.keyHints[command] ?? messages.keys[command]}`;
    });
}

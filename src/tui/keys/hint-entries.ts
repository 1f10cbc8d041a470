import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { cellWidth } from '../format/cell-width.js';
import { keyLabel } from './key-label.js';
import { COMMANDS, keymap, type Command, type KeyBinding, type KeyScope } from './keymap.js';

/**
 * The hint bar's entries, `keys label`, in hint order; dangerous commands left out in read-only mode. With `scopes`
 * (the active ones, focused pane first), only their commands.
 */
export function hintEntries(messages: Messages, glyphs: Glyphs, readOnly: boolean, scopes: readonly KeyScope[] = ['table', 'global']): string[] {
  // A key an earlier scope takes (`/` searches the log when it has focus) hides the later scope's hint for it.
  const earlier = (binding: KeyBinding) =>
    COMMANDS.some((other) => {
      const o = keymap[other] as KeyBinding;
      return scopes.indexOf(o.scope) !== -1 && scopes.indexOf(o.scope) < scopes.indexOf(binding.scope) && o.keys.some((key) => binding.keys.includes(key));
    });
  return COMMANDS.map((command) => [command, keymap[command] as KeyBinding] as const)
    .filter(([, binding]) => binding.hint !== undefined && scopes.includes(binding.scope) && !(readOnly && binding.dangerous) && !earlier(binding))
    .sort(([, a], [, b]) => (a.hint ?? 0) - (b.hint ?? 0))
    .map(([command, binding]: readonly [Command, KeyBinding]) => {
      const labels = (binding.hintKeys ?? binding.keys.slice(0, 1)).map((key) => keyLabel(key, glyphs, messages));
      // `↑↓` reads as one entry; ASCII's `Up` and `Dn` need a separator.
      const keys = labels.join(labels.every((label) => cellWidth(label) === 1) ? '' : '/');
      return `${keys} ${messages.keyHints[command] ?? messages.keys[command]}`;
    });
}

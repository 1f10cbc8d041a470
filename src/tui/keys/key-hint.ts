import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { keyLabel } from './key-label.js';
import { keymap, OTHER_KEY, type Command } from './keymap.js';

/** `Esc/? ヘルプを閉じる`: a command's keys (wildcards left out) and what it does, from the keymap. */
export function keyHint(command: Command, messages: Messages, glyphs: Glyphs): string {
  const keys = (keymap[command].keys as readonly string[]).filter((key) => key !== OTHER_KEY).map((key) => keyLabel(key, glyphs, messages));
  return `${keys.join('/')} ${messages.keys[command]}`;
}

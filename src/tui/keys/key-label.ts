import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { OTHER_KEY, TEXT_KEY } from './keymap.js';

const named: Record<string, string> = {
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
  return: 'Enter',
  escape: 'Esc',
  backspace: 'BS',
  'ctrl+c': 'Ctrl-C',
  space: 'Space',
};

/** How a key name is written on screen; arrows come from the glyph set so `--ascii` stays ASCII. */
export function keyLabel(key: string, glyphs: Glyphs, messages: Messages): string {
  if (key === 'up') return glyphs.up;
  if (key === 'down') return glyphs.down;
  if (key === 'left') return glyphs.left;
  if (key === 'right') return glyphs.right;
  if (key === TEXT_KEY) return messages.keyNames.text;
  if (key === OTHER_KEY) return messages.keyNames.other;
  return named[key] ?? key;
}

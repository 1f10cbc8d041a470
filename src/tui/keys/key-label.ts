import type { Glyphs } from '../format/glyphs.js';

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
};

/** How a key name is written on screen; arrows come from the glyph set so `--ascii` stays ASCII. */
export function keyLabel(key: string, glyphs: Glyphs): string {
  if (key === 'up') return glyphs.up;
  if (key === 'down') return glyphs.down;
  return named[key] ?? key;
}

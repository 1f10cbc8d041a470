import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { cellWidth } from '../format/cell-width.js';
import { keyLabel } from './key-label.js';
import { COMMANDS, keymap, type KeyScope } from './keymap.js';

export interface HelpLine {
  text: string;
  heading: boolean;
  disabled: boolean;
}

const scopeOrder: readonly KeyScope[] = ['table', 'detail', 'logs', 'global', 'any', 'filter', 'search', 'line', 'columns', 'dialog', 'help'];
const KEY_COLUMN = 9;

/** The `?` screen: every command of the keymap with all its keys, grouped by where it works. */
export function helpLines(messages: Messages, glyphs: Glyphs, readOnly: boolean): HelpLine[] {
  const lines: HelpLine[] = [];
  for (const scope of scopeOrder) {
    lines.push({ text: messages.help.scopes[scope], heading: true, disabled: false });
    for (const command of COMMANDS.filter((c) => keymap[c].scope === scope)) {
      const binding = keymap[command];
      const keys = binding.keys.map((key) => keyLabel(key, glyphs, messages)).join('/');
      const pad = ' '.repeat(Math.max(1, KEY_COLUMN + 1 - cellWidth(keys)));
      lines.push({ text: `  ${keys}${pad}${messages.keys[command]}`, heading: false, disabled: readOnly && binding.dangerous });
    }
  }
  return lines;
}

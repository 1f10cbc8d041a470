import type { Lang } from '../../i18n/lang.js';
import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { keyLabel } from './key-label.js';
import { keymap, type Command, type KeyScope } from './keymap.js';

export interface HelpLine {
  text: string;
  heading: boolean;
  disabled: boolean;
}

const scopeOrder: readonly KeyScope[] = ['table', 'logs', 'global', 'filter', 'dialog'];

/** The `?` screen: every command of the keymap with all its keys, grouped by where it works. */
export function helpLines(lang: Lang, messages: Messages, glyphs: Glyphs, readOnly: boolean): HelpLine[] {
  const entries = Object.entries(keymap) as [Command, (typeof keymap)[Command]][];
  const lines: HelpLine[] = [];
  for (const scope of scopeOrder) {
    lines.push({ text: messages.help.scopes[scope], heading: true, disabled: false });
    for (const [, binding] of entries.filter(([, b]) => b.scope === scope)) {
      const keys = binding.keys.map((key) => keyLabel(key, glyphs)).join('/');
      lines.push({ text: `  ${keys.padEnd(9)} ${binding.label[lang]}`, heading: false, disabled: readOnly && binding.dangerous });
    }
  }
  return lines;
}

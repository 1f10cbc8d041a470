import type { Lang } from '../../i18n/lang.js';
import type { Glyphs } from '../format/glyphs.js';
import { keyLabel } from './key-label.js';
import { keymap, type Command } from './keymap.js';

/** The hint bar's entries, `keys label`, in hint order; dangerous commands left out in read-only mode. */
export function hintEntries(lang: Lang, glyphs: Glyphs, readOnly: boolean): string[] {
  return (Object.entries(keymap) as [Command, (typeof keymap)[Command]][])
    .filter(([, binding]) => 'hint' in binding && !(readOnly && binding.dangerous))
    .sort(([, a], [, b]) => ('hint' in a ? a.hint : 0) - ('hint' in b ? b.hint : 0))
    .map(([, binding]) => {
      const keys = 'hintKeys' in binding ? binding.hintKeys.map((key) => keyLabel(key, glyphs)).join('') : keyLabel(binding.keys[0], glyphs);
      const label = 'hintLabel' in binding ? binding.hintLabel[lang] : binding.label[lang];
      return `${keys} ${label}`;
    });
}

import { formatDiagnostic } from '../../i18n/diagnostics.js';
import type { Lang } from '../../i18n/lang.js';
import { messagesFor } from '../../i18n/messages-for.js';
import { asciiGlyphs, unicodeGlyphs } from '../format/glyphs.js';
import type { DisplayOptions } from './display-options.js';

export interface DisplayChoices {
  lang: Lang;
  ascii?: boolean;
  color?: boolean;
  readOnly?: boolean;
  pm2?: string;
}

export function makeDisplayOptions(choices: DisplayChoices): DisplayOptions {
  const ascii = choices.ascii ?? false;
  return {
    lang: choices.lang,
    messages: messagesFor(choices.lang),
    glyphs: ascii ? asciiGlyphs : unicodeGlyphs,
    ascii,
    color: choices.color ?? true,
    readOnly: choices.readOnly ?? false,
    pm2: choices.pm2 ?? 'pm2',
    describeDiagnostic: (diagnostic) => formatDiagnostic(diagnostic, choices.lang),
  };
}

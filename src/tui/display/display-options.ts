import type { Diagnostic } from '../../pm2-bridge/types.js';
import type { Lang } from '../../i18n/lang.js';
import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';

import type { FormattedDiagnostic } from '../../i18n/diagnostics.js';

/** How the monitor draws, decided once at start-up (flags, env, terminal). */
export interface DisplayOptions {
  lang: Lang;
  messages: Messages;
  glyphs: Glyphs;
  ascii: boolean;
  /** false for --no-color, NO_COLOR and TERM=dumb: no colours and no other SGR styles at all. */
  color: boolean;
  readOnly: boolean;
  /** How this setup calls pm2 in the commands the screen shows: `pm2`, or `npx pm2` when it is not on PATH. */
  pm2: string;
  /** Turns a finding into words in `lang` (the diagnostics catalogue). */
  describeDiagnostic: (diagnostic: Diagnostic) => FormattedDiagnostic;
}

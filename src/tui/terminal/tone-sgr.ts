import type { Tone } from '../format/tone.js';

/** The SGR foreground code of each tone: what Ink's `<Text color>` (chalk) writes for it. */
const FOREGROUND: Record<Tone, number> = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, gray: 90 };

/** `text` in `tone` as SGR, for rows drawn outside Ink; plain when colour is off or there is no tone. */
export function toneSgr(text: string, tone: Tone | null, color: boolean): string {
  if (!color || tone === null || text === '') return text;
  return `\u001B[${FOREGROUND[tone]}m${text}\u001B[39m`;
}

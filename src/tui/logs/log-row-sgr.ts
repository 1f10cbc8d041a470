import { toneSgr } from '../terminal/tone-sgr.js';
import type { LogRow } from './log-view.js';

/**
 * One row of the log view model as terminal text, for the screen layer: stderr red, a search match inverse (the
 * model's `!`, `*` and `>` marks say the same without colour). Plain when colour is off. A paced flood's skip row is
 * plain too: its words and marks say what it is, and a style around a count that changes on every frame would cost
 * bytes on every frame.
 */
export function logRowSgr(row: LogRow, color: boolean): string {
  return row.segments
    .map((segment) => {
      if (segment.kind === 'match' && color) return `\u001B[7m${segment.text}\u001B[27m`;
      return toneSgr(segment.text, row.stream === 'err' ? 'red' : null, color);
    })
    .join('');
}

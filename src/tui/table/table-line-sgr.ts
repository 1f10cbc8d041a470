import { toneSgr } from '../terminal/tone-sgr.js';
import type { TableLine } from './table-lines.js';

/**
 * One line of the table model as terminal text, for the start screen: the cells and styles Ink's Toned draws for
 * it (bold, inverse, the tone), each closed after its segment. Plain when colour is off.
 */
export function tableLineSgr(line: TableLine, color: boolean): string {
  return line.segments
    .map(({ text, tone, bold, inverse }) => {
      const toned = toneSgr(text, tone, color);
      if (!color || text === '') return toned;
      const inverted = inverse ? `\u001B[7m${toned}\u001B[27m` : toned;
      return bold ? `\u001B[1m${inverted}\u001B[22m` : inverted;
    })
    .join('');
}

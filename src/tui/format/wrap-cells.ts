import { cellWidth } from './cell-width.js';
import { graphemes } from './graphemes.js';

interface BreakPoint {
  /** The row ends here (exclusive). */
  cut: number;
  /** The next row starts here (after a space that is dropped, else at `cut`). */
  rest: number;
  /** Cells used up to `rest`. */
  usedAtRest: number;
}

/**
 * Breaks `text` into rows of at most `width` cells, nothing left out: at the last space, or the last place next to
 * a wide (CJK) character, that fits; else between graphemes (a wide character never straddles the edge). Rows
 * after the first start with `indent` (counted in the width), so a wrapped fix lines up under its own text.
 */
export function wrapCells(text: string, width: number, indent = ''): string[] {
  if (width <= 0) return [];
  if (cellWidth(text) <= width) return [text];
  const indentWidth = cellWidth(indent) < width ? cellWidth(indent) : 0;
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let lastWide = false;
  let breakPoint: BreakPoint | null = null;
  const room = () => (rows.length === 0 ? width : width - indentWidth);
  const flush = (part: string) => rows.push(rows.length === 0 || indentWidth === 0 ? part : indent + part);
  for (const { segment } of graphemes(text)) {
    const w = cellWidth(segment);
    if (used + w > room()) {
      if (segment === ' ') {
        flush(row);
        row = '';
        used = 0;
        breakPoint = null;
        lastWide = false;
        continue;
      }
      const point = w === 2 || breakPoint === null || breakPoint.cut === 0 ? { cut: row.length, rest: row.length, usedAtRest: used } : breakPoint;
      flush(row.slice(0, point.cut));
      row = row.slice(point.rest);
      used -= point.usedAtRest;
      breakPoint = null;
    } else if (w === 2 || lastWide) {
      // Between a wide character and its neighbour is a place to break, as CJK text has no spaces.
      if (row !== '') breakPoint = { cut: row.length, rest: row.length, usedAtRest: used };
    }
    row += segment;
    used += w;
    lastWide = w === 2;
    if (segment === ' ') breakPoint = { cut: row.length - 1, rest: row.length, usedAtRest: used };
  }
  if (row !== '' || rows.length === 0) flush(row);
  return rows;
}

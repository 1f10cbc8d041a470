import { cellWidth } from './cell-width.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Breaks `text` into rows of at most `width` cells, nothing left out: at the last space that fits when there is
 * one, else between graphemes (a wide character never straddles the edge). Rows after the first start with
 * `indent` (counted in the width), so a wrapped fix lines up under its own text.
 */
export function wrapCells(text: string, width: number, indent = ''): string[] {
  if (width <= 0) return [];
  if (cellWidth(text) <= width) return [text];
  const indentWidth = cellWidth(indent) < width ? cellWidth(indent) : 0;
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let lastSpace = -1; // index in `row` just after the last space
  let lastSpaceUsed = 0;
  const room = () => (rows.length === 0 ? width : width - indentWidth);
  const flush = (text: string) => rows.push(rows.length === 0 ? text : (indentWidth > 0 ? indent : '') + text);
  for (const { segment } of segmenter.segment(text)) {
    const w = cellWidth(segment);
    if (used + w > room()) {
      if (segment === ' ') {
        flush(row);
        row = '';
        used = 0;
        lastSpace = -1;
        continue;
      }
      if (lastSpace > 0) {
        flush(row.slice(0, lastSpace - 1));
        row = row.slice(lastSpace);
        used -= lastSpaceUsed;
      } else {
        flush(row);
        row = '';
        used = 0;
      }
      lastSpace = -1;
    }
    row += segment;
    used += w;
    if (segment === ' ') {
      lastSpace = row.length;
      lastSpaceUsed = used;
    }
  }
  if (row !== '' || rows.length === 0) flush(row);
  return rows;
}

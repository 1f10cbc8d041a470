import { cellWidth } from './cell-width.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut. A wide character never
 * straddles the edge: the result may be one cell short instead.
 */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  const ellipsisWidth = cellWidth(ellipsis);
  if (ellipsisWidth > width) return ellipsis.slice(0, width);
  const room = width - ellipsisWidth;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = cellWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

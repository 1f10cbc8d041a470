import { asciiPrefixLength, cellWidth } from './cell-width.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut. A wide character never
 * straddles the edge: the result may be one cell short instead.
 */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const ascii = asciiPrefixLength(text);
  if (ascii <= width && (ascii === text.length || cellWidth(text) <= width)) return text;
  const ellipsisWidth = cellWidth(ellipsis);
  if (ellipsisWidth > width) return ellipsis.slice(0, width);
  const room = width - ellipsisWidth;
  // More ASCII than fits (a long log line): the cut falls inside it and no segmenting is needed.
  if (ascii > width) return text.slice(0, room) + ellipsis;
  // Two printable ASCII characters never form one grapheme; the last one might with what follows.
  let out = text.slice(0, Math.max(0, Math.min(ascii - 1, room)));
  let used = out.length;
  for (const { segment } of segmenter.segment(text.slice(out.length))) {
    const w = cellWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

import { asciiPrefixLength, cellWidth } from './cell-width.js';
import { graphemes } from './graphemes.js';

/**
 * Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut. A wide character never
 * straddles the edge: the result may be one cell short instead. Only what can be shown is measured: the cost is
 * bounded by `width`, however long the text (a 300 KB log line costs what a short one does).
 */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const ascii = asciiPrefixLength(text);
  if (ascii === text.length && ascii <= width) return text;
  // Escape codes take no cells; measured per grapheme they would. (Text from apps never has them: it is sanitized.)
  if (text.includes('\u001b') && cellWidth(text) <= width) return text;
  const ellipsisWidth = cellWidth(ellipsis);
  const room = width - ellipsisWidth;
  const cut = (end: number) => (ellipsisWidth > width ? ellipsis.slice(0, width) : text.slice(0, end) + ellipsis);
  // More ASCII than fits (a long log line): the cut falls inside it and no segmenting is needed.
  if (ascii > width) return cut(room);
  // Two printable ASCII characters never form one grapheme; the last one might with what follows.
  const start = Math.max(0, ascii - 1);
  let used = start;
  let fitsRoom = Math.max(0, Math.min(start, room));
  let end = start;
  for (const { segment, index } of graphemes(text.slice(start))) {
    const w = cellWidth(segment);
    if (used + w > width) return cut(fitsRoom);
    used += w;
    end = start + index + segment.length;
    if (used <= room) fitsRoom = end;
  }
  return end >= text.length ? text : cut(fitsRoom);
}

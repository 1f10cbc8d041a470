import { cellWidth } from './cell-width.js';
import { truncateCells } from './truncate-cells.js';

export type Align = 'left' | 'right';

/** Fits `text` into exactly `width` cells: truncated with `ellipsis` when too wide, padded with spaces otherwise. */
export function padCells(text: string, width: number, align: Align = 'left', ellipsis = '…'): string {
  const fitted = truncateCells(text, width, ellipsis);
  const gap = ' '.repeat(Math.max(0, width - cellWidth(fitted)));
  return align === 'right' ? gap + fitted : fitted + gap;
}

// A terminal screen as a grid of cells: one character (grapheme) and one style id per cell. A wide character
// (kana, kanji: 2 cells) sits in its first cell; the cell after it holds WIDE_TAIL.
import { DEFAULT_STYLE_ID } from './style.js';

export const BLANK = ' ';
/** The second cell of a wide character. */
export const WIDE_TAIL = '';

export interface Grid {
  readonly rows: number;
  readonly cols: number;
  /** rows * cols, row-major. */
  readonly chars: string[];
  readonly styles: Uint32Array;
}

export function createGrid(rows: number, cols: number): Grid {
  const size = Math.max(0, rows) * Math.max(0, cols);
  return { rows, cols, chars: new Array<string>(size).fill(BLANK), styles: new Uint32Array(size) };
}

/** A new grid of the given size holding what fits of `grid` (top-left anchored). */
export function resizeGrid(grid: Grid, rows: number, cols: number): Grid {
  const next = createGrid(rows, cols);
  const keepRows = Math.min(rows, grid.rows);
  const keepCols = Math.min(cols, grid.cols);
  for (let r = 0; r < keepRows; r++) {
    for (let c = 0; c < keepCols; c++) {
      next.chars[r * cols + c] = grid.chars[r * grid.cols + c] ?? BLANK;
      next.styles[r * cols + c] = grid.styles[r * grid.cols + c] ?? DEFAULT_STYLE_ID;
    }
    // A wide character cut in half at the new right edge becomes a blank.
    const last = r * cols + keepCols - 1;
    if (keepCols > 0 && keepCols < grid.cols && grid.chars[r * grid.cols + keepCols] === WIDE_TAIL) {
      next.chars[last] = BLANK;
      next.styles[last] = DEFAULT_STYLE_ID;
    }
  }
  return next;
}

export function cloneGrid(grid: Grid): Grid {
  return { rows: grid.rows, cols: grid.cols, chars: grid.chars.slice(), styles: grid.styles.slice() };
}

/** Blanks cells [from, to) of row `row`, and the other half of any wide character the range cuts. */
export function eraseCells(grid: Grid, row: number, from: number, to: number): void {
  const base = row * grid.cols;
  const start = Math.max(0, from);
  const end = Math.min(grid.cols, to);
  if (start >= end) return;
  if (grid.chars[base + start] === WIDE_TAIL && start > 0) {
    grid.chars[base + start - 1] = BLANK;
    grid.styles[base + start - 1] = DEFAULT_STYLE_ID;
  }
  if (end < grid.cols && grid.chars[base + end] === WIDE_TAIL) {
    grid.chars[base + end] = BLANK;
    grid.styles[base + end] = DEFAULT_STYLE_ID;
  }
  grid.chars.fill(BLANK, base + start, base + end);
  grid.styles.fill(DEFAULT_STYLE_ID, base + start, base + end);
}

/** Moves every row up by one (the top row leaves), leaving a blank bottom row: what a newline on the last row does. */
export function scrollUp(grid: Grid): void {
  const { cols } = grid;
  grid.chars.copyWithin(0, cols);
  grid.styles.copyWithin(0, cols);
  grid.chars.fill(BLANK, grid.chars.length - cols);
  grid.styles.fill(DEFAULT_STYLE_ID, grid.styles.length - cols);
}

/** The rows as plain text (trailing blanks trimmed): for tests and debugging. */
export function gridText(grid: Grid): string[] {
  const lines: string[] = [];
  for (let r = 0; r < grid.rows; r++) {
    lines.push(grid.chars.slice(r * grid.cols, (r + 1) * grid.cols).join('').trimEnd());
  }
  return lines;
}

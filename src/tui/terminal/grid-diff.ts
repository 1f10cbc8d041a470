// The escape output that turns what the terminal shows (a Grid we keep in step) into the next Grid: for each row,
// the runs of changed cells, each reached by the cheapest cursor move and written with the fewest SGR changes.
// A wide character is always redrawn whole, and so is one that a change cuts into.
import { BLANK, WIDE_TAIL, createGrid, type Grid } from './grid.js';
import { CLEAR_SCREEN } from './screen-modes.js';
import { DEFAULT_STYLE_ID, type StyleTable } from './style.js';

/** What the real terminal shows and where its cursor and SGR state are. `col` -1: unknown (after the last column). */
export interface PhysicalScreen {
  grid: Grid;
  row: number;
  col: number;
  styleId: number;
}

/** Clean cells between two changed runs that are cheaper to rewrite than to jump over. */
const MERGE_GAP = 3;
/** Trailing blanks at least this long are erased with ESC[K instead of written as spaces. */
const ERASE_MIN = 4;

export function createPhysicalScreen(rows: number, cols: number): PhysicalScreen {
  return { grid: createGrid(rows, cols), row: 0, col: 0, styleId: DEFAULT_STYLE_ID };
}

/**
 * Clears the real screen and returns a PhysicalScreen that knows it is blank; diff against it to paint a whole
 * frame. Used for the first frame and after a resize, when what the terminal shows is unknown.
 */
export function clearScreen(rows: number, cols: number): { output: string; screen: PhysicalScreen } {
  return { output: CLEAR_SCREEN, screen: createPhysicalScreen(rows, cols) };
}

/**
 * Returns the output that makes `screen` show `next` and updates `screen` (grid, cursor, style) to match.
 * Both grids must have the same size. Returns '' when nothing differs.
 */
export function diffGrid(screen: PhysicalScreen, next: Grid, styles: StyleTable): string {
  const prev = screen.grid;
  if (prev.rows !== next.rows || prev.cols !== next.cols) {
    throw new Error(`grid sizes differ: ${prev.rows}x${prev.cols} vs ${next.rows}x${next.cols}`);
  }
  const { cols } = next;
  const dirty = new Uint8Array(cols);
  let out = '';
  for (let r = 0; r < next.rows; r++) {
    const base = r * cols;
    if (!markDirty(prev, next, base, dirty)) continue;
    out += diffRow(screen, next, styles, r, dirty);
  }
  return out;
}

/** Marks the cells of one row that must be rewritten; false when the row is unchanged. */
function markDirty(prev: Grid, next: Grid, base: number, dirty: Uint8Array): boolean {
  const cols = dirty.length;
  let any = false;
  for (let c = 0; c < cols; c++) {
    const i = base + c;
    const changed = prev.chars[i] !== next.chars[i] || prev.styles[i] !== next.styles[i];
    dirty[c] = changed ? 1 : 0;
    if (changed) any = true;
  }
  if (!any) return false;
  // Spread to the other half of any wide character, old or new, until nothing more changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < cols; c++) {
      if (!dirty[c]) continue;
      const i = base + c;
      if (c > 0 && !dirty[c - 1] && (prev.chars[i] === WIDE_TAIL || next.chars[i] === WIDE_TAIL)) {
        dirty[c - 1] = 1;
        changed = true;
      }
      if (c + 1 < cols && !dirty[c + 1] && (prev.chars[i + 1] === WIDE_TAIL || next.chars[i + 1] === WIDE_TAIL)) {
        dirty[c + 1] = 1;
        changed = true;
      }
    }
  }
  return true;
}

function diffRow(screen: PhysicalScreen, next: Grid, styles: StyleTable, r: number, dirty: Uint8Array): string {
  const prev = screen.grid;
  const cols = next.cols;
  const base = r * cols;
  // Cells from `contentEnd` on are default blanks in the next frame.
  let contentEnd = cols;
  while (contentEnd > 0 && next.chars[base + contentEnd - 1] === BLANK && next.styles[base + contentEnd - 1] === DEFAULT_STYLE_ID) {
    contentEnd--;
  }
  let out = '';
  let c = 0;
  while (c < cols) {
    if (!dirty[c]) {
      c++;
      continue;
    }
    const start = c;
    let end = c + 1;
    for (;;) {
      while (end < cols && dirty[end]) end++;
      let gap = end;
      while (gap < cols && !dirty[gap] && gap - end < MERGE_GAP + 1) gap++;
      if (gap < cols && dirty[gap] && gap - end <= MERGE_GAP) end = gap;
      else break;
    }
    out += moveCursor(screen, r, start, cols);
    const eraseFrom = Math.max(start, contentEnd);
    const eraseTail = end > eraseFrom && end - eraseFrom >= ERASE_MIN;
    const writeEnd = eraseTail ? eraseFrom : end;
    for (let k = start; k < writeEnd; k++) {
      const i = base + k;
      const char = next.chars[i]!;
      if (char === WIDE_TAIL) continue;
      const styleId = next.styles[i]!;
      if (styleId !== screen.styleId) {
        out += styles.transition(screen.styleId, styleId);
        screen.styleId = styleId;
      }
      out += char;
    }
    for (let k = start; k < writeEnd; k++) {
      prev.chars[base + k] = next.chars[base + k]!;
      prev.styles[base + k] = next.styles[base + k]!;
    }
    screen.row = r;
    screen.col = writeEnd >= cols ? -1 : writeEnd;
    if (eraseTail) {
      if (screen.styleId !== DEFAULT_STYLE_ID) {
        out += styles.transition(screen.styleId, DEFAULT_STYLE_ID);
        screen.styleId = DEFAULT_STYLE_ID;
      }
      out += '\u001B[K';
      prev.chars.fill(BLANK, base + eraseFrom, base + cols);
      prev.styles.fill(DEFAULT_STYLE_ID, base + eraseFrom, base + cols);
      // Everything after the erase is blank in both grids now.
      return out;
    }
    c = end;
  }
  return out;
}

/** The shortest sequence that moves the cursor from where `screen` has it to (row, col); updates `screen`. */
export function moveCursor(screen: PhysicalScreen, row: number, col: number, _cols: number): string {
  const from = { row: screen.row, col: screen.col };
  screen.row = row;
  screen.col = col;
  if (from.row === row && from.col === col) return '';
  let best = col === 0 ? (row === 0 ? '\u001B[H' : `\u001B[${row + 1}H`) : `\u001B[${row + 1};${col + 1}H`;
  const consider = (candidate: string): void => {
    if (candidate.length < best.length) best = candidate;
  };
  const vertical = (dr: number): string =>
    dr === 0 ? '' : dr > 0 ? (dr === 1 ? '\u001B[B' : `\u001B[${dr}B`) : dr === -1 ? '\u001B[A' : `\u001B[${-dr}A`;
  const horizontal = (fromCol: number): string => {
    const dc = col - fromCol;
    if (dc === 0) return '';
    // A step or three left is backspaces (one byte each, where CUB costs three): a column of counters (the uptimes
    // at idle) is written down and one cell back on every row.
    const relative = dc > 0 ? (dc === 1 ? '\u001B[C' : `\u001B[${dc}C`) : dc >= -3 ? '\b'.repeat(-dc) : `\u001B[${-dc}D`;
    const absolute = `\u001B[${col + 1}G`;
    return relative.length <= absolute.length ? relative : absolute;
  };
  const dr = row - from.row;
  // To column 0 of a row below: NEL (ESC E, carriage return and line feed in one) per row is cheap for small steps.
  // Two bytes where CR LF costs three on the wire: the tty's ONLCR turns its LF into another CR LF.
  const down = dr > 0 && dr <= 2 ? '\u001BE'.repeat(dr) : '\r' + vertical(dr);
  consider(down + (col === 0 ? '' : horizontal(0)));
  if (from.col >= 0) consider(vertical(dr) + horizontal(from.col));
  return best;
}

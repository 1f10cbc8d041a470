// Rows drawn over Ink's frame without going through React and Yoga: the cell-diff writer paints each layer into a
// copy of the screen Ink drew, then diffs that against the terminal. A busy log pane is a layer: a new line costs
// its rows and a diff, not a React commit, a Yoga layout and Ink's whole-frame output (bench/tui.mjs: that was most
// of the monitor's CPU under a flood). Ink keeps drawing everything else, and an empty box where a layer goes.
import { cloneGrid, type Grid } from './grid.js';
import { VirtualTerminal } from './virtual-terminal.js';
import type { StyleTable } from './style.js';

export interface LayerRect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Layer {
  /** Where the layer goes, read at each paint (the box Ink laid out may have moved since the rows were set). */
  rect(): LayerRect | null;
  /** One string per row, top first, at most rect's width in cells; SGR allowed; rows past the height are dropped. */
  rows: readonly string[];
}

export class ScreenLayers {
  private readonly layers = new Map<string, Layer>();
  /** Each layer's small terminal and the rows last written to it (a row written again only when it changed). */
  private readonly scratch = new Map<string, { terminal: VirtualTerminal; rows: (string | undefined)[] }>();
  /** Called when a layer changes (the writer schedules a flush). */
  onChange: () => void = () => undefined;

  get size(): number {
    return this.layers.size;
  }

  set(id: string, layer: Layer): void {
    this.layers.set(id, layer);
    this.onChange();
  }

  delete(id: string): void {
    if (!this.layers.delete(id)) return;
    this.scratch.delete(id);
    this.onChange();
  }

  /** `base` with every layer painted over it (base itself is left alone); `base` when there are none. */
  compose(base: Grid, styles: StyleTable): Grid {
    if (this.layers.size === 0) return base;
    const out = cloneGrid(base);
    for (const [id, layer] of this.layers) {
      const rect = layer.rect();
      if (rect === null || rect.width <= 0 || rect.height <= 0) continue;
      const painted = this.paint(id, layer.rows, rect, styles);
      copyInto(out, painted.grid, rect.top, rect.left);
    }
    return out;
  }

  /** The rows drawn by a small terminal of the layer's size (widths, wide characters and SGR as everywhere else). */
  private paint(id: string, rows: readonly string[], rect: LayerRect, styles: StyleTable): VirtualTerminal {
    let scratch = this.scratch.get(id);
    if (scratch === undefined || scratch.terminal.styles !== styles) {
      scratch = { terminal: new VirtualTerminal(rect.height, rect.width, styles), rows: [] };
      this.scratch.set(id, scratch);
    } else if (scratch.terminal.rows !== rect.height || scratch.terminal.cols !== rect.width) {
      scratch.terminal.resize(rect.height, rect.width);
      scratch.rows = [];
    }
    // A paced flood redraws two rows under a held page: the page's rows are not parsed again on each frame. The row
    // after a rewritten one is rewritten too, in case the first ran past the width and wrapped into it.
    let text = '';
    let rewrote = false;
    const count = Math.min(rows.length, rect.height);
    for (let r = 0; r < rect.height; r++) {
      const row = r < count ? rows[r]! : '';
      const unchanged = scratch.rows[r] === row;
      if (unchanged && !rewrote) continue;
      rewrote = !unchanged;
      scratch.rows[r] = row;
      text += `\u001B[${r + 1}H\u001B[m\u001B[2K${row}`;
    }
    if (text !== '') scratch.terminal.write(`${text}\u001B[m`);
    return scratch.terminal;
  }
}

/** Copies `from` into `to` with its top-left corner at (top, left), clipped to `to`. */
function copyInto(to: Grid, from: Grid, top: number, left: number): void {
  const rows = Math.min(from.rows, to.rows - top);
  const cols = Math.min(from.cols, to.cols - left);
  for (let r = Math.max(0, -top); r < rows; r++) {
    const src = r * from.cols;
    const dst = (r + top) * to.cols + left;
    for (let c = Math.max(0, -left); c < cols; c++) {
      to.chars[dst + c] = from.chars[src + c]!;
      to.styles[dst + c] = from.styles[src + c]!;
    }
  }
}

// A small terminal emulator: applies what Ink writes (text, newlines, SGR, cursor moves, erases) to a cell grid,
// so the grid shows what a real terminal would show. It understands everything Ink 6.8 emits: the first frame as
// plain text, `clearTerminal` (ESC[2J ESC[3J ESC[H) plus a frame, log-update's `eraseLines` (ESC[2K ESC[1A ...
// ESC[G), incremental rendering's ESC[nA / ESC[E / ESC[G / ESC[K, cursor show/hide and synchronized-output marks.
// Sequences that change terminal modes rather than the screen (kitty keyboard, bracketed paste, titles) are kept
// aside as passthrough, for the writer to forward unchanged.
import { codePointWidth } from './char-width.js';
import { BLANK, WIDE_TAIL, createGrid, eraseCells, resizeGrid, scrollUp, type Grid } from './grid.js';
import { DEFAULT_STYLE_ID, StyleTable, applySgr } from './style.js';

const ESC = 0x1b;

export class VirtualTerminal {
  grid: Grid;
  row = 0;
  col = 0;
  cursorVisible = true;
  /** After a character lands in the last column, the next one wraps first (as in xterm). */
  private pendingWrap = false;
  private styleId = DEFAULT_STYLE_ID;
  private saved: { row: number; col: number; styleId: number } | null = null;
  private incomplete = '';
  private passthrough = '';
  private readonly sgrCache = new Map<string, number>();

  constructor(
    rows: number,
    cols: number,
    readonly styles: StyleTable = new StyleTable(),
  ) {
    this.grid = createGrid(rows, cols);
  }

  get rows(): number {
    return this.grid.rows;
  }

  get cols(): number {
    return this.grid.cols;
  }

  /** The SGR state text written now would get. */
  get currentStyleId(): number {
    return this.styleId;
  }

  /** Keeps the contents that fit and the cursor inside the new size. */
  resize(rows: number, cols: number): void {
    this.grid = resizeGrid(this.grid, rows, cols);
    this.row = Math.min(this.row, Math.max(0, rows - 1));
    this.col = Math.min(this.col, Math.max(0, cols - 1));
    this.pendingWrap = false;
  }

  /** Mode sequences seen since the last call, to forward to the real terminal. */
  takePassthrough(): string {
    const out = this.passthrough;
    this.passthrough = '';
    return out;
  }

  write(chunk: string): void {
    const text = this.incomplete + chunk;
    this.incomplete = '';
    const length = text.length;
    let i = 0;
    const { chars, styles, cols } = this.grid;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code >= 0x20 && code < 0x7f && !this.pendingWrap && cols > 0) {
        // Fast path for printable ASCII over cells that hold no wide character.
        const index = this.row * cols + this.col;
        if (chars[index] !== WIDE_TAIL && chars[index + 1] !== WIDE_TAIL) {
          chars[index] = text[i]!;
          styles[index] = this.styleId;
          if (++this.col >= cols) {
            this.col = cols - 1;
            this.pendingWrap = true;
          }
          i++;
          continue;
        }
      }
      if (code === ESC) {
        const consumed = this.escape(text, i);
        if (consumed === 0) {
          this.incomplete = text.slice(i);
          return;
        }
        i += consumed;
      } else if (code === 0x0a) {
        // The tty's ONLCR (kept on in raw mode by libuv) makes '\n' a CR LF.
        this.col = 0;
        this.lineFeed();
        i++;
      } else if (code === 0x0d) {
        this.col = 0;
        this.pendingWrap = false;
        i++;
      } else if (code === 0x08) {
        this.col = Math.max(0, this.col - 1);
        this.pendingWrap = false;
        i++;
      } else if (code === 0x09) {
        this.col = Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8);
        this.pendingWrap = false;
        i++;
      } else if (code < 0x20 || code === 0x7f) {
        i++;
      } else {
        const codePoint = text.codePointAt(i) ?? code;
        const char = codePoint > 0xffff ? text.slice(i, i + 2) : text[i]!;
        this.put(char, codePointWidth(codePoint));
        i += char.length;
      }
    }
  }

  private lineFeed(): void {
    this.pendingWrap = false;
    if (this.row >= this.rows - 1) scrollUp(this.grid);
    else this.row++;
  }

  private put(char: string, width: number): void {
    const { grid } = this;
    const cols = grid.cols;
    if (cols === 0 || grid.rows === 0) return;
    if (width === 0) {
      // A combining mark or joiner belongs to the character before it.
      let index = this.row * cols + (this.pendingWrap ? cols - 1 : this.col - 1);
      if (grid.chars[index] === WIDE_TAIL) index--;
      if (index >= this.row * cols) grid.chars[index] += char;
      return;
    }
    if (this.pendingWrap) {
      this.col = 0;
      this.lineFeed();
    }
    if (width === 2 && this.col === cols - 1) {
      // A wide character does not fit in the last column: it goes to the next line.
      eraseCells(grid, this.row, this.col, this.col + 1);
      if (cols < 2) return;
      this.col = 0;
      this.lineFeed();
    }
    const index = this.row * cols + this.col;
    // Only when the write cuts into a wide character does a neighbour cell change too.
    if (grid.chars[index] === WIDE_TAIL || grid.chars[index + width] === WIDE_TAIL || (width === 2 && grid.chars[index + 1] === WIDE_TAIL)) {
      eraseCells(grid, this.row, this.col, this.col + width);
    }
    grid.chars[index] = char;
    grid.styles[index] = this.styleId;
    if (width === 2) {
      grid.chars[index + 1] = WIDE_TAIL;
      grid.styles[index + 1] = this.styleId;
    }
    this.col += width;
    if (this.col >= cols) {
      this.col = cols - 1;
      this.pendingWrap = true;
    }
  }

  /** Handles the escape sequence at `start`; returns how many characters it took, or 0 when it is incomplete. */
  private escape(text: string, start: number): number {
    const kind = text[start + 1];
    if (kind === undefined) return 0;
    if (kind === '[') {
      let end = start + 2;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c >= 0x40 && c <= 0x7e) break;
        end++;
      }
      if (end >= text.length) return 0;
      this.csi(text.slice(start + 2, end), text[end]!, text.slice(start, end + 1));
      return end + 1 - start;
    }
    if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
      // OSC / DCS / APC / PM: up to BEL or ST (ESC \).
      for (let end = start + 2; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === 0x07 || (c === ESC && text[end + 1] === '\\')) {
          const stop = c === 0x07 ? end + 1 : end + 2;
          if (c === ESC && end + 1 >= text.length) return 0;
          const sequence = text.slice(start, stop);
          // Hyperlinks (OSC 8) wrap text cell by cell; they cannot survive a cell diff, so they are dropped.
          if (!sequence.startsWith('\u001B]8;')) this.passthrough += sequence;
          return stop - start;
        }
        if (c === ESC && end + 1 >= text.length) return 0;
      }
      return 0;
    }
    if (kind === '7') {
      this.saved = { row: this.row, col: this.col, styleId: this.styleId };
    } else if (kind === '8') {
      this.restoreCursor();
    } else if (kind === 'M') {
      this.row = Math.max(0, this.row - 1);
      this.pendingWrap = false;
    } else if (kind === 'E') {
      // NEL: carriage return and line feed (what the cell-diff writer moves down with).
      this.col = 0;
      this.lineFeed();
    } else if (kind === 'D') {
      // IND: line feed only.
      this.lineFeed();
    } else if (kind === '(' || kind === ')' || kind === '#' || kind === '%') {
      // Character-set designations take one more character.
      return text.length > start + 2 ? 3 : 0;
    }
    return 2;
  }

  private restoreCursor(): void {
    if (!this.saved) return;
    this.row = Math.min(this.saved.row, this.rows - 1);
    this.col = Math.min(this.saved.col, this.cols - 1);
    this.styleId = this.saved.styleId;
    this.pendingWrap = false;
  }

  private csi(params: string, final: string, sequence: string): void {
    const prefix = params.charCodeAt(0);
    if (prefix >= 0x3c && prefix <= 0x3f) {
      // Private sequences (ESC[?25l, ESC[>1u, ...).
      if (prefix === 0x3f && (final === 'h' || final === 'l')) {
        const forward: string[] = [];
        for (const mode of params.slice(1).split(';')) {
          if (mode === '25') this.cursorVisible = final === 'h';
          else if (mode === '2026' || mode === '1049' || mode === '1047' || mode === '47') continue;
          else forward.push(mode);
        }
        if (forward.length > 0) this.passthrough += `\u001B[?${forward.join(';')}${final}`;
      } else {
        this.passthrough += sequence;
      }
      return;
    }
    if (final === 'm') {
      const key = `${this.styleId}|${params}`;
      let next = this.sgrCache.get(key);
      if (next === undefined) {
        next = this.styles.intern(applySgr(this.styles.get(this.styleId), params));
        if (this.sgrCache.size < 10_000) this.sgrCache.set(key, next);
      }
      this.styleId = next;
      return;
    }
    const args = params.split(';');
    const n = Math.max(1, Number(args[0]) || 1);
    const { rows, cols } = this;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row = Math.min(rows - 1, this.row + n);
        break;
      case 'C':
        this.col = Math.min(cols - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'E':
        this.row = Math.min(rows - 1, this.row + n);
        this.col = 0;
        break;
      case 'F':
        this.row = Math.max(0, this.row - n);
        this.col = 0;
        break;
      case 'G':
      case '`':
        this.col = Math.min(cols - 1, n - 1);
        break;
      case 'd':
        this.row = Math.min(rows - 1, n - 1);
        break;
      case 'H':
      case 'f':
        this.row = Math.min(rows - 1, Math.max(1, Number(args[0]) || 1) - 1);
        this.col = Math.min(cols - 1, Math.max(1, Number(args[1]) || 1) - 1);
        break;
      case 'J':
        this.eraseDisplay(Number(args[0]) || 0);
        return;
      case 'K': {
        const mode = Number(args[0]) || 0;
        if (mode === 0) eraseCells(this.grid, this.row, this.col, cols);
        else if (mode === 1) eraseCells(this.grid, this.row, 0, this.col + 1);
        else eraseCells(this.grid, this.row, 0, cols);
        return;
      }
      case 'X':
        eraseCells(this.grid, this.row, this.col, this.col + n);
        return;
      case 'S':
        for (let k = 0; k < Math.min(n, rows); k++) scrollUp(this.grid);
        return;
      case 's':
        this.saved = { row: this.row, col: this.col, styleId: this.styleId };
        return;
      case 'u':
        this.restoreCursor();
        return;
      default:
        return;
    }
    this.pendingWrap = false;
  }

  private eraseDisplay(mode: number): void {
    const { rows, cols } = this;
    if (mode === 0) {
      eraseCells(this.grid, this.row, this.col, cols);
      for (let r = this.row + 1; r < rows; r++) eraseCells(this.grid, r, 0, cols);
    } else if (mode === 1) {
      for (let r = 0; r < this.row; r++) eraseCells(this.grid, r, 0, cols);
      eraseCells(this.grid, this.row, 0, this.col + 1);
    } else if (mode === 2) {
      this.grid.chars.fill(BLANK);
      this.grid.styles.fill(DEFAULT_STYLE_ID);
    }
    // Mode 3 erases only the scrollback: nothing on the screen changes.
  }
}

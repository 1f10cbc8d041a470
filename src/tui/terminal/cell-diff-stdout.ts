// A stdout for Ink that writes only the cells that changed. Ink gets an object that looks like a TTY write stream
// (isTTY, rows, columns, write, 'resize'); everything it writes goes into a VirtualTerminal, and once per tick
// the writer diffs that screen against what the real terminal shows and sends the cursor moves and changed runs.
// With a frame exactly `rows` tall Ink rewrites the whole screen on every render (clearTerminal + frame): the
// diff turns that into a few bytes, and an unchanged frame into none.
//
// Under backpressure (a slow SSH link) nothing queues: while the target has not drained, frames only update the
// virtual screen, and the next write after 'drain' carries the difference to the newest one.
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { clearScreen, diffGrid, moveCursor, type PhysicalScreen } from './grid-diff.js';
import { ScreenLayers } from './screen-layers.js';
import { ENTER_ALTERNATE, HIDE_CURSOR, LEAVE_ALTERNATE, SHOW_CURSOR } from './screen-modes.js';
import { VirtualTerminal } from './virtual-terminal.js';

export interface CellDiffStdoutOptions {
  /** Draw on the alternate screen and give the shell its screen back on exit (as htop and pm2 monit do). Default true. */
  alternateScreen?: boolean;
  /**
   * The terminal is already on the alternate screen with the cursor hidden (the start screen, src/cli/start-screen.ts,
   * did it before Ink loaded): the first frame clears and draws without entering it again, which would save the
   * cursor a second time (xterm) and bring the shell back with it misplaced. Default false.
   */
  entered?: boolean;
  /**
   * With `entered`: what the terminal shows already (all the start screen wrote since it took the terminal over) and
   * at which size. The first frame is then a diff against it, not a clear and a whole repaint: rows the start screen
   * drew as the frame draws them are not sent again. Ignored when the size is not the terminal's now.
   */
  shown?: { text: string; rows: number; columns: number };
  /** Restore the terminal (cursor shown, SGR reset, alternate screen left) on process 'exit'. Default true. */
  restoreOnExit?: boolean;
  /**
   * Wrap an update of at least this many bytes in synchronized-output marks (ESC[?2026h/l), so a big repaint
   * never shows half drawn. Small updates go out in one write() and need no marks (a frame of a log flood is
   * ~700 bytes: 16 bytes of marks on each were 2% of the bytes). Default 1024.
   */
  synchronizeFrom?: number;
}

export interface CellDiffStats {
  /** write() calls from Ink. */
  inkWrites: number;
  /** Bytes Ink wrote (what the terminal would have got without this writer). */
  inkBytes: number;
  /** write() calls to the real terminal. */
  targetWrites: number;
  /** Bytes written to the real terminal. */
  targetBytes: number;
  /** Full repaints (first frame, resizes). */
  repaints: number;
}

export interface CellDiffControls {
  /** Writes pending changes now (normally done once per tick). */
  flush(): void;
  /** Puts the terminal back as it was: SGR reset, cursor shown, alternate screen left. Idempotent. */
  restore(): void;
  readonly stats: Readonly<CellDiffStats>;
  /** Rows painted over Ink's frame before each diff (the log pane): a change to them is flushed like a frame. */
  readonly layers: ScreenLayers;
}

export type CellDiffStdout = NodeJS.WriteStream & CellDiffControls;

type WriteCallback = (error?: Error | null) => void;

const BEGIN_SYNC = '\u001B[?2026h';
const END_SYNC = '\u001B[?2026l';

class CellDiffWriter extends EventEmitter implements CellDiffControls {
  readonly stats: CellDiffStats = { inkWrites: 0, inkBytes: 0, targetWrites: 0, targetBytes: 0, repaints: 0 };
  readonly layers = new ScreenLayers();
  readonly isTTY = true;
  readonly writable = true;
  private readonly terminal: VirtualTerminal;
  /** null until the first frame and after a resize: the real screen's content is unknown, repaint it all. */
  private physical: PhysicalScreen | null = null;
  private physicalCursorVisible = true;
  private flushScheduled = false;
  private waitingForDrain = false;
  private restored = false;
  private started = false;
  private callbacks: WriteCallback[] = [];
  private readonly decoder = new StringDecoder('utf8');
  private readonly alternateScreen: boolean;
  private readonly synchronizeFrom: number;

  constructor(
    private readonly target: NodeJS.WriteStream,
    options: CellDiffStdoutOptions,
  ) {
    super();
    this.alternateScreen = options.alternateScreen ?? true;
    this.synchronizeFrom = options.synchronizeFrom ?? 1024;
    this.terminal = new VirtualTerminal(this.rows, this.columns);
    if (options.entered === true) {
      this.started = true;
      this.physicalCursorVisible = false;
      const shown = options.shown;
      if (shown !== undefined && shown.rows === this.rows && shown.columns === this.columns) this.physical = this.screenShowing(shown.text);
    }
    this.layers.onChange = () => this.scheduleFlush();
    target.on('resize', this.onResize);
    if (options.restoreOnExit ?? true) process.once('exit', this.restore);
  }

  get columns(): number {
    return this.target.columns || 80;
  }

  get rows(): number {
    return this.target.rows || 24;
  }

  write(chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.from(chunk));
    this.stats.inkWrites++;
    this.stats.inkBytes += Buffer.byteLength(text);
    this.terminal.write(text);
    if (done) this.callbacks.push(done);
    this.scheduleFlush();
    return true;
  }

  flush = (): void => {
    this.flushScheduled = false;
    if (this.restored) {
      this.runCallbacks();
      return;
    }
    if (this.waitingForDrain) return;
    let output = this.terminal.takePassthrough();
    let screen = this.physical;
    if (!screen) {
      const cleared = clearScreen(this.terminal.rows, this.terminal.cols);
      if (!this.started) {
        this.started = true;
        output += (this.alternateScreen ? ENTER_ALTERNATE : '') + HIDE_CURSOR;
        this.physicalCursorVisible = false;
      }
      output += cleared.output;
      screen = this.physical = cleared.screen;
      this.stats.repaints++;
    }
    let changes = diffGrid(screen, this.layers.compose(this.terminal.grid, this.terminal.styles), this.terminal.styles);
    changes += this.cursorOutput(screen);
    if (changes.length >= this.synchronizeFrom) changes = BEGIN_SYNC + changes + END_SYNC;
    output += changes;
    if (output.length > 0) this.writeTarget(output);
    this.runCallbacks();
  };

  restore = (): void => {
    if (this.restored) return;
    this.waitingForDrain = false;
    this.flush();
    this.restored = true;
    process.off('exit', this.restore);
    this.target.off('resize', this.onResize);
    if (!this.started) return;
    let output = '\u001B[m';
    if (this.alternateScreen) {
      output += LEAVE_ALTERNATE;
    } else if (this.physical) {
      // Leave the last frame on screen and put the shell prompt on a fresh line below it.
      output += moveCursor(this.physical, this.terminal.row, this.terminal.col, this.terminal.cols);
      if (this.terminal.col > 0 || this.terminal.row >= this.terminal.rows - 1) output += '\r\n';
    }
    output += SHOW_CURSOR;
    this.writeTarget(output);
  };

  /** The real screen after `text`, as this writer's emulator reads it; the cursor's column taken as unknown. */
  private screenShowing(text: string): PhysicalScreen {
    const shown = new VirtualTerminal(this.rows, this.columns, this.terminal.styles);
    shown.write(text);
    return { grid: shown.grid, row: shown.row, col: -1, styleId: shown.currentStyleId };
  }

  private cursorOutput(screen: PhysicalScreen): string {
    let output = '';
    const visible = this.terminal.cursorVisible;
    // Ink shows the cursor only where a component placed it (useCursor) and when it is done.
    if (visible) output += moveCursor(screen, this.terminal.row, this.terminal.col, this.terminal.cols);
    if (visible !== this.physicalCursorVisible) {
      output += visible ? SHOW_CURSOR : HIDE_CURSOR;
      this.physicalCursorVisible = visible;
    }
    return output;
  }

  private writeTarget(output: string): void {
    this.stats.targetWrites++;
    this.stats.targetBytes += Buffer.byteLength(output);
    const accepted = this.target.write(output);
    if (!accepted && !this.restored) {
      this.waitingForDrain = true;
      this.target.once('drain', () => {
        this.waitingForDrain = false;
        this.scheduleFlush();
      });
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  }

  private runCallbacks(): void {
    if (this.callbacks.length === 0) return;
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) callback();
  }

  private readonly onResize = (): void => {
    this.terminal.resize(this.rows, this.columns);
    // The terminal reflowed or cut its screen: what it shows is unknown, so the next flush repaints it all.
    this.physical = null;
    this.emit('resize');
    this.scheduleFlush();
  };
}

/**
 * Wraps a TTY stream for Ink: `render(<App />, { stdout: createCellDiffStdout(process.stdout) })`. Give the root
 * element exactly `stdout.rows` rows. Call `restore()` after Ink has exited (it also runs on process 'exit').
 */
export function createCellDiffStdout(target: NodeJS.WriteStream, options: CellDiffStdoutOptions = {}): CellDiffStdout {
  return new CellDiffWriter(target, options) as unknown as CellDiffStdout;
}

// The monitor's first frame, drawn before Ink and React load (a few hundred ms on a slow machine, more over a slow
// SSH link): the alternate screen, the cursor hidden and row one as the monitor draws it, saying it is connecting;
// then, once the bridge has the list, the table's rows (src/cli/start-list.ts). The cell-diff writer's first frame
// is a diff against what this screen shows (its `entered` and `shown` options); until then this module gives the
// terminal back on every way out: Ctrl-C or SIGTERM during start, and process exit, an error's included (Node runs
// 'exit' listeners before it prints a fatal error, so the error lands on the shell's screen). With the list on
// screen the keyboard goes to raw mode (holdKeys): keys typed then are not echoed over the rows and wait for Ink as
// typed (Enter a CR, Ctrl-C a key that quits), as an operator who sees the list expects.
import type { ConnectionState } from '../pm2-bridge/types.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import { headerRow, type HeaderRow } from '../tui/layout/header-row.js';
import { CLEAR_SCREEN, ENTER_ALTERNATE, HIDE_CURSOR, LEAVE_FULL_SCREEN } from '../tui/terminal/screen-modes.js';
import { toneSgr } from '../tui/terminal/tone-sgr.js';

export interface StartScreenInput {
  /** What the header says about PM2 before anything is known: connecting (to the local home, or to the hosts). */
  connection: ConnectionState;
  width: number;
  clock: string;
  display: Pick<DisplayOptions, 'messages' | 'glyphs' | 'readOnly' | 'color'>;
}

/** Row one as terminal text, as HeaderBar draws it: the name bold, the state in its tone (no SGR without colour). */
export function headerRowSgr({ left, middle, tone, gap, right }: HeaderRow, color: boolean): string {
  const name = color ? `\u001B[1m${left}\u001B[22m` : left;
  return `${name}${toneSgr(middle, tone, color)}${gap}${right}`;
}

/** The bytes of the start screen: take the terminal over, clear it, draw row one (no SGR at all without colour). */
export function startScreenText({ connection, width, clock, display }: StartScreenInput): string {
  const row = headerRow({ connection, serviceCount: 0, shownCount: null, width, clock, ...display });
  return `${ENTER_ALTERNATE}${HIDE_CURSOR}${CLEAR_SCREEN}${headerRowSgr(row, display.color)}`;
}

/** What the start screen shows: all it wrote, at the terminal size it wrote it for. */
export interface ShownScreen {
  text: string;
  rows: number;
  columns: number;
}

export interface StartScreen {
  /** Writes `text` over the screen (the list's rows), unless the screen was handed over or the terminal resized. */
  draw(text: string): void;
  /**
   * The monitor's writer owns the terminal from now on (it restores it itself): stop watching the ways out. Returns
   * what the screen shows, for the writer's first frame to be a diff against it; null when that is not known (the
   * terminal was resized since: it may have reflowed or cut the screen).
   */
  handOver(): ShownScreen | null;
  /** Puts the keyboard in raw mode (as Ink will): what is typed now is neither echoed nor turned into signals. */
  holdKeys(stdin: Pick<NodeJS.ReadStream, 'setRawMode'>): void;
  /** Gives the shell its screen back now, once: what process exit and SIGINT / SIGTERM do until handOver(). */
  restore(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Writes the start screen to `stdout` (a TTY: written at once) and restores the terminal on any way out until handOver(). */
export function showStartScreen(stdout: NodeJS.WriteStream, text: string): StartScreen {
  let watching = true;
  let shown: ShownScreen | null = { text, rows: stdout.rows, columns: stdout.columns };
  let heldKeys: Pick<NodeJS.ReadStream, 'setRawMode'> | null = null;
  const onResize = () => (shown = null);
  const stopWatching = () => {
    watching = false;
    process.off('exit', restore);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    stdout.off('resize', onResize);
  };
  const restore = () => {
    if (!watching) return;
    stopWatching();
    heldKeys?.setRawMode(false);
    stdout.write(LEAVE_FULL_SCREEN);
  };
  // Ctrl-C (the terminal is not in raw mode before the list is on screen) or SIGTERM during start: restore, then end by the same
  // signal as without this handler, so the shell sees the same status.
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once('exit', restore);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  stdout.on('resize', onResize);
  stdout.write(text);
  const draw = (more: string) => {
    if (!watching || shown === null) return;
    shown.text += more;
    stdout.write(more);
  };
  const handOver = () => {
    const last = watching ? shown : null;
    stopWatching();
    return last;
  };
  const holdKeys = (stdin: Pick<NodeJS.ReadStream, 'setRawMode'>) => {
    if (!watching || heldKeys !== null) return;
    heldKeys = stdin;
    stdin.setRawMode(true);
  };
  return { draw, handOver, holdKeys, restore };
}

// The monitor's first frame, drawn before Ink and React load (a few hundred ms on a slow machine, more over a slow
// SSH link): the alternate screen, the cursor hidden and row one as the monitor draws it, saying it is connecting.
// The cell-diff writer's first frame clears the screen and draws over it (its `entered` option); until then this
// module gives the terminal back on every way out: Ctrl-C or SIGTERM during start, and process exit, an error's
// included (Node runs 'exit' listeners before it prints a fatal error, so the error lands on the shell's screen).
import type { ConnectionState } from '../pm2-bridge/types.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import { headerRow } from '../tui/layout/header-row.js';
import { CLEAR_SCREEN, ENTER_ALTERNATE, HIDE_CURSOR, LEAVE_FULL_SCREEN } from '../tui/terminal/screen-modes.js';
import { toneSgr } from '../tui/terminal/tone-sgr.js';

export interface StartScreenInput {
  /** What the header says about PM2 before anything is known: connecting (to the local home, or to the hosts). */
  connection: ConnectionState;
  width: number;
  clock: string;
  display: Pick<DisplayOptions, 'messages' | 'glyphs' | 'readOnly' | 'color'>;
}

/** The bytes of the start screen: take the terminal over, clear it, draw row one (no SGR at all without colour). */
export function startScreenText({ connection, width, clock, display }: StartScreenInput): string {
  const { left, middle, tone, gap, right } = headerRow({ connection, serviceCount: 0, shownCount: null, width, clock, ...display });
  const name = display.color ? `\u001B[1m${left}\u001B[22m` : left;
  return `${ENTER_ALTERNATE}${HIDE_CURSOR}${CLEAR_SCREEN}${name}${toneSgr(middle, tone, display.color)}${gap}${right}`;
}

export interface StartScreen {
  /** The monitor's writer owns the terminal from now on (it restores it itself): stop watching the ways out. */
  handOver(): void;
  /** Gives the shell its screen back now, once: what process exit and SIGINT / SIGTERM do until handOver(). */
  restore(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Writes the start screen to `stdout` (a TTY: written at once) and restores the terminal on any way out until handOver(). */
export function showStartScreen(stdout: NodeJS.WriteStream, text: string): StartScreen {
  let watching = true;
  const stopWatching = () => {
    watching = false;
    process.off('exit', restore);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const restore = () => {
    if (!watching) return;
    stopWatching();
    stdout.write(LEAVE_FULL_SCREEN);
  };
  // Ctrl-C (the terminal is not in raw mode before Ink) or SIGTERM during start: restore, then end by the same
  // signal as without this handler, so the shell sees the same status.
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once('exit', restore);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  stdout.write(text);
  return { handOver: stopWatching, restore };
}

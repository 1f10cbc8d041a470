import { render } from 'ink';
import { TerminalApp } from '../tui/components/TerminalApp.js';
import { ScreenLayersContext } from '../tui/display/screen-layers-context.js';
import { createCellDiffStdout } from '../tui/terminal/cell-diff-stdout.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import type { MonitorSource } from './monitor-source.js';
import type { MonitorConfigFile } from './start-list.js';
import type { ShownScreen } from './start-screen.js';

const CLOSE_GRACE_MS = 500;
/** 128 + SIGHUP, as a shell reports a process ended by a hang-up. */
const EXIT_HANGUP = 129;

/**
 * The interactive monitor. Ink renders into the cell-diff writer (frame exactly the terminal height, only changed
 * cells sent), Ctrl-C and q are ours: unmount, give the terminal back, then exit explicitly, because after a dead
 * daemon pm2's client leaves timers running and the process would never end by itself.
 */
export function runMonitor(display: DisplayOptions, { bridge, local }: MonitorSource, config: MonitorConfigFile, shown: ShownScreen | null): void {
  // cli.tsx has drawn the start screen (src/cli/start-screen.ts): the alternate screen is on, the cursor hidden, and
  // the first frame is a diff against what it shows (row one, and the list's rows if the bridge had them).
  const stdout = createCellDiffStdout(process.stdout, { entered: true, shown: shown ?? undefined });
  let quitting = false;
  const quit = () => {
    if (quitting) return;
    quitting = true;
    instance.unmount();
    stdout.restore();
    const grace = new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    void Promise.race([bridge.close().catch(() => undefined), grace]).finally(() => process.exit(0));
  };
  const instance = render(
    <ScreenLayersContext.Provider value={stdout.layers}>
      <TerminalApp source={bridge} actions={bridge} insights={local ?? undefined} display={display} spareRows={0} onQuit={quit} config={config} />
    </ScreenLayersContext.Provider>,
    { stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 10 },
  );
  process.once('SIGTERM', quit);
  // A hang-up (closed terminal, dropped SSH session) ends the monitor at once: nobody is left to see a graceful
  // close, and the terminal it would restore is gone. The same when the terminal's input ends or output breaks.
  const hangUp = () => {
    if (quitting) return;
    quitting = true;
    try {
      instance.unmount();
      stdout.restore();
    } catch {
      // the terminal is gone
    }
    process.exit(EXIT_HANGUP);
  };
  process.on('SIGHUP', hangUp);
  process.stdin.once('end', hangUp);
  process.stdout.on('error', hangUp);
}

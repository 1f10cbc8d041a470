import { render } from 'ink';
import { createDiagnosticsProvider, defaultPm2Home } from '../pm2-bridge/diagnostics/index.js';
import { createAgentHistoryFeed } from '../agent/history-feed.js';
import { createBridge } from '../pm2-bridge/index.js';
import { TerminalApp } from '../tui/components/TerminalApp.js';
import { configPath, DEFAULT_CONFIG, readMonitorConfig } from '../tui/config/monitor-config.js';
import { ScreenLayersContext } from '../tui/display/screen-layers-context.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import { createCellDiffStdout } from '../tui/terminal/cell-diff-stdout.js';
import type { HostSpec } from '../remote/host-spec.js';
import { createMultiHostSource } from '../remote/multi-host-source.js';
import { createSshHostSource } from '../remote/ssh-host-source.js';
import type { Bridge, HistoryFeed } from '../pm2-bridge/types.js';
import type { CliArgs } from './cli-args.js';
import { whenListShown } from './when-list-shown.js';

const CLOSE_GRACE_MS = 500;
/** The agent's history is asked for this long after the list is first on screen (a frame or two), or at the latest. */
const HISTORY_AFTER_LIST_MS = 300;
const HISTORY_AT_LATEST_MS = 3000;
/** 128 + SIGHUP, as a shell reports a process ended by a hang-up. */
const EXIT_HANGUP = 129;

/**
 * The interactive monitor. Ink renders into the cell-diff writer (frame exactly the terminal height, only changed
 * cells sent), Ctrl-C and q are ours: unmount, give the terminal back, then exit explicitly, because after a dead
 * daemon pm2's client leaves timers running and the process would never end by itself.
 */
export function runMonitor(args: CliArgs, display: DisplayOptions, hosts: readonly HostSpec[]): void {
  // The resident agent (gakuco-monit serve; --agent URL, default 127.0.0.1:9209; none: no agent), if one runs: its
  // history from before. Asked only once the list is on screen, since nothing on the first frame needs it.
  const agent = args.agentUrl === null ? null : createAgentHistoryFeed({ url: args.agentUrl, apiKey: process.env.GAKUCO_AGENT_API_KEY ?? null, timeoutMs: 1500 });
  let startHistory = () => {};
  const listShown = new Promise<void>((resolve) => (startHistory = resolve));
  const historyFeed: HistoryFeed | undefined = agent === null ? undefined : { fetchHistory: () => listShown.then(() => agent.fetchHistory()) };
  // Insights (timeline, exceptions, custom actions) are read from the local PM2 home.
  const local =
    hosts.length === 0
      ? createBridge({
          pm2Home: args.pm2Home,
          refreshIntervalMs: args.intervalMs,
          // While only CPU and memory wobble, the list (and what it costs the daemon) comes a third as often.
          idleRefreshIntervalMs: 3 * args.intervalMs,
          historyLines: args.historyLines,
          readOnly: args.readOnly,
          diagnostics: createDiagnosticsProvider({ shellPm2Home: defaultPm2Home(process.env) }),
          historyFeed,
        })
      : null;
  const bridge: Bridge =
    local ??
      createMultiHostSource(
          hosts.map((host) =>
            createSshHostSource(host, {
              refreshIntervalMs: args.intervalMs,
              linesPerService: 2000,
              notifyIntervalMs: 250,
              reconnectFirstMs: 1000,
              reconnectMaxMs: 30_000,
              silenceMs: 20_000,
              actionTimeoutMs: 30_000,
            }),
          ),
          // One table redraw per refresh for all hosts, not one per host.
          { listIntervalMs: args.intervalMs },
        );
  const stdout = createCellDiffStdout(process.stdout);
  let quitting = false;
  const quit = () => {
    if (quitting) return;
    quitting = true;
    instance.unmount();
    stdout.restore();
    const grace = new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    void Promise.race([bridge.close().catch(() => undefined), grace]).finally(() => process.exit(0));
  };
  // --no-config: the defaults, and nothing written.
  const path = args.noConfig ? null : configPath();
  const read = path === null ? { config: DEFAULT_CONFIG, problem: null } : readMonitorConfig(path);
  const config = { path, initial: read.config, problem: read.problem };
  const instance = render(
    <ScreenLayersContext.Provider value={stdout.layers}>
      <TerminalApp source={bridge} actions={bridge} insights={local ?? undefined} display={display} spareRows={0} onQuit={quit} config={config} />
    </ScreenLayersContext.Provider>,
    { stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 10 },
  );
  if (local !== null) void whenListShown(local, HISTORY_AFTER_LIST_MS, HISTORY_AT_LATEST_MS).then(startHistory);
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

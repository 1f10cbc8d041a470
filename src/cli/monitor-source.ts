import { createAgentHistoryFeed } from '../agent/history-feed.js';
import { createDiagnosticsProvider, defaultPm2Home } from '../pm2-bridge/diagnostics/index.js';
import { createBridge, type MonitorBridge } from '../pm2-bridge/index.js';
import type { Bridge, HistoryFeed } from '../pm2-bridge/types.js';
import type { HostSpec } from '../remote/host-spec.js';
import { createMultiHostSource } from '../remote/multi-host-source.js';
import { createSshHostSource } from '../remote/ssh-host-source.js';
import type { CliArgs } from './cli-args.js';
import { whenListShown } from './when-list-shown.js';

/** The agent's history is asked for this long after the list is first on screen (a frame or two), or at the latest. */
const HISTORY_AFTER_LIST_MS = 300;
const HISTORY_AT_LATEST_MS = 3000;

/** What the monitor shows: the local PM2 home's bridge (with its insights), or the remote hosts'. */
export interface MonitorSource {
  bridge: Bridge;
  /** The local bridge, null when the monitor watches remote hosts. */
  local: MonitorBridge | null;
}

/**
 * The monitor's source, started: the local bridge begins connecting to the daemon and asks for the first list at
 * once. cli.tsx makes it before it loads the monitor's chunk (Ink, React, the TUI), so that I/O overlaps the chunk's
 * compile and React's first mount instead of starting after them.
 */
export function createMonitorSource(args: CliArgs, hosts: readonly HostSpec[]): MonitorSource {
  if (hosts.length > 0) {
    const bridge = createMultiHostSource(
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
    return { bridge, local: null };
  }
  // The resident agent (gakuco-monit serve; --agent URL, default 127.0.0.1:9209; none: no agent), if one runs: its
  // history from before. Asked only once the list is on screen, since nothing on the first frame needs it.
  const agent = args.agentUrl === null ? null : createAgentHistoryFeed({ url: args.agentUrl, apiKey: process.env.GAKUCO_AGENT_API_KEY ?? null, timeoutMs: 1500 });
  let startHistory = () => {};
  const listShown = new Promise<void>((resolve) => (startHistory = resolve));
  const historyFeed: HistoryFeed | undefined = agent === null ? undefined : { fetchHistory: () => listShown.then(() => agent.fetchHistory()) };
  // Insights (timeline, exceptions, custom actions) are read from the local PM2 home.
  const local = createBridge({
    pm2Home: args.pm2Home,
    refreshIntervalMs: args.intervalMs,
    // While only CPU and memory wobble, the list (and what it costs the daemon) comes a third as often.
    idleRefreshIntervalMs: 3 * args.intervalMs,
    historyLines: args.historyLines,
    readOnly: args.readOnly,
    diagnostics: createDiagnosticsProvider({ shellPm2Home: defaultPm2Home(process.env) }),
    historyFeed,
  });
  void whenListShown(local, HISTORY_AFTER_LIST_MS, HISTORY_AT_LATEST_MS).then(startHistory);
  return { bridge: local, local };
}

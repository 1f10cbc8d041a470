import { createDiagnosticsProvider, defaultPm2Home } from '../pm2-bridge/diagnostics/index.js';
import { createBridge, resolvePm2Home } from '../pm2-bridge/index.js';
import { startWatchStream } from '../stream/watch-stream.js';
import type { CliArgs } from './cli-args.js';

const CLOSE_GRACE_MS = 500;

/**
 * `--json --watch`: NDJSON records on stdout until the reader goes away (EPIPE: `| head`, a closed ssh channel),
 * SIGINT, SIGTERM or SIGHUP. Exits explicitly: after a dead daemon pm2's client leaves timers running.
 */
export function runWatch(args: CliArgs, version: string): void {
  const home = resolvePm2Home(args.pm2Home);
  const bridge = createBridge({
    pm2Home: home,
    refreshIntervalMs: args.intervalMs,
    historyLines: args.historyLines,
    diagnostics: createDiagnosticsProvider({ shellPm2Home: defaultPm2Home(process.env) }),
  });
  const stream = startWatchStream(bridge, process.stdout, { version, home });
  const stop = () => stream.stop();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  void stream.done.then(() => {
    const grace = new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    void Promise.race([bridge.close().catch(() => undefined), grace]).finally(() => process.exit(0));
  });
}

// What the live bridge asks of a real PM2 daemon while nothing changes, counted on the wire: the bridge (as the
// monitor builds it, with the real diagnostics provider) is pointed at a proxy home whose sockets relay to the
// daemon's and count every RPC call by method and every new connection (bench/daemon-proxy.mjs). At idle the only
// call is the process list, at the idle interval, and no pass connects to rpc.sock to see whether the daemon answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemonProxy, type DaemonProxy } from '../../bench/daemon-proxy.mjs';
import { createDiagnosticsProvider } from '../../src/pm2-bridge/diagnostics/index.js';
import { createBridge, type MonitorBridge } from '../../src/pm2-bridge/index.js';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { APPS, waitForSnapshot } from './support.js';

const REFRESH_MS = 400;
const IDLE_REFRESH_MS = 3 * REFRESH_MS;
const WINDOW_MS = 6000;

let pm2: PrivatePm2Home;
let proxy: DaemonProxy;
let bridge: MonitorBridge;

beforeAll(async () => {
  pm2 = createPrivatePm2Home();
  for (const name of ['quiet-a', 'quiet-b']) {
    const result = await pm2.pm2(['start', `${APPS}/logger.cjs`, '--name', name], { env: { LOG_EVERY_MS: '1500', PARTIAL_LINES: '0' } });
    if (result.code !== 0) throw new Error(result.stderr);
  }
  proxy = await startDaemonProxy(pm2.home);
  bridge = createBridge({
    pm2Home: proxy.home,
    refreshIntervalMs: REFRESH_MS,
    idleRefreshIntervalMs: IDLE_REFRESH_MS,
    // A list call that timed out on a loaded machine would make the link check the daemon with a connection.
    rpcTimeoutMs: 10_000,
    // A diagnostics pass far more often than the monitor's 5 s, so one that asks the daemon would show at once.
    diagnostics: createDiagnosticsProvider({ startupDirs: [], pm2Program: 'pm2' }),
    diagnosticsIntervalMs: 300,
  });
});

afterAll(async () => {
  await bridge?.close();
  await proxy?.close();
  await pm2?.cleanup();
});

describe('the bridge against a real daemon at idle', () => {
  it('asks only for the process list, at the idle interval, and opens no other connection', async () => {
    await waitForSnapshot(bridge, (s) => s.services.length === 2 && s.connection.kind === 'connected', 'both apps listed');
    // Three steady lists and the back-off, with a margin for a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 6 * REFRESH_MS));
    proxy.reset();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const counts = proxy.counts();
    expect(Object.keys(counts.calls)).toEqual(['getMonitorData']);
    // At the idle interval: ~5 in the window; at the refresh interval 15. The bound is halfway, so a CPU blip of an
    // app on a loaded machine (1 s back for three lists) does not fail it, and polling at 1 s again does.
    expect(counts.calls.getMonitorData).toBeGreaterThanOrEqual(2);
    expect(counts.calls.getMonitorData).toBeLessThanOrEqual(10);
    // The link and the bus stay open; nothing else connects (the diagnostics used to, on every pass).
    expect(counts.rpcConnections).toBe(0);
    expect(counts.busConnections).toBe(0);
    expect(bridge.getSnapshot().connection.kind).toBe('connected');
  });
});

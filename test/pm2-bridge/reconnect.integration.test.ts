// The daemon link: the bridge never starts a daemon, waits while none runs, notices `pm2 kill` quickly and picks
// up a new daemon (a fresh start or `pm2 resurrect`) by itself, in the same store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createBridge, readSnapshotOnce } from '../../src/pm2-bridge/index.js';
import type { Bridge } from '../../src/pm2-bridge/types.js';
import { APPS, serviceNamed, targetOf, waitForSnapshot } from './support.js';

let pm2: PrivatePm2Home;
let bridge: Bridge;

beforeAll(() => {
  pm2 = createPrivatePm2Home();
  bridge = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 500, notifyIntervalMs: 50 });
});

afterAll(async () => {
  await bridge?.close();
  await pm2?.cleanup();
});

async function cli(args: string[]): Promise<void> {
  const result = await pm2.pm2(args, { env: { LOG_EVERY_MS: '50' } });
  if (result.code !== 0) throw new Error(`pm2 ${args.join(' ')} failed: ${result.stderr}`);
}

describe('daemon link', () => {
  it('never starts a daemon: with none running it says so and leaves the home untouched', async () => {
    const before = readdirSync(pm2.home);
    await waitForSnapshot(bridge, (s) => s.connection.kind === 'no-daemon', 'no-daemon state', 2000);
    await new Promise((r) => setTimeout(r, 2000)); // four reconnect checks
    expect(bridge.getSnapshot().connection.kind).toBe('no-daemon');
    const once = await readSnapshotOnce({ pm2Home: pm2.home });
    expect(once.connection).toMatchObject({ kind: 'no-daemon', home: pm2.home });
    expect(once.services).toEqual([]);
    expect(pm2.daemonPid()).toBeNull();
    expect(existsSync(join(pm2.home, 'pm2.pid'))).toBe(false);
    expect(existsSync(join(pm2.home, 'rpc.sock'))).toBe(false);
    expect(readdirSync(pm2.home)).toEqual(before);
  });

  it('connects when a daemon starts, and reads it once for --json', async () => {
    await cli(['start', `${APPS}/logger.cjs`, '--name', 'logger']);
    const logger = await waitForSnapshot(
      bridge,
      (s) => s.connection.kind === 'connected' && serviceNamed(s, 'logger')?.status === 'online' && serviceNamed(s, 'logger'),
      'logger online',
      5000,
    );
    if (!logger) throw new Error('unreachable');
    await waitForSnapshot(bridge, (s) => (s.logs.get(logger.pmId)?.length ?? 0) > 3, 'live logs', 5000);
    const once = await readSnapshotOnce({ pm2Home: pm2.home });
    expect(once.connection.kind).toBe('connected');
    expect(once.services.map((s) => s.name)).toEqual(['logger']);
  });

  it('shows no-daemon within 2 s of pm2 kill, and picks up a resurrected daemon within 5 s', async () => {
    await cli(['save']);
    const oldPid = pm2.daemonPid();
    const asked = bridge.getSnapshot();
    const confirmed = targetOf(asked, serviceNamed(asked, 'logger')!);
    expect(confirmed.daemonPid).toBe(oldPid);
    await cli(['kill']);
    const killedAt = Date.now();
    await waitForSnapshot(bridge, (s) => s.connection.kind === 'no-daemon', 'no-daemon after kill', 2000);
    expect(Date.now() - killedAt).toBeLessThan(2000);
    expect(bridge.getSnapshot().services).toEqual([]);

    await cli(['resurrect']);
    const startedAt = Date.now();
    await waitForSnapshot(
      bridge,
      (s) => s.connection.kind === 'connected' && serviceNamed(s, 'logger')?.status === 'online',
      'logger back after resurrect',
      5000,
    );
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(pm2.daemonPid()).not.toBe(oldPid);
    const logger = serviceNamed(bridge.getSnapshot(), 'logger')!;
    // A delete confirmed before the daemon was replaced does nothing, though the same name has the same pm_id again.
    expect(logger.pmId).toBe(confirmed.pmId);
    const stale = await bridge.run('delete', confirmed);
    expect(stale).toMatchObject({ ok: false, error: { code: 'daemon-replaced', params: { expected: oldPid, found: pm2.daemonPid() } } });
    expect(JSON.parse((await pm2.pm2(['jlist'])).stdout)).toMatchObject([{ name: 'logger', pm2_env: { status: 'online' } }]);
    await waitForSnapshot(bridge, (s) => (s.logs.get(logger.pmId)?.filter((l) => !l.history).length ?? 0) > 3, 'live logs again', 5000);
  });

  it('picks up a daemon started from scratch after another kill', async () => {
    await cli(['kill']);
    await waitForSnapshot(bridge, (s) => s.connection.kind === 'no-daemon', 'no-daemon after second kill', 2000);
    await cli(['start', `${APPS}/crasher.cjs`, '--name', 'crasher']);
    const seen = await waitForSnapshot(bridge, (s) => (s.connection.kind === 'connected' && serviceNamed(s, 'crasher') ? s : null), 'crasher seen', 5000);
    expect(serviceNamed(bridge.getSnapshot(), 'logger')).toBeUndefined();
    // Another app has the pm_id the logger had: an action meant for the logger leaves it alone.
    const crasher = serviceNamed(seen, 'crasher')!;
    const meantForLogger = { ...targetOf(seen, crasher), name: 'logger' };
    expect(await bridge.run('stop', meantForLogger)).toEqual({
      ok: false,
      error: { code: 'process-replaced', params: { name: 'logger', pmId: crasher.pmId, found: 'crasher' } },
    });
  });

  it('times out calls to a daemon that stopped answering, keeps the last list, and recovers', async () => {
    const strict = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 200, rpcTimeoutMs: 400, actionTimeoutMs: 600 });
    const pid = pm2.daemonPid()!;
    try {
      const crasher = await waitForSnapshot(strict, (s) => serviceNamed(s, 'crasher'), 'crasher in the strict bridge', 5000);
      process.kill(pid, 'SIGSTOP');
      const failed = await waitForSnapshot(strict, (s) => (s.connection.kind === 'load-failed' ? s : null), 'load-failed', 3000);
      expect(failed.connection).toMatchObject({ kind: 'load-failed', error: expect.stringMatching(/did not answer/) });
      expect(serviceNamed(failed, 'crasher')).toBeDefined();
      const started = Date.now();
      const result = await strict.run('restart', targetOf(failed, crasher));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('timeout');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    try {
      await waitForSnapshot(strict, (s) => s.connection.kind === 'connected', 'connected again', 5000);
    } finally {
      await strict.close();
    }
  });
});

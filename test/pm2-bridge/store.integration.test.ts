// The bridge against a real PM2 daemon in a private home: status, ports, logs, history, actions, secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createBridge } from '../../src/pm2-bridge/index.js';
import type { Bridge, LogLine } from '../../src/pm2-bridge/types.js';
import { APPS, freePort, serviceNamed, snapshotText, targetOf, waitForSnapshot } from './support.js';

const secret = `tok-${randomBytes(8).toString('hex')}`;
const dbPassword = `pw-${randomBytes(8).toString('hex')}`;

let pm2: PrivatePm2Home;
let bridge: Bridge;
let webPort: number;
let clusterPort: number;
let takenPort: number;
let squatter: Server;

async function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const result = await pm2.pm2(['start', ...args], { env });
  if (result.code !== 0) throw new Error(`pm2 start ${args.join(' ')} failed: ${result.stderr}`);
}

beforeAll(async () => {
  pm2 = createPrivatePm2Home();
  webPort = await freePort();
  takenPort = await freePort();
  clusterPort = await freePort();
  // Reads and drops whatever arrives, so sockets end when the peer hangs up and close() can finish.
  squatter = createServer((socket) => socket.on('error', () => undefined).resume());
  await new Promise<void>((resolve) => squatter.listen(takenPort, '127.0.0.1', resolve));

  await start([`${APPS}/http-server.cjs`, '--name', 'web', '--time'], {
    PORT: String(webPort),
    UPSTREAM_CONFIGURED: 'true',
    API_TOKEN: secret,
    LEAK_TOKEN_IN_LOG: '1',
    DATABASE_URL: `postgres://app:${dbPassword}@db.example/app`,
  });
  await start([`${APPS}/logger.cjs`, '--name', 'logger'], { LOG_EVERY_MS: '20' });
  await start([`${APPS}/http-server.cjs`, '--name', 'clustered', '-i', '2'], { PORT: String(clusterPort) });
  await start([`${APPS}/crasher.cjs`, '--name', 'crasher', '--restart-delay', '200']);
  await start([`${APPS}/http-server.cjs`, '--name', 'squatted', '--restart-delay', '500'], { PORT: String(takenPort) });
  // Some output before the bridge starts, so history has something to read back.
  await waitFor(() => pm2.daemonPid(), 'daemon');
  await new Promise((r) => setTimeout(r, 400));

  // The logger writes a line in two pieces 5 ms apart; on a loaded machine the daemon may pass them on far apart, and
  // the default 300 ms would then show the first piece as a line of its own. Joining is what this file tests.
  bridge = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 300, probeIntervalMs: 500, notifyIntervalMs: 50, partialLineFlushMs: 3000 });
});

afterAll(async () => {
  await bridge?.close();
  await pm2?.cleanup();
  await new Promise((resolve) => squatter?.close(resolve));
});

describe('bridge against a real PM2 daemon', () => {
  it('sees the apps with their status and port state', async () => {
    const snap = await waitForSnapshot(
      bridge,
      (s) => {
        const web = serviceNamed(s, 'web');
        return s.connection.kind === 'connected' && web?.portCheck?.health === 'ok' && serviceNamed(s, 'logger') ? s : null;
      },
      'web healthy and logger listed',
    );
    const web = serviceNamed(snap, 'web')!;
    expect(web.status).toBe('online');
    expect(web.pid).toBeGreaterThan(0);
    expect(web.port).toBe(webPort);
    expect(web.portCheck).toMatchObject({ port: webPort, listening: true, health: 'ok', upstreamConfigured: true, conflict: null });
    expect(web.portCheck!.connectMs).toBeGreaterThanOrEqual(0);
    expect(web.execMode).toBe('fork');
    expect(web.script).toBe(`${APPS}/http-server.cjs`);
    expect(web.outLogPath).toContain(pm2.home);
    expect(web.metrics.find((m) => m.name === 'queue depth')).toEqual({ name: 'queue depth', value: '3', unit: 'jobs' });

    const logger = serviceNamed(snap, 'logger')!;
    expect(logger.status).toBe('online');
    expect(logger.port).toBeNull();
    expect(logger.portCheck).toBeNull();
    // LOG_EVERY_MS was set for this app only (masked: not on the allowlist); PATH came from the shell that started PM2.
    expect(logger.env.find((e) => e.key === 'LOG_EVERY_MS')).toMatchObject({ value: '••••', masked: true, inherited: false });
    expect(logger.env.find((e) => e.key === 'PATH')).toMatchObject({ inherited: true });
    const firstInherited = logger.env.findIndex((e) => e.inherited);
    expect(logger.env.slice(firstInherited).every((e) => e.inherited)).toBe(true);

    await waitForSnapshot(bridge, (s) => {
      const c = serviceNamed(s, 'crasher');
      return c && c.restarts >= 2 && c.exitCode === 3 ? c : null;
    }, 'crasher restarting');
  });

  it('reports a port held by another process as a conflict naming its pid', async () => {
    const squatted = await waitForSnapshot(bridge, (s) => serviceNamed(s, 'squatted')?.portCheck?.conflict, 'conflict on the squatted port');
    expect(squatted.pid).toBe(process.pid);
    expect(squatted.command).toContain('node');
    const web = serviceNamed(bridge.getSnapshot(), 'web')!;
    expect(web.portCheck?.conflict).toBeNull();
  });

  it('shows cluster instances as such, their shared port healthy and not a conflict', async () => {
    const instances = await waitForSnapshot(bridge, (s) => {
      const list = s.services.filter((x) => x.name === 'clustered');
      return list.length === 2 && list.every((x) => x.portCheck?.health === 'ok') ? list : null;
    }, 'both cluster instances healthy');
    expect(instances.map((i) => [i.execMode, i.instances, i.instanceId])).toEqual([['cluster', 2, 0], ['cluster', 2, 1]]);
    for (const instance of instances) expect(instance.portCheck).toMatchObject({ port: clusterPort, listening: true, conflict: null });
  });

  it('delivers log lines in order, whole, and reads history on showLogs', async () => {
    const logger = serviceNamed(bridge.getSnapshot(), 'logger')!;
    bridge.showLogs(logger.pmId);
    const lines = await waitForSnapshot(bridge, (s) => {
      const all = s.logs.get(logger.pmId) ?? [];
      return all.filter((l) => !l.history && l.stream === 'out').length >= 40 && all.some((l) => l.history) ? all : null;
    }, 'live and history lines of logger');

    // The bus may connect between the two pieces of a split line: then history ends with the first piece and the
    // live lines start with the rest. That one boundary is joined here; everywhere else a line must arrive whole.
    const joinBoundary = (list: readonly LogLine[]) => {
      const out = list.filter((l) => l.stream === 'out');
      const firstLive = out.findIndex((l) => !l.history);
      const before = out[firstLive - 1];
      if (firstLive > 0 && before && out[firstLive]!.text === 'second-half' && before.text.endsWith('first-half')) {
        return [...out.slice(0, firstLive - 1), { ...before, text: `${before.text} second-half` }, ...out.slice(firstLive + 1)];
      }
      return out;
    };
    const counters = (list: readonly LogLine[]) =>
      joinBoundary(list).map((l) => {
        const match = /^out (\d+)( first-half second-half)?$/.exec(l.text);
        expect(match, `line "${l.text}" is whole`).not.toBeNull();
        if (Number(match![1]) % 7 === 0) expect(match![2]).toBeDefined();
        return Number(match![1]);
      });
    const history = lines.filter((l) => l.history);
    const live = lines.filter((l) => !l.history);
    expect(lines.indexOf(live[0]!)).toBe(history.length); // history comes first
    const all = counters(lines);
    for (let i = 1; i < all.length; i += 1) expect(all[i]).toBe(all[i - 1]! + 1); // no gap, no duplicate
    expect(live.filter((l) => l.stream === 'err').every((l) => /^err \d+$/.test(l.text))).toBe(true);
    const seqs = live.map((l) => l.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(Math.max(...history.map((l) => l.seq))).toBeLessThan(Math.min(...seqs));

    // web was started with --time: the date prefix becomes `at`, not text.
    const web = serviceNamed(bridge.getSnapshot(), 'web')!;
    bridge.showLogs(web.pmId);
    const webLines = await waitForSnapshot(bridge, (s) => s.logs.get(web.pmId)?.find((l) => l.history && l.text.startsWith('listening on')), 'web history');
    expect(webLines.text).toBe(`listening on ${webPort}`);
    expect(Math.abs(webLines.at - Date.now())).toBeLessThan(60_000);
  });

  it('never lets a secret out unmasked, not even one the app prints', async () => {
    const listed = await waitForSnapshot(bridge, (s) => serviceNamed(s, 'web'), 'web listed');
    bridge.showLogs(listed.pmId);
    await waitForSnapshot(bridge, (s) => s.logs.get(listed.pmId)?.some((l) => l.text === 'using token ••••(API_TOKEN)'), 'the leaked token masked in history');
    const text = snapshotText(bridge.getSnapshot());
    expect(text).not.toContain(secret);
    expect(text).not.toContain(dbPassword);
    const web = serviceNamed(bridge.getSnapshot(), 'web')!;
    expect(web.env.find((e) => e.key === 'API_TOKEN')).toMatchObject({ key: 'API_TOKEN', value: '••••', masked: true });
    expect(web.env.find((e) => e.key === 'DATABASE_URL')?.masked).toBe(true);
    expect(web.env.find((e) => e.key === 'PORT')).toMatchObject({ key: 'PORT', value: String(webPort), masked: false });
  });

  it('restart raises the restart count', async () => {
    const web = serviceNamed(bridge.getSnapshot(), 'web')!;
    const result = await bridge.run('restart', targetOf(bridge.getSnapshot(), web));
    expect(result).toEqual({ ok: true });
    const after = await waitForSnapshot(bridge, (s) => {
      const w = serviceNamed(s, 'web');
      return w && w.restarts === web.restarts + 1 && w.status === 'online' ? w : null;
    }, 'web restarted');
    expect(after.pid).not.toBe(web.pid);
  });

  it('stop shows stopped, delete removes it, unknown ids fail clearly', async () => {
    const logger = serviceNamed(bridge.getSnapshot(), 'logger')!;
    expect(await bridge.run('stop', targetOf(bridge.getSnapshot(), logger))).toEqual({ ok: true });
    const stopped = await waitForSnapshot(bridge, (s) => {
      const l = serviceNamed(s, 'logger');
      return l?.status === 'stopped' ? l : null;
    }, 'logger stopped');
    expect(stopped.pid).toBe(0);

    expect(await bridge.run('delete', targetOf(bridge.getSnapshot(), logger))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => !serviceNamed(s, 'logger') && !s.logs.has(logger.pmId), 'logger gone with its logs');

    const unknown = await bridge.run('restart', { pmId: 999, name: 'logger', daemonPid: null });
    expect(unknown).toEqual({ ok: false, error: { code: 'process-gone', params: { name: 'logger', pmId: 999 } } });
  });

  it('keeps one snapshot object until something changes', () => {
    const a = bridge.getSnapshot();
    expect(bridge.getSnapshot()).toBe(a);
  });
});

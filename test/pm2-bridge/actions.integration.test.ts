// The actions beyond restart/stop/delete against a real PM2 daemon in a private home: start, reload (one worker at a
// time, the port answering throughout), scale up and down, flush, reset counters, and a bulk restart of three.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createBridge } from '../../src/pm2-bridge/index.js';
import { runBulkAction } from '../../src/tui/actions/run-bulk-action.js';
import type { Bridge, Service, Snapshot } from '../../src/pm2-bridge/types.js';
import { APPS, freePort, serviceNamed, targetOf, waitForSnapshot } from './support.js';

let pm2: PrivatePm2Home;
let bridge: Bridge;
let clusterPort: number;

async function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const result = await pm2.pm2(['start', ...args], { env });
  if (result.code !== 0) throw new Error(`pm2 start ${args.join(' ')} failed: ${result.stderr}`);
}

const instances = (s: Snapshot, name: string) => s.services.filter((service) => service.name === name);
const target = (service: Service) => targetOf(bridge.getSnapshot(), service);

function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

beforeAll(async () => {
  pm2 = createPrivatePm2Home('gakuco-actions-');
  clusterPort = await freePort();
  await start([`${APPS}/http-server.cjs`, '--name', 'cluster', '-i', '2'], { PORT: String(clusterPort), GRACEFUL: '1' });
  await start([`${APPS}/logger.cjs`, '--name', 'chatty'], { LOG_EVERY_MS: '50' });
  for (const name of ['a', 'b', 'c']) await start([`${APPS}/logger.cjs`, '--name', name], { LOG_EVERY_MS: '1000' });
  bridge = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 100, probeIntervalMs: 1000, notifyIntervalMs: 50 });
  await waitForSnapshot(bridge, (s) => instances(s, 'cluster').filter((i) => i.status === 'online').length === 2 && s.services.length === 6, 'six processes', 20_000);
}, 60_000);

afterAll(async () => {
  await bridge?.close();
  await pm2?.cleanup();
}, 30_000);

describe('more actions against a real PM2 daemon', () => {
  it('scales a cluster of 2 to 3 and back to 2; a fork app and the last worker say why not', async () => {
    const first = instances(bridge.getSnapshot(), 'cluster')[0]!;
    expect(await bridge.run('scaleUp', target(first))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => instances(s, 'cluster').filter((i) => i.status === 'online').length === 3, 'three workers', 15_000);
    expect(await bridge.run('scaleDown', target(first))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => instances(s, 'cluster').length === 2, 'two workers again', 15_000);
    // The first worker stays: the newest one went.
    expect(instances(bridge.getSnapshot(), 'cluster').map((i) => i.pmId)).toContain(first.pmId);

    expect(await bridge.run('scaleDown', target(first))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => instances(s, 'cluster').length === 1, 'one worker', 15_000);
    expect(await bridge.run('scaleDown', target(first))).toEqual({ ok: false, error: { code: 'last-instance', params: { name: 'cluster' } } });
    expect(await bridge.run('scaleUp', target(first))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => instances(s, 'cluster').filter((i) => i.status === 'online').length === 2, 'two workers online', 15_000);

    const chatty = serviceNamed(bridge.getSnapshot(), 'chatty')!;
    expect(await bridge.run('scaleUp', target(chatty))).toEqual({ ok: false, error: { code: 'not-cluster', params: { name: 'chatty' } } });
  }, 40_000);

  it('reloads both workers one at a time: the port answers throughout and one worker is online at every look', async () => {
    const before = instances(bridge.getSnapshot(), 'cluster');
    expect(before).toHaveLength(2);
    let reloading = true;
    const answers: number[] = [];
    const onlineCounts: number[] = [];
    const watch = (async () => {
      while (reloading) {
        answers.push(await health(clusterPort));
        onlineCounts.push(instances(bridge.getSnapshot(), 'cluster').filter((i) => i.status === 'online').length);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const outcomes = await runBulkAction(bridge, 'reload', before.map((service) => ({ target: target(service), label: service.name })));
    reloading = false;
    await watch;
    expect(outcomes.map((o) => o.result)).toEqual([{ ok: true }, { ok: true }]);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((code) => code !== 200)).toEqual([]);
    expect(Math.min(...onlineCounts)).toBeGreaterThanOrEqual(1);
    const after = await waitForSnapshot(bridge, (s) => {
      const now = instances(s, 'cluster');
      return now.length === 2 && now.every((i, n) => i.status === 'online' && i.pid !== before[n]!.pid) ? now : null;
    }, 'both workers replaced', 15_000);
    expect(after.map((i) => i.restarts)).toEqual(before.map((i) => i.restarts + 1));
  }, 60_000);

  it('flush empties the log files; reset zeroes the restart counter', async () => {
    const chatty = serviceNamed(bridge.getSnapshot(), 'chatty')!;
    const out = chatty.outLogPath!;
    await waitFor(() => existsSync(out) && statSync(out).size > 200, 'chatty wrote some lines', 10_000);
    await bridge.run('restart', target(chatty));
    await waitForSnapshot(bridge, (s) => (serviceNamed(s, 'chatty')?.restarts ?? 0) >= 1, 'a restart counted');

    expect(await bridge.run('flush', target(serviceNamed(bridge.getSnapshot(), 'chatty')!))).toEqual({ ok: true });
    // The app keeps writing; what the file held before is gone (its first line was written long ago).
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeLessThan(200);

    expect(await bridge.run('resetCounters', target(serviceNamed(bridge.getSnapshot(), 'chatty')!))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => serviceNamed(s, 'chatty')?.restarts === 0, 'restart counter at 0');
  }, 30_000);

  it('start brings a stopped app back; starting an online one is a clear refusal', async () => {
    const a = serviceNamed(bridge.getSnapshot(), 'a')!;
    await bridge.run('stop', target(a));
    await waitForSnapshot(bridge, (s) => serviceNamed(s, 'a')?.status === 'stopped', 'a stopped');
    expect(await bridge.run('start', target(a))).toEqual({ ok: true });
    await waitForSnapshot(bridge, (s) => serviceNamed(s, 'a')?.status === 'online', 'a online again');
    const again = await bridge.run('start', target(a));
    expect(again).toMatchObject({ ok: false, error: { code: 'pm2-refused', params: { message: 'process already online' } } });
  }, 30_000);

  it('a bulk restart of three marked services raises each count, each outcome reported', async () => {
    const marked = ['a', 'b', 'c'].map((name) => serviceNamed(bridge.getSnapshot(), name)!);
    const heard: string[] = [];
    const outcomes = await runBulkAction(
      bridge,
      'restart',
      marked.map((service) => ({ target: target(service), label: service.name })),
      (outcome) => heard.push(outcome.label),
    );
    expect(heard).toEqual(['a', 'b', 'c']);
    expect(outcomes.every((o) => o.result.ok)).toBe(true);
    await waitForSnapshot(
      bridge,
      (s) => marked.every((m) => serviceNamed(s, m.name)?.restarts === m.restarts + 1),
      'each count raised by one',
      15_000,
    );
  }, 30_000);
});

// Insights against a real PM2 daemon in a private home: a crash loop that throws, a leak to a small
// max_memory_restart, a manual restart, a delete, and an app declaring tx2 actions and metrics. Part of it happens
// before the bridge starts (read back from pm2.log and the error log), part while it runs (pm2.log tail, the bus).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createBridge, type MonitorBridge } from '../../src/pm2-bridge/index.js';
import { eventsOf } from '../../src/pm2-bridge/insights/timeline.js';
import { binPoints, chartScale, level, sparkline } from '../../src/tui/format/sparkline.js';
import type { TimelineEvent } from '../../src/pm2-bridge/types.js';
import { APPS, serviceNamed, targetOf, waitForSnapshot } from './support.js';

const run = promisify(execFile);
const CLI = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist', 'cli.js');
const PLUS = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'plus');
const MESSAGE = 'Error: listen EADDRINUSE: address already in use 127.0.0.1:3001';

let pm2: PrivatePm2Home;
let bridge: MonitorBridge;

async function pm2ok(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const result = await pm2.pm2(args, { env });
  if (result.code !== 0) throw new Error(`pm2 ${args.join(' ')} failed: ${result.stderr}`);
}

const brief = (e: TimelineEvent) => `${e.kind}${e.cause ? `:${e.cause}` : ''}${e.exitCode !== undefined ? ` ${e.exitCode}` : ''}${e.signal ? ` ${e.signal}` : ''}`;
const timelineOf = (name: string) => {
  const service = serviceNamed(bridge.getSnapshot(), name);
  return service ? eventsOf(bridge.getInsights().timeline, service) : [];
};

beforeAll(async () => {
  pm2 = createPrivatePm2Home('gakuco-insights-');
  // The daemon checks memory every second (default 30 s), so the leak is restarted within the test.
  // min_uptime 5 s: every run of 300 ms is unstable, and the 3rd unstable exit makes it errored.
  const config = join(pm2.home, 'thrower.config.cjs');
  writeFileSync(config, `module.exports = { apps: [${JSON.stringify({ name: 'thrower', script: `${PLUS}/thrower.cjs`, min_uptime: 5000, max_restarts: 3 })}] };\n`);
  await pm2ok(['start', config], { PM2_WORKER_INTERVAL: '1000' });
  await pm2ok(['start', `${PLUS}/leaker.cjs`, '--name', 'leaker', '--max-memory-restart', '60M']);
  await pm2ok(['start', `${APPS}/crasher.cjs`, '--name', 'crasher', '--no-autorestart']);
  // Before the monitor: the crash loop ends errored, the leak is restarted for its memory at least once.
  await waitFor(async () => {
    const { stdout } = await pm2.pm2(['jlist']);
    const list = JSON.parse(stdout) as { name: string; pm2_env: { status: string; restart_time: number } }[];
    return list.find((p) => p.name === 'thrower')?.pm2_env.status === 'errored' && (list.find((p) => p.name === 'leaker')?.pm2_env.restart_time ?? 0) >= 1;
  }, 'thrower errored and leaker restarted', 30_000, 200);
  await pm2ok(['stop', 'leaker']);
  bridge = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 200, notifyIntervalMs: 50 });
  await waitForSnapshot(bridge, (s) => s.services.length === 3, 'three services', 15_000);
}, 60_000);

afterAll(async () => {
  await bridge?.close();
  await pm2?.cleanup();
}, 30_000);

describe('insights from a real PM2 daemon', () => {
  it('the timeline tells what happened before the monitor started, in order with causes', async () => {
    await waitFor(() => timelineOf('thrower').some((e) => e.kind === 'errored'), 'thrower errored on the timeline');
    // A stop is told from a restart when no start follows within 5 s.
    await waitFor(() => timelineOf('leaker').at(-1)?.kind === 'stop', 'leaker stopped on the timeline', 15_000);
    const thrower = timelineOf('thrower');
    expect(thrower.map(brief)).toEqual(['start', 'exit:crash 1 SIGINT', 'restart:auto', 'exit:crash 1 SIGINT', 'restart:auto', 'exit:crash 1 SIGINT', 'errored']);
    expect(thrower.every((e) => e.source === 'pm2-log')).toBe(true);
    const leaker = timelineOf('leaker').map(brief);
    expect(leaker[0]).toBe('start');
    expect(leaker[1]).toBe('memory-limit');
    expect(leaker[2]).toBe('restart:memory-limit 0 SIGINT');
    expect(leaker.at(-1)).toBe('stop 0 SIGINT');
    expect(timelineOf('leaker').find((e) => e.kind === 'memory-limit')?.limit).toBe(60 * 1024 * 1024);
    expect(timelineOf('crasher').map(brief)).toEqual(['start', 'exit:crash 3 SIGINT']);
  });

  it('exceptions from before are found in the error log, grouped; live ones come from the bus', async () => {
    const thrower = () => bridge.getInsights().exceptions.find((g) => g.name === 'thrower' && g.message === MESSAGE);
    await waitFor(() => thrower(), 'the error-log group');
    expect(thrower()).toMatchObject({ count: 3, source: 'error-log', firstSeen: null });
    expect(thrower()?.stack.split('\n')[1]).toMatch(/^ {4}at Timeout\._onTimeout \(.*thrower\.cjs:4:9\)$/);
    const before = Date.now();
    await pm2ok(['restart', 'thrower']);
    await waitFor(() => (thrower()?.count ?? 0) >= 4 && thrower()?.source === 'bus', 'a live exception', 15_000);
    expect(thrower()?.lastSeen).toBeGreaterThanOrEqual(before);
    // The restart asked for shows live on the timeline, and the exception's exit follows it.
    await waitFor(() => timelineOf('thrower').some((e) => e.source === 'live' && e.kind === 'exit'), 'the live exit', 15_000);
    const live = timelineOf('thrower').filter((e) => e.source === 'live').map(brief);
    expect(live.slice(0, 2)).toEqual(['start', 'exit:crash 1 SIGINT']);
  });

  it('--json of the built CLI carries each service\'s events, exceptions and declared actions', async () => {
    // An app whose uncaught error carries its own secret (no credential pattern would find it): masked by its name.
    const secret = 'plum-tree-ladder-77';
    await pm2ok(['start', `${PLUS}/thrower.cjs`, '--name', 'teller', '--no-autorestart'], { SERVICE_SECRET: secret, THROW_MESSAGE: `upstream refused ${secret}`, THROW_AFTER_MS: '50' });
    await waitFor(async () => {
      const list = JSON.parse((await pm2.pm2(['jlist'])).stdout) as { name: string; pm2_env: { status: string } }[];
      return ['stopped', 'errored'].includes(list.find((p) => p.name === 'teller')?.pm2_env.status ?? '');
    }, 'teller threw and stopped', 15_000, 200);
    const { stdout } = await run(process.execPath, [CLI, '--json'], { env: pm2.env });
    expect(stdout).not.toContain(secret);
    const teller = (JSON.parse(stdout) as { services: { name: string; exceptions: { message: string }[] }[] }).services.find((s) => s.name === 'teller')!;
    expect(teller.exceptions.map((e) => e.message)).toEqual(['Error: upstream refused ••••(SERVICE_SECRET)']);
    const services = (JSON.parse(stdout) as { services: { name: string; events: { kind: string; cause?: string; exitCode?: number | null; signal?: string | null; at: number }[]; exceptions: { message: string; count: number; firstSeen: number | null; lastSeen: number | null }[]; actions: unknown[] }[] }).services;
    const thrower = services.find((s) => s.name === 'thrower')!;
    expect(thrower.events.slice(0, 3)).toMatchObject([{ kind: 'start' }, { kind: 'exit', cause: 'crash', exitCode: 1, signal: 'SIGINT' }, { kind: 'restart', cause: 'auto' }]);
    expect(thrower.events.every((e) => typeof e.at === 'number')).toBe(true);
    expect(thrower.exceptions[0]).toMatchObject({ message: MESSAGE, firstSeen: null });
    expect(thrower.exceptions[0]!.count).toBeGreaterThanOrEqual(3);
    expect(services.find((s) => s.name === 'leaker')!.events.some((e) => e.kind === 'restart' && e.cause === 'memory-limit')).toBe(true);
    expect(thrower.actions).toEqual([]);
  });

  it('a delete shows on the timeline', async () => {
    await pm2ok(['delete', 'crasher']);
    await waitFor(() => bridge.getInsights().timeline.some((e) => e.name === 'crasher' && e.kind === 'delete'), 'the delete', 15_000);
  });

  it('runs declared tx2 actions with and without a parameter and shows the reply; says why not otherwise', async () => {
    await pm2ok(['start', `${PLUS}/actions.cjs`, '--name', 'actions']);
    const service = await waitForSnapshot(bridge, (s) => {
      const found = serviceNamed(s, 'actions');
      return found && found.actions.length === 3 ? found : undefined;
    }, 'declared actions', 15_000);
    expect(service.actions).toEqual([{ name: 'ping', takesParam: false }, { name: 'echo', takesParam: true }, { name: 'slow', takesParam: false }]);
    const target = targetOf(bridge.getSnapshot(), service);
    expect(await bridge.runCustomAction(target, 'ping', null)).toEqual({ ok: true, reply: '{"pong":true,"calls":1}' });
    expect(await bridge.runCustomAction(target, 'echo', 'hello there')).toEqual({ ok: true, reply: '{"echoed":"hello there"}' });
    expect(await bridge.runCustomAction(target, 'nope', null)).toMatchObject({ ok: false, error: { code: 'not-declared' } });
    const stopped = serviceNamed(bridge.getSnapshot(), 'leaker')!;
    expect(await bridge.runCustomAction(targetOf(bridge.getSnapshot(), stopped), 'ping', null)).toMatchObject({ ok: false, error: { code: 'not-declared' } });
    const strict = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 200, readOnly: true });
    try {
      expect(await strict.runCustomAction(target, 'ping', null)).toMatchObject({ ok: false, error: { code: 'read-only' } });
    } finally {
      await strict.close();
    }
  });

  it('history holds a sample per refresh, custom metrics too, and the sparkline draws those values', async () => {
    const seen = new Set<number>();
    const stop = bridge.subscribe(() => {
      const service = serviceNamed(bridge.getSnapshot(), 'actions');
      if (service) seen.add(service.memory);
    });
    const service = serviceNamed(bridge.getSnapshot(), 'actions')!;
    seen.add(service.memory);
    const from = Date.now();
    await waitFor(() => (bridge.historyOf(service).series.memory ?? []).filter((p) => p.at >= from).length >= 8, 'eight samples', 15_000);
    stop();
    const memory = bridge.historyOf(service).series.memory!.filter((p) => p.at >= from);
    // Every sample is a value the snapshot showed (float32 keeps them to a few bytes in a hundred MB).
    for (const p of memory) expect([...seen].some((v) => Math.abs(v - p.value) <= v * 1e-6)).toBe(true);
    expect(bridge.historyOf(service).series['metric:queue depth']?.length).toBeGreaterThan(0);
    // One cell per sample: the samples binned at the refresh interval, each cell at its value's level.
    const last = memory.slice(-8);
    const end = last.at(-1)!.at + 1;
    const bins = binPoints(last, 12, 200, end);
    const scale = chartScale(bins);
    const drawn = [...sparkline(bins, scale, false)].filter((c) => c !== ' ');
    const expected = bins.filter((b) => b !== null).map((b) => '▁▂▃▄▅▆▇█'[level(b!, scale)]);
    expect(drawn).toEqual(expected);
    expect(drawn.length).toBeGreaterThanOrEqual(6);
  });
});

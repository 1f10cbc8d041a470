import { afterEach, describe, expect, it } from 'vitest';
import { isSteadyList, STEADY_REFRESHES, type ListChange } from '../../../src/pm2-bridge/model/process-list.js';
import { toServices } from '../../../src/pm2-bridge/to-service.js';
import { FakeDaemon, fakeProcess } from '../../fakes/fake-daemon.js';
import { closeAll, modelsOver, sleep, until } from './support.js';

afterEach(closeAll);

const names = (models: ReturnType<typeof modelsOver>) => models.list.services.map((s) => `${s.pmId}:${s.name}`);

describe('process list', () => {
  it('refreshes at once when the link comes up, then on the interval', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    // With a 60 s interval, a list within the test's time can only be the one made when the link came up.
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    expect(fake.listCalls()).toHaveLength(1);
    expect(names(models)).toEqual(['0:web']);
    expect(models.connection()).toMatchObject({ kind: 'connected', daemonPid: 4242 });
    const ticking = modelsOver(fake, { refreshIntervalMs: 30 });
    await ticking.link.start();
    await until(() => fake.listCalls().length >= 5);
  });

  it('never has two list calls in flight, however slow the daemon and however many events come', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')], delayMs: 120 });
    const models = modelsOver(fake, { refreshIntervalMs: 20, eventRefreshThrottleMs: 5 });
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, fake.inFlight())), 2);
    try {
      await models.link.start();
      for (let i = 0; i < 20; i += 1) {
        fake.event(0, 'online');
        void models.list.refresh();
        await sleep(10);
      }
      await until(() => fake.listCalls().length >= 3);
    } finally {
      clearInterval(watch);
    }
    expect(most).toBe(1);
    const calls = fake.listCalls();
    for (let i = 1; i < calls.length; i += 1) expect(calls[i]!.startedAt).toBeGreaterThanOrEqual(calls[i - 1]!.endedAt ?? Infinity);
  });

  it('says load failed, keeps the last list, backs off while it fails, and recovers', async () => {
    const fake = new FakeDaemon();
    const web = fakeProcess(0, 'web');
    const failing = Array.from({ length: 5 }, () => ({ error: new Error('PM2 is busy') }));
    fake.scriptList({ list: [web] }, ...failing, { list: [web] });
    const models = modelsOver(fake, { refreshIntervalMs: 30, maxBackoffMs: 10_000 });
    await models.link.start();
    await until(() => models.connection().kind === 'load-failed');
    expect(models.connection()).toMatchObject({ kind: 'load-failed', error: 'PM2 is busy', reason: { code: 'pm2-refused' }, lastOkAt: expect.any(Number) });
    expect(names(models)).toEqual(['0:web']);
    await until(() => models.connection().kind === 'connected' && fake.listCalls().length >= 7, 8000);
    // Each wait after a failure doubles: 60, 120, 240, 480 ms (timers fire late on a busy machine, never early).
    const starts = fake.listCalls().map((c) => c.startedAt);
    const waits = starts.slice(2, 6).map((at, i) => at - starts[i + 1]!);
    waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(30 * 2 ** (i + 1) - 5));
  });

  it('a list call that times out is a load failure, with the timeout as its reason', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] }, { hang: true });
    const models = modelsOver(fake, { rpcTimeoutMs: 50 });
    await models.link.start();
    await until(() => models.connection().kind === 'load-failed');
    expect(models.connection()).toMatchObject({ reason: { code: 'timeout', params: { ms: 50 } } });
  });

  it('sees deletes by comparing lists (pm2 sends no event), and a pm_id reused by another app as a delete', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web'), fakeProcess(1, 'worker'), fakeProcess(2, 'cron')] });
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 });
    const changes: ListChange[] = [];
    models.list.onList((change) => changes.push(change));
    await models.link.start();
    await until(() => models.list.listed);
    expect(changes.at(-1)).toMatchObject({ removed: [], setChanged: true, changed: true });

    fake.scriptList({ list: [fakeProcess(0, 'web'), fakeProcess(1, 'api')] });
    await models.list.refresh();
    expect(changes.at(-1)).toMatchObject({ removed: [1, 2], setChanged: true });
    expect(names(models)).toEqual(['0:web', '1:api']);

    await models.list.refresh();
    expect(changes.at(-1)).toMatchObject({ removed: [], setChanged: false, changed: false });
  });

  it('forgets the list when the daemon goes, and lists the new daemon at once', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    fake.kill();
    expect(models.connection().kind).toBe('no-daemon');
    expect(models.list.services).toEqual([]);
    expect(models.list.listed).toBe(false);
    fake.scriptList({ list: [fakeProcess(0, 'other')] });
    fake.start();
    await until(() => models.list.listed);
    expect(names(models)).toEqual(['0:other']);
  });

  it('refreshes soon after a process event, once for a burst', async () => {
    const fake = new FakeDaemon();
    const models = modelsOver(fake, { refreshIntervalMs: 60_000, eventRefreshThrottleMs: 30 });
    await models.link.start();
    await until(() => models.list.listed);
    const before = fake.listCalls().length;
    for (const event of ['exit', 'exit', 'online', 'restart']) fake.event(0, event);
    await until(() => fake.listCalls().length === before + 1);
    await sleep(80);
    expect(fake.listCalls().length).toBe(before + 1);
  });

  it('backs off to the idle interval while only CPU and memory wobble; a status change or a bus event brings the interval back', async () => {
    const fake = new FakeDaemon();
    const web = (cpu: number, status = 'online') => {
      const p = fakeProcess(0, 'web');
      return { ...p, monit: { cpu, memory: 1024 + cpu }, pm2_env: { ...p.pm2_env!, status } };
    };
    // The first list, three steady ones (cpu 1, 2, 1): then the idle interval; then the app stopped (news).
    fake.scriptList({ list: [web(0)] }, { list: [web(1)] }, { list: [web(2)] }, { list: [web(1)] }, { list: [web(0, 'stopped')] }, { list: [web(1, 'stopped')] });
    const models = modelsOver(fake, { refreshIntervalMs: 30, idleRefreshIntervalMs: 2000 });
    await models.link.start();
    await until(() => fake.listCalls().length >= 8, 10_000);
    const gaps = (from: number) => fake.listCalls().slice(from).map((c, i, calls) => (i === 0 ? 0 : c.startedAt - calls[i - 1]!.startedAt)).slice(1);
    const [g1, g2, g3, idle, afterNews, ...rest] = gaps(0);
    expect(STEADY_REFRESHES).toBe(3);
    // Timers fire late on a loaded machine, never early: the idle wait is at least 2 s, the others well under.
    for (const gap of [g1, g2, g3, afterNews, rest[0]]) expect(gap).toBeLessThan(1200);
    expect(idle).toBeGreaterThanOrEqual(1990);
    // Steady again (stopped, cpu 1 each time): idle, then a bus event.
    await until(() => gaps(8).some((gap) => gap >= 1990), 10_000);
    const before = fake.listCalls().length;
    fake.event(0, 'online');
    await until(() => fake.listCalls().length >= before + 4, 8000);
    // The event counts as news: the refresh comes back to the interval (beside the throttled one for the event)
    // until the list has been steady STEADY_REFRESHES times again. When the event lands while a timed call is in
    // flight, that call's idle wait may still run once, so the interval is looked for among the next three gaps.
    expect(gaps(before).slice(0, 3).some((gap) => gap < 1200)).toBe(true);
  });

  it('counts a list as steady only when nothing but small CPU and memory moves changed', () => {
    const list = (cpu: number, memory: number, extra: { status?: string; restarts?: number } = {}) => {
      const p = fakeProcess(0, 'web');
      return toServices([{ ...p, monit: { cpu, memory }, pm2_env: { ...p.pm2_env!, status: extra.status ?? 'online', restart_time: extra.restarts ?? 0 } }], { shellEnv: new Map() });
    };
    const steady = (a: ReturnType<typeof list>, b: ReturnType<typeof list>) => isSteadyList(a, b);
    const base = list(1, 50_000_000);
    expect(steady(base, list(4.9, 54_000_000))).toBe(true);
    expect(steady(base, list(6, 50_000_000))).toBe(false);
    expect(steady(base, list(1, 60_000_000))).toBe(false);
    expect(steady(base, list(1, 50_000_000, { status: 'stopped' }))).toBe(false);
    expect(steady(base, list(1, 50_000_000, { restarts: 1 }))).toBe(false);
    expect(steady(base, [])).toBe(false);
  });
});

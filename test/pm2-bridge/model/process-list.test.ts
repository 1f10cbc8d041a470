import { afterEach, describe, expect, it } from 'vitest';
import type { ListChange } from '../../../src/pm2-bridge/model/process-list.js';
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
});

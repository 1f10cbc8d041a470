import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/pm2-bridge/store.js';
import type { Bridge, DiagnosticsProvider, KnownDaemonFacts, PortCheck, Service } from '../../../src/pm2-bridge/types.js';
import { FakeDaemon, fakeProcess } from '../../fakes/fake-daemon.js';
import { portCheck } from '../diagnostics/service-fixture.js';
import { closeAll, fastOptions, modelsOver, scriptedProbe, sleep, until } from './support.js';

const bridges: Bridge[] = [];
afterEach(async () => {
  closeAll();
  for (const bridge of bridges.splice(0)) await bridge.close();
});

const listening = (port: number): PortCheck => portCheck({ port, checkedAt: 1 });

function countingDiagnostics(): DiagnosticsProvider & { seen: (readonly Service[])[]; known: (KnownDaemonFacts | undefined)[] } {
  const seen: (readonly Service[])[] = [];
  const known: (KnownDaemonFacts | undefined)[] = [];
  return {
    seen,
    known,
    async diagnose(services, _home, facts) {
      seen.push(services);
      known.push(facts);
      return {
        services: new Map(services.map((s) => [s.pmId, [{ code: 'restartLoop', severity: 'warning' as const, params: { name: s.name }, fix: null }]])),
        setup: [{ code: 'noStartup', severity: 'info' as const, params: {}, fix: null }],
      };
    },
  };
}

describe('check scheduler', () => {
  it('probes soon after a service appears, shows pending until then, and drops a check whose port changed', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3001 }), fakeProcess(1, 'worker')] });
    const probe = scriptedProbe((services) => new Map(services.filter((s) => s.port !== null).map((s) => [s.pmId, listening(s.port!)])));
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 }, probe);
    await models.link.start();
    await until(() => models.list.listed);
    const first = models.snapshot().services;
    expect(first[0]!.portCheck).toMatchObject({ port: 3001, health: 'pending' });
    expect(first[1]!.portCheck).toBeNull();
    await until(() => models.snapshot().services[0]!.portCheck?.health === 'ok');
    expect(probe.rounds).toBe(1);
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3005 }), fakeProcess(1, 'worker')] });
    await models.list.refresh();
    expect(models.snapshot().services[0]!.portCheck).toMatchObject({ port: 3005, health: 'pending' });
  });

  it('diagnoses when the set of services changes and when the connection changes kind, never two at a time', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    const diagnostics = countingDiagnostics();
    const models = modelsOver(fake, { refreshIntervalMs: 60_000, diagnostics });
    await models.link.start();
    await until(() => models.snapshot().services[0]?.diagnostics.length === 1);
    expect(models.snapshot().diagnostics).toMatchObject([{ code: 'noStartup' }]);
    // Findings see the services as the screens do (port checks merged), with the exact text.
    expect(diagnostics.seen.at(-1)!.map((s) => s.name)).toEqual(['web']);
    // The link says whether the daemon answers, so the pass does not connect to rpc.sock to find out.
    expect(diagnostics.known.at(-1)).toEqual({ daemonAnswers: true });
    const before = diagnostics.seen.length;
    fake.die();
    await until(() => diagnostics.seen.length > before);
    expect(diagnostics.seen.at(-1)).toEqual([]);
    expect(diagnostics.known.at(-1)).toEqual({ daemonAnswers: false });
  });
});

describe('the composed store', () => {
  it('publishes a new service at once, and coalesces a flood of lines into few notifications', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    const bridge = createStore(fastOptions({ notifyIntervalMs: 100, floodNotifyIntervalMs: 100 }), { access: fake, probe: scriptedProbe() });
    bridges.push(bridge);
    let notified = 0;
    bridge.subscribe(() => (notified += 1));
    await until(() => bridge.getSnapshot().services.length === 1);
    const services = bridge.getSnapshot().services;
    const list = bridge.getList();
    notified = 0;
    for (let i = 0; i < 50; i += 1) fake.log(0, 'out', `line ${i}\n`);
    await until(() => bridge.getLogs(0).length === 50);
    await sleep(150);
    expect(notified).toBeLessThanOrEqual(2);
    // Only lines changed: the same services array and list view, so the table has nothing to do.
    expect(bridge.getSnapshot().services).toBe(services);
    expect(bridge.getList()).toBe(list);
  });

  it('tells the list nothing for a refresh or a probe round that changes nothing, and shows what changed', async () => {
    const fake = new FakeDaemon();
    const worker = (cpu: number, env: Record<string, string> = {}) => ({ ...fakeProcess(1, 'worker', { env }), monit: { cpu, memory: 1024 } });
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3001 }), worker(1)] });
    let at = 0;
    const probe = scriptedProbe((services) => new Map(services.filter((s) => s.port !== null).map((s) => [s.pmId, portCheck({ port: s.port!, checkedAt: (at += 1) })])));
    const bridge = createStore(fastOptions({ refreshIntervalMs: 30, probeIntervalMs: 30 }), { access: fake, probe });
    bridges.push(bridge);
    await until(() => bridge.getList().services[0]?.portCheck?.health === 'ok');
    const list = bridge.getList();
    let told = 0;
    bridge.subscribeList(() => (told += 1));
    const [rounds, lists] = [probe.rounds, fake.listCalls().length];
    await until(() => probe.rounds >= rounds + 3 && fake.listCalls().length >= lists + 3);
    await sleep(60);
    // Same checks (only checkedAt moved) and the same list: no new array, no word to the table.
    expect(told).toBe(0);
    expect(bridge.getList()).toBe(list);
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3001 }), worker(7)] });
    await until(() => bridge.getList().services[1]?.cpu === 7);
    const [web, cpuMoved] = bridge.getList().services;
    // The unchanged service keeps its object (panes memoized on it skip work); the changed one is new.
    expect(web).toBe(list.services[0]);
    expect(cpuMoved).not.toBe(list.services[1]);
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3001 }), worker(7, { MODE: 'b' })] });
    await until(() => bridge.getList().services[1]?.env.some((e) => e.key === 'MODE') === true);
    expect(bridge.getList().services[0]).toBe(web);
  });

  it('tells a service log listener only about its own service', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web'), fakeProcess(1, 'worker')] });
    const bridge = createStore(fastOptions(), { access: fake, probe: scriptedProbe() });
    bridges.push(bridge);
    await until(() => bridge.getSnapshot().services.length === 2);
    let web = 0;
    let list = 0;
    bridge.subscribeLogs(0, () => (web += 1));
    bridge.subscribeList(() => (list += 1));
    fake.log(1, 'out', 'worker line\n');
    await until(() => bridge.getLogs(1).length === 1);
    await sleep(60);
    expect([web, list]).toEqual([0, 0]);
    fake.log(0, 'out', 'web line\n');
    await until(() => web === 1);
    expect(list).toBe(0);
  });

  it('runs an action on the current daemon and refreshes after it', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    const bridge = createStore(fastOptions({ refreshIntervalMs: 60_000 }), { access: fake, probe: scriptedProbe() });
    bridges.push(bridge);
    await until(() => bridge.getSnapshot().connection.kind === 'connected' && bridge.getSnapshot().services.length === 1);
    const lists = fake.listCalls().length;
    // daemonPid null: the actions read the pid file themselves (a real one in the integration tests).
    const result = await bridge.run('restart', { pmId: 0, name: 'web', daemonPid: null });
    expect(result).toEqual({ ok: true });
    expect(fake.calls.map((c) => c.method)).toContain('restartProcessId');
    await until(() => fake.listCalls().length > lists + 1);
    fake.kill();
    expect(await bridge.run('restart', { pmId: 0, name: 'web', daemonPid: null })).toMatchObject({ ok: false, error: { code: 'no-daemon' } });
  });
});

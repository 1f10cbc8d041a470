import { describe, expect, it } from 'vitest';
import { readSnapshotOnce } from '../../../src/pm2-bridge/index.js';
import type { DiagnosticsProvider, Service } from '../../../src/pm2-bridge/types.js';
import { FakeDaemon, fakeProcess } from '../../fakes/fake-daemon.js';
import { scriptedProbe } from './support.js';

function recordingDiagnostics(): DiagnosticsProvider & { seen: (readonly Service[])[] } {
  const seen: (readonly Service[])[] = [];
  return { seen, diagnose: async (services) => (seen.push(services), { services: new Map(), setup: [] }) };
}

describe('readSnapshotOnce, from the same models as the live bridge', () => {
  it('lists once, probes once, diagnoses once, and a port not probed yet is pending as in the live store', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web', { port: 3001 }), fakeProcess(1, 'named\u001b]0;x\u0007')] });
    const probe = scriptedProbe();
    const diagnostics = recordingDiagnostics();
    const snapshot = await readSnapshotOnce({ pm2Home: '/fake/pm2', diagnostics }, { access: fake, probe });
    expect(snapshot.connection).toMatchObject({ kind: 'connected', daemonPid: 4242 });
    expect(snapshot.services[0]!.portCheck).toMatchObject({ port: 3001, health: 'pending' });
    expect(snapshot.services[1]!.name).not.toContain('\u001b');
    expect([fake.listCalls().length, probe.rounds, diagnostics.seen.length]).toEqual([1, 1, 1]);
    expect(fake.busCount).toBe(0);
    const exact = await readSnapshotOnce({ pm2Home: '/fake/pm2', exactText: true }, { access: fake, probe });
    expect(exact.services[1]!.name).toContain('\u001b');
  });

  it('with no daemon: no-daemon, the diagnostics still run, nothing is started', async () => {
    const fake = new FakeDaemon({ running: false });
    const diagnostics = recordingDiagnostics();
    const snapshot = await readSnapshotOnce({ pm2Home: '/fake/pm2', diagnostics }, { access: fake, probe: scriptedProbe() });
    expect(snapshot.connection.kind).toBe('no-daemon');
    expect(diagnostics.seen).toEqual([[]]);
    expect(fake.connects).toBe(0);
  });

  it('a list call that times out gives load-failed with the reason', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ hang: true });
    const snapshot = await readSnapshotOnce({ pm2Home: '/fake/pm2', rpcTimeoutMs: 50 }, { access: fake, probe: scriptedProbe() });
    expect(snapshot.connection).toMatchObject({ kind: 'load-failed', reason: { code: 'timeout' }, lastOkAt: null });
  });
});

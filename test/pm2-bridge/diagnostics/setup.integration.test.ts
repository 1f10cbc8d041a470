// Setup-wide findings against a real PM2 home: no daemon (and none started by looking), the saved list against
// what runs, pm2-logrotate and its settings, the startup unit.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, isAlive, waitFor, type PrivatePm2Home } from '../../helpers/pm2-home.js';
import { cleanEnv, diagnosedSnapshot, startApp } from './support.js';
import type { Snapshot } from '../../../src/pm2-bridge/types.js';

let home: PrivatePm2Home;
let units: string;
const setupCodes = (snapshot: Snapshot): string[] => snapshot.diagnostics.map((d) => d.code);
const setupFinding = (snapshot: Snapshot, code: string) => snapshot.diagnostics.find((d) => d.code === code);

beforeAll(() => {
  home = cleanEnv(createPrivatePm2Home('gakuco-diag-setup-'));
  units = mkdtempSync(join(tmpdir(), 'gakuco-diag-units-'));
});

afterAll(async () => {
  await home?.cleanup();
  rmSync(units, { recursive: true, force: true });
}, 30_000);

describe('setup diagnostics (real PM2 home)', () => {
  it('daemon-down first, with the command to start one, and looking starts no daemon', async () => {
    const snapshot = await diagnosedSnapshot(home, { startupDirs: [units] });
    expect(snapshot.connection.kind).toBe('no-daemon');
    expect(setupCodes(snapshot)).toEqual(['daemon-down', 'logrotate-missing', 'startup-missing']);
    expect(setupFinding(snapshot, 'daemon-down')?.fix).toBe(`PM2_HOME=${home.home} pm2 start ecosystem.config.js`);
    expect(home.daemonPid()).toBeNull();
    expect(existsSync(join(home.home, 'rpc.sock'))).toBe(false);
    expect(existsSync(join(home.home, 'pm2.pid'))).toBe(false);
  });

  it('dump-missing while apps run unsaved, nothing once saved', async () => {
    await startApp(home, 'idle.cjs', 'first');
    let snapshot = await diagnosedSnapshot(home);
    expect(setupCodes(snapshot)).not.toContain('daemon-down');
    expect(setupFinding(snapshot, 'dump-missing')).toMatchObject({ params: { running: 'first' }, fix: `PM2_HOME=${home.home} pm2 save` });
    expect((await home.pm2(['save'])).code).toBe(0);
    snapshot = await diagnosedSnapshot(home);
    expect(setupCodes(snapshot).filter((c) => c.startsWith('dump-'))).toEqual([]);
  });

  it('dump-differs names what a reboot would bring back and what it would lose', async () => {
    await startApp(home, 'idle.cjs', 'second');
    expect((await home.pm2(['delete', 'first'])).code).toBe(0);
    const snapshot = await diagnosedSnapshot(home);
    expect(setupFinding(snapshot, 'dump-differs')?.params).toEqual({ missing: 'first', extra: 'second' });
    expect((await home.pm2(['save'])).code).toBe(0);
    expect(setupCodes(await diagnosedSnapshot(home))).not.toContain('dump-differs');
  });

  it('logrotate-stopped once pm2-logrotate is configured but its process does not run', async () => {
    expect(setupCodes(await diagnosedSnapshot(home))).toContain('logrotate-missing');
    // `pm2 install pm2-logrotate` needs the npm registry; it records the module in module_conf.json, as here.
    const confPath = join(home.home, 'module_conf.json');
    const conf = JSON.parse(readFileSync(confPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(confPath, JSON.stringify({ ...conf, 'module-db-v2': { 'pm2-logrotate': { uid: null, gid: null } } }));
    expect((await home.pm2(['set', 'pm2-logrotate:max_size', '1M'])).code).toBe(0);
    const snapshot = await diagnosedSnapshot(home);
    expect(setupCodes(snapshot)).not.toContain('logrotate-missing');
    // Configured, but no pm2-logrotate process in the list: nothing rotates, and the monitor must not say ✔.
    expect(setupFinding(snapshot, 'logrotate-stopped')).toMatchObject({ severity: 'warning', fix: `PM2_HOME=${home.home} pm2 restart pm2-logrotate` });
    expect(setupCodes(snapshot)).not.toContain('logrotate-settings');
  });

  it('startup-found for a unit naming this home, startup-missing for one naming another', async () => {
    writeFileSync(join(units, 'pm2-someone.service'), `[Service]\nEnvironment=PM2_HOME=/home/someone/.pm2\n`);
    expect(setupCodes(await diagnosedSnapshot(home, { startupDirs: [units] }))).toContain('startup-missing');
    const unit = join(units, 'pm2-tester.service');
    writeFileSync(unit, `[Service]\nEnvironment=PM2_HOME=${home.home}\nPIDFile=${home.home}/pm2.pid\n`);
    const snapshot = await diagnosedSnapshot(home, { startupDirs: [units] });
    expect(setupFinding(snapshot, 'startup-found')?.params).toEqual({ path: unit });
    expect(setupCodes(snapshot)).not.toContain('startup-missing');
  });

  it('after pm2 kill: daemon-down says resurrect, as a saved list exists', async () => {
    const old = home.daemonPid();
    expect((await home.pm2(['kill'])).code).toBe(0);
    // `pm2 kill` may return while the daemon is still ending (pm2.pid still there, under load).
    await waitFor(() => old === null || !isAlive(old), 'the daemon to end', 10_000);
    const snapshot = await diagnosedSnapshot(home);
    expect(setupFinding(snapshot, 'daemon-down')?.fix).toBe(`PM2_HOME=${home.home} pm2 resurrect`);
    expect(home.daemonPid()).toBeNull();
  });
});

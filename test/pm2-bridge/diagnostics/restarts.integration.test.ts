// Restart findings against a real PM2 daemon: a crash loop (unstable restarts), a service restarting often but
// each time after min_uptime (counted from pm2.log and from the provider's own samples), and restarts PM2 forced
// for max_memory_restart (the daemon's worker runs every second here: PM2_WORKER_INTERVAL).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiagnosticsProvider } from '../../../src/pm2-bridge/diagnostics/index.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../../helpers/pm2-home.js';
import { cleanEnv, codesOf, diagnosedSnapshot, finding, freePort, service, startFromEcosystem } from './support.js';

let home: PrivatePm2Home;

beforeAll(async () => {
  home = cleanEnv(createPrivatePm2Home('gakuco-diag-rst-'));
  home.env.PM2_WORKER_INTERVAL = '1000';
  await startFromEcosystem(home, [
    { name: 'steady', script: 'service.cjs', max_memory_restart: '1G', env: { PORT: await freePort() } },
    { name: 'crashing', script: 'crash.cjs', env: { CRASH_AFTER_MS: '100' } },
    // Lives past min_uptime each time, so PM2 never counts these restarts as unstable.
    { name: 'flapping', script: 'crash.cjs', min_uptime: 200, env: { CRASH_AFTER_MS: '400' } },
    // Holds 120 MB against a 64 MB limit: the worker restarts it on every round.
    { name: 'hungry', script: 'service.cjs', max_memory_restart: '64M', env: { PORT: await freePort(), MEMORY_MB: '120' } },
  ]);
}, 60_000);

afterAll(async () => {
  await home?.cleanup();
}, 30_000);

describe('restart diagnostics (real PM2)', () => {
  it('restart-loop: a crash loop (unstable restarts, or errored once PM2 gives up), with the last error lines', async () => {
    const snapshot = await waitFor(async () => {
      const s = await diagnosedSnapshot(home);
      return finding(s, 'crashing', 'restart-loop') ? s : null;
    }, 'a restart-loop finding', 15_000, 200);
    expect(service(snapshot, 'crashing').restarts).toBeGreaterThan(0);
    const loop = finding(snapshot, 'crashing', 'restart-loop');
    expect(loop?.severity).toBe('error');
    expect(String(loop?.params.lastErrors)).toContain('Error: cannot start: missing database connection');
    expect(String(loop?.params.lastErrors).split('\n').length).toBeLessThanOrEqual(5);
    expect(loop?.fix).toMatch(/pm2 logs crashing --err --lines 50$/);
    expect(codesOf(snapshot, 'steady')).toEqual([]);
  });

  it('restart-loop: more than N restarts in the window without unstable ones (from pm2.log)', async () => {
    const snapshot = await waitFor(async () => {
      const s = await diagnosedSnapshot(home, { maxRestartsInWindow: 3 });
      return service(s, 'flapping').restarts > 4 ? s : null;
    }, 'flapping to restart more than 4 times', 20_000, 300);
    expect(service(snapshot, 'flapping').unstableRestarts).toBe(0);
    expect(Number(finding(snapshot, 'flapping', 'restart-loop')?.params.recent)).toBeGreaterThan(3);
    // A window too short to hold them finds no loop.
    const narrow = await diagnosedSnapshot(home, { maxRestartsInWindow: 3, restartWindowMs: 1 });
    expect(codesOf(narrow, 'flapping')).not.toContain('restart-loop');
  });

  it('memory-restarts: counts the restarts PM2 logged for max_memory_restart', async () => {
    const snapshot = await waitFor(async () => {
      const s = await diagnosedSnapshot(home);
      return finding(s, 'hungry', 'memory-restarts') ? s : null;
    }, 'a memory restart in pm2.log', 15_000, 300);
    const restarts = finding(snapshot, 'hungry', 'memory-restarts');
    expect(Number(restarts?.params.count)).toBeGreaterThanOrEqual(1);
    expect(restarts?.params.limit).toBe(64 * 1024 * 1024);
    expect(codesOf(snapshot, 'steady')).not.toContain('memory-restarts');
  });

  it('restart-loop: without pm2.log, the provider counts restarts between its own passes', async () => {
    // With pm2.log gone (deleted by hand, say: the daemon keeps writing to the unlinked file) only the provider's
    // own samples can see the restarts. Last in this file: the tests above read pm2.log.
    rmSync(join(home.home, 'pm2.log'));
    const provider = createDiagnosticsProvider({ startupDirs: [], pm2Program: 'pm2', maxRestartsInWindow: 2 });
    const first = await diagnosedSnapshot(home, provider);
    const before = service(first, 'flapping').restarts;
    const second = await waitFor(async () => {
      const s = await diagnosedSnapshot(home, provider);
      return service(s, 'flapping').restarts >= before + 3 ? s : null;
    }, 'three more restarts', 15_000, 300);
    expect(Number(finding(second, 'flapping', 'restart-loop')?.params.recent)).toBeGreaterThanOrEqual(3);
  });
});

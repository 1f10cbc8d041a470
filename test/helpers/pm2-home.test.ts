import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, isAlive } from './pm2-home.js';

describe('private PM2 home', () => {
  const pm2Home = createPrivatePm2Home();
  afterAll(() => pm2Home.cleanup());

  it('starts a daemon only in its own home and ends it by pid', async () => {
    expect(pm2Home.daemonPid()).toBeNull();
    const ping = await pm2Home.pm2(['ping']);
    expect(ping.code).toBe(0);
    const pid = pm2Home.daemonPid();
    expect(pid).toBeGreaterThan(0);
    await pm2Home.cleanup();
    expect(isAlive(pid!)).toBe(false);
  });

  it('ends a daemon of its home that pm2.pid no longer names', async () => {
    const other = createPrivatePm2Home();
    expect((await other.pm2(['ping'])).code).toBe(0);
    const pid = other.daemonPid()!;
    // As when a CLI call started a daemon while another was ending: nothing in the home points at this one.
    rmSync(join(other.home, 'pm2.pid'));
    expect(other.daemonPid()).toBeNull();
    await other.cleanup();
    expect(isAlive(pid)).toBe(false);
  });
});

// The built CLI at 100x30 in tmux against a real PM2 daemon: the timeline shows a crash loop that happened before
// the monitor started, the exceptions view opens a stack, and a tx2 custom action runs after its confirmation with
// its reply on the screen (and is refused under --read-only).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const PLUS = join(root, 'test/fixtures/plus');

describe.skipIf(!hasTmux())('insights overlay (tmux, real PM2 daemon)', () => {
  let home: PrivatePm2Home;
  const tmux = new TmuxSession();
  const readOnly = new TmuxSession();

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-insights-');
    const config = join(home.home, 'apps.config.cjs');
    writeFileSync(config, `module.exports = { apps: [${JSON.stringify({ name: 'thrower', script: `${PLUS}/thrower.cjs`, min_uptime: 5000, max_restarts: 2 })}, ${JSON.stringify({ name: 'actions', script: `${PLUS}/actions.cjs` })}] };\n`);
    expect((await home.pm2(['start', config])).code).toBe(0);
    await waitFor(async () => {
      const list = JSON.parse((await home.pm2(['jlist'])).stdout) as { name: string; pm2_env: { status: string; axm_actions?: unknown[] } }[];
      return list.find((p) => p.name === 'thrower')?.pm2_env.status === 'errored' && (list.find((p) => p.name === 'actions')?.pm2_env.axm_actions?.length ?? 0) > 0;
    }, 'thrower errored, actions declared', 20_000, 200);
    const env = { ...home.env, PATH: `${join(root, 'node_modules', '.bin')}:/usr/bin:/bin` };
    await tmux.start({ command: `'${process.execPath}' '${CLI}' --lang en`, cols: 100, rows: 30, env, pass: ['PM2_HOME', 'PATH', 'HOME'] });
    await waitForScreen(tmux, (s) => s.includes('thrower') && s.includes('actions'), 'the table');
  }, 60_000);

  afterAll(async () => {
    await tmux.kill();
    await readOnly.kill();
    await home?.cleanup();
  }, 30_000);

  it('T opens the timeline with what happened before the monitor started, newest first', async () => {
    await tmux.keys('T');
    const screen = await waitForScreen(tmux, (s) => s.includes('Events — all services') && s.includes('errored'), 'the timeline');
    const rows = screen.split('\n').filter((l) => l.includes('thrower'));
    expect(rows[0]).toMatch(/thrower {2}errored stopped after 2 unstable restarts \(before start\)/);
    expect(rows[1]).toMatch(/thrower {2}exited \(crash\) code 1 \/ signal SIGINT \(before start\)/);
    expect(rows[2]).toMatch(/thrower {2}restarted \(automatic\)/);
    expect(rows.at(-1)).toMatch(/thrower {2}started \(before start\)/);
  });

  it('Tab to exceptions: grouped with a count, Enter opens the stack whole', async () => {
    await tmux.keys('Tab');
    const list = await waitForScreen(tmux, (s) => s.includes('Exceptions — all services') && s.includes('EADDRINUSE'), 'the exceptions');
    expect(list).toMatch(/Error: listen EADDRINUSE.* {2}2x {2}thrower/);
    await tmux.keys('Enter');
    const stack = await waitForScreen(tmux, (s) => s.includes('at Timeout._onTimeout'), 'the stack');
    expect(stack).toContain('thrower.cjs:4:9');
    await tmux.keys('Escape');
    await waitForScreen(tmux, (s) => !s.includes('at Timeout._onTimeout') && s.includes('2x'), 'back to the list');
    await tmux.keys('Escape');
    await waitForScreen(tmux, (s) => !s.includes('Exceptions —'), 'the overlay closed');
  });

  it('A on the actions app lists its actions; one runs after y and its reply shows; a parameter is asked for', async () => {
    // Select "actions" (pm_id 1, the second row).
    await tmux.keys('j');
    await tmux.keys('A');
    await waitForScreen(tmux, (s) => s.includes('Actions — actions') && s.includes('ping') && s.includes('echo  (takes a parameter)'), 'the actions');
    await tmux.keys('Enter');
    await waitForScreen(tmux, (s) => s.includes('Run action ping on actions? (y/N)'), 'the confirmation');
    await tmux.keys('y');
    await waitForScreen(tmux, (s) => s.includes('Reply of ping:') && s.includes('{"pong":true,"calls":1}'), 'the reply');
    await tmux.keys('j');
    await tmux.keys('Enter');
    await waitForScreen(tmux, (s) => s.includes('Parameter for echo:'), 'the parameter prompt');
    await tmux.keys('-l', 'hi there');
    await tmux.keys('Enter');
    await waitForScreen(tmux, (s) => s.includes('Run action echo (hi there) on actions? (y/N)'), 'the confirmation with its parameter');
    await tmux.keys('y');
    await waitForScreen(tmux, (s) => s.includes('{"echoed":"hi there"}'), 'the echo reply');
  });

  it('under --read-only an action is refused with the reason', async () => {
    const env = { ...home.env, PATH: `${join(root, 'node_modules', '.bin')}:/usr/bin:/bin` };
    await readOnly.start({ command: `'${process.execPath}' '${CLI}' --lang en --read-only`, cols: 100, rows: 30, env, pass: ['PM2_HOME', 'PATH', 'HOME'] });
    await waitForScreen(readOnly, (s) => s.includes('actions'), 'the table');
    await readOnly.keys('j');
    await readOnly.keys('A');
    await waitForScreen(readOnly, (s) => s.includes('Actions — actions'), 'the actions');
    await readOnly.keys('Enter');
    await waitForScreen(readOnly, (s) => s.includes('Actions are off in read-only mode'), 'the refusal');
  });
});

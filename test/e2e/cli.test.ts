// End to end: the built CLI (dist/cli.js) in a real pseudo-terminal (tmux, private socket) against a real PM2
// daemon in a private PM2_HOME. It shows the apps; `r` `y` restarts the selected one and the screen shows the new
// restart count; `q` exits 0 (a shell wrapper writes the exit code to a file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const APPS = ['alpha', 'beta'];
const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/cli.test.ts skipped: tmux is not installed (apt-get install tmux)');

interface JlistEntry {
  name: string;
  pm2_env: { restart_time: number; status: string };
}

/** The restart count the screen shows for `name`, read under the "Restarts" column header. */
function restartsOnScreen(screen: string, name: string): number | null {
  const lines = screen.split('\n');
  const header = lines.find((line) => /\bName\b/.test(line) && line.includes('Restarts'));
  const row = lines.find((line) => new RegExp(`(^|\\s)${name}(\\s|$)`).test(line) && line !== header);
  if (!header || !row) return null;
  const start = header.indexOf('Restarts');
  const cell = row.slice(start, start + 'Restarts'.length).trim();
  return /^\d+$/.test(cell) ? Number(cell) : null;
}

/** Waits until `check` finds what it wants on the screen; on timeout the error shows the last screen. */
async function waitForScreen<T>(tmux: TmuxSession, check: (screen: string) => T | null, what: string, timeoutMs: number): Promise<T> {
  let last = '';
  try {
    return await waitFor(async () => check((last = await tmux.capture())), what, timeoutMs, 100);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nlast screen:\n${last}`);
  }
}

describe.skipIf(tmuxMissing)('gakuco-monit in a terminal (tmux) against a real PM2 daemon', () => {
  let home: PrivatePm2Home;
  const tmux = new TmuxSession();
  let exitFile: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-');
    for (const name of APPS) {
      const started = await home.pm2(['start', join(root, 'bench/apps/quiet.cjs'), '--name', name], {
        env: { BENCH_QUIET_MS: '500' },
      });
      expect(started.code, started.stderr).toBe(0);
    }
    exitFile = join(home.home, 'monitor-exit-code');
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en; echo $? > '${exitFile}'`,
      cols: 120,
      rows: 40,
      // CI set, as on a CI runner: Ink alone would then draw nothing until exit; the built CLI must not care.
      env: { ...home.env, LANG: 'C.UTF-8', CI: 'true' },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'LANG', 'CI'],
    });
  });

  afterAll(async () => {
    await tmux.kill();
    await home?.cleanup();
  });

  it('shows the apps', async () => {
    const screen = await waitForScreen(
      tmux,
      (text) => (APPS.every((name) => text.includes(name)) && restartsOnScreen(text, 'alpha') !== null ? text : null),
      'both apps and their restart counts on screen',
      15_000,
    );
    expect(restartsOnScreen(screen, 'alpha')).toBe(0);
    expect(restartsOnScreen(screen, 'beta')).toBe(0);
  });

  it('r then y restarts the selected app and the screen shows its new restart count', async () => {
    await tmux.keys('r');
    await waitForScreen(tmux, (text) => /\(y\/N\)/i.test(text) || null, 'the confirmation question', 5_000);
    await tmux.keys('y');
    const restarted = await waitFor(async () => {
      const list = JSON.parse((await home.pm2(['jlist'])).stdout) as JlistEntry[];
      return list.find((app) => app.pm2_env.restart_time === 1);
    }, 'one app with restart_time 1 in pm2 jlist', 10_000, 200);
    expect(APPS).toContain(restarted.name);
    const other = APPS.find((name) => name !== restarted.name)!;
    const screen = await waitForScreen(
      tmux,
      (text) => (restartsOnScreen(text, restarted.name) === 1 ? text : null),
      `the restart count 1 for ${restarted.name} on screen`,
      10_000,
    );
    expect(restartsOnScreen(screen, other)).toBe(0);
  });

  it('q exits with code 0', async () => {
    await tmux.keys('q');
    const code = await waitFor(
      () => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : null),
      'the exit code file',
      10_000,
      100,
    );
    expect(code).toBe('0');
  });
});

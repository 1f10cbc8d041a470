// Issue 9 as an operator does it, on the built CLI at 80x24 in tmux against a real PM2 daemon: sort by memory, mark
// two, restart both with one confirmation, search the log for a word and land on it, save the log and read the file.
// The sort is kept in the XDG config file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const HOG = join(root, 'test/fixtures/apps/hog.cjs');

interface JlistEntry {
  name: string;
  pm2_env: { status: string; restart_time: number };
  monit?: { memory: number };
}

describe.skipIf(!hasTmux())('sort, marks, bulk restart, log search and save at 80x24 (tmux, real PM2 daemon)', () => {
  let home: PrivatePm2Home;
  let xdg: string;
  const tmux = new TmuxSession();
  const jlist = async (): Promise<JlistEntry[]> => JSON.parse((await home.pm2(['jlist'])).stdout) as JlistEntry[];
  const restarts = async () => Object.fromEntries((await jlist()).map((p) => [p.name, p.pm2_env.restart_time]));

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-ops-');
    xdg = mkdtempSync(join(tmpdir(), 'gakuco-e2e-xdg-'));
    for (const [name, mb] of [['small', 1], ['big', 90], ['mid', 40]] as const) {
      const started = await home.pm2(['start', HOG, '--name', name], { env: { HOG_MB: String(mb) }, cwd: root });
      expect(started.code, started.stderr).toBe(0);
    }
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en`,
      cols: 80,
      rows: 24,
      env: { ...home.env, XDG_CONFIG_HOME: join(xdg, 'config'), XDG_STATE_HOME: join(xdg, 'state'), PATH: `${join(root, 'node_modules', '.bin')}:/usr/bin:/bin` },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'XDG_CONFIG_HOME', 'XDG_STATE_HOME'],
    });
    await waitForScreen(tmux, (s) => ['small', 'big', 'mid'].every((name) => s.includes(name)), 'the three apps');
  }, 60_000);

  afterAll(async () => {
    await tmux.kill();
    await home?.cleanup();
    if (xdg) rmSync(xdg, { recursive: true, force: true });
  }, 60_000);

  it('sorts by memory, biggest first, the header marked; the sort is saved', async () => {
    // app -> name -> status -> cpu -> memory
    // The apps hold their megabytes once started; PM2's first readings can come before that.
    await waitFor(async () => {
      const memory = Object.fromEntries((await jlist()).map((p) => [p.name, p.monit?.memory ?? 0]));
      return memory.big! > memory.mid! + 20 * 2 ** 20 && memory.mid! > memory.small! + 20 * 2 ** 20;
    }, 'the apps to hold their memory', 15_000, 200);
    await tmux.keys('o', 'o', 'o', 'o');
    const rowsOf = (screen: string) => ['big', 'mid', 'small'].map((name) => screen.split('\n').findIndex((line) => new RegExp(`^.{3} ${name}\\b`).test(line)));
    // The monitor's list catches up with PM2's readings at its next refresh (up to 3x --interval while steady).
    const screen = await waitForScreen(
      tmux,
      (s) => {
        const rows = rowsOf(s);
        return s.includes('Memory↓') && rows.every((row) => row > 0) && rows[0]! < rows[1]! && rows[1]! < rows[2]!;
      },
      'big, mid, small under the memory header',
      10_000,
    );
    const order = rowsOf(screen);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const config = join(xdg, 'config', 'gakuco-monit', 'config.json');
    await waitFor(() => existsSync(config) && readFileSync(config, 'utf8').includes('"memory"'), 'the config file', 5000);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({ sort: { key: 'memory', descending: true } });
  }, 30_000);

  it('marks two, restarts both after one question naming them, each count raised and the third left alone', async () => {
    const before = await restarts();
    // The selection followed small (first in PM2's order) to the bottom row: up to mid, mark it, up to big, mark it.
    expect(await tmux.capture()).toMatch(/^▶ {3}small/m);
    await tmux.keys('k', 'Space', 'k', 'Space');
    await waitForScreen(tmux, (s) => s.includes('[* 2]'), 'two marked');
    await tmux.keys('r');
    const asked = await waitForScreen(tmux, (s) => s.includes('(y/N)'), 'the question');
    expect(asked).toMatch(/Restart these 2: big, mid\?/);
    await tmux.keys('y');
    await waitForScreen(tmux, (s) => s.includes('All 2 done (restart): big, mid'), 'both restarted', 30_000);
    const after = await restarts();
    expect(after.big).toBe(before.big! + 1);
    expect(after.mid).toBe(before.mid! + 1);
    expect(after.small).toBe(before.small);
  }, 60_000);

  it('searches the log pane for a word and lands on it, then saves the log and the file holds it', async () => {
    await waitForScreen(tmux, (s) => s.includes('needle'), 'a needle line in the log', 20_000);
    await tmux.keys('Tab', '/');
    await waitForScreen(tmux, (s) => s.includes('Search log: _'), 'the search prompt');
    await tmux.keys('n', 'e', 'e', 'd', 'l', 'e', 'Enter');
    const landed = await waitForScreen(tmux, (s) => /"needle" \d+\/\d+/.test(s), 'landed on a match');
    // The line it landed on is marked `>` without colour, and it is a needle line.
    expect(landed.split('\n').some((line) => /^\d\d:\d\d:\d\d\s+ > .*needle/.test(line) || /^\s+ > .*needle/.test(line))).toBe(true);
    await tmux.keys('W');
    const saved = await waitForScreen(tmux, (s) => s.includes('Log saved: '), 'saved');
    const dir = join(xdg, 'state', 'gakuco-monit', 'logs');
    const path = await waitFor(() => {
      const match = /Log saved: (\S+)/.exec(saved.replace(/\n/g, ''));
      return match && existsSync(join(dir)) ? match[1]! : null;
    }, 'the path on screen', 5000);
    expect(path.startsWith(dir.slice(0, 20))).toBe(true);
    const files = (await import('node:fs')).readdirSync(dir);
    expect(files).toHaveLength(1);
    const text = readFileSync(join(dir, files[0]!), 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\S+ out tick \d+/m);
    expect(text).toContain('needle');
  }, 60_000);
});

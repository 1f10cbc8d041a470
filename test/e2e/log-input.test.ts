// Log input of any shape against the built CLI in tmux and a real PM2 daemon: a 300 KB line of Japanese JSON every
// 2 s, a 2 MB line with binary and invalid UTF-8 around it, and 512 KB lines 10 times a second, all at once, for
// ~30 s (the 2 minutes is a manual run: see docs/benchmarks.md). The monitor's RSS stays under 200 MB, its
// clock keeps ticking, `?` opens the help within about a second, q exits 0; and SIGHUP ends it mid-flood.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const APP = join(root, 'test', 'fixtures', 'apps', 'big-lines.cjs');
const RUN_MS = 30_000;
const RSS_LIMIT = 200 * 1024 * 1024;

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/log-input.test.ts skipped: tmux is not installed');

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** The clock at the right end of the header line. */
function clockOf(screen: string): string | null {
  return /(\d\d:\d\d:\d\d)\s*$/.exec(screen.split('\n')[0] ?? '')?.[1] ?? null;
}

async function startMonitor(tmux: TmuxSession, home: PrivatePm2Home, tag: string): Promise<{ pid: number; exitFile: string }> {
  const pidFile = join(home.home, `monitor-${tag}.pid`);
  const exitFile = join(home.home, `monitor-${tag}.exit`);
  await tmux.start({
    // The shell stays (to write the exit code); the monitor is its child, its pid written first.
    command: `sh -c 'echo $$ > "${pidFile}"; exec "${process.execPath}" "${CLI}" --lang en' ; echo $? > '${exitFile}'`,
    cols: 120,
    rows: 40,
    env: { ...home.env, LANG: 'C.UTF-8' },
    pass: ['PM2_HOME', 'PATH', 'HOME', 'LANG'],
  });
  const pid = await waitFor(() => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) || null : null), 'the monitor pid');
  return { pid, exitFile };
}

describe.skipIf(tmuxMissing)('log input of any shape, in tmux', () => {
  let home: PrivatePm2Home;
  const tmux = new TmuxSession();
  const hangup = new TmuxSession();

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-log-input-');
    // The flood first: pm_id 0 is the row selected at start, so its log is the one drawn.
    for (const mode of ['flood', 'cjk', 'huge']) {
      const started = await home.pm2(['start', APP, '--name', mode], { env: { BIG_MODE: mode } });
      if (started.code !== 0) throw new Error(`pm2 start ${mode}: ${started.stderr}`);
    }
  });

  afterAll(async () => {
    await tmux.kill();
    await hangup.kill();
    await home?.cleanup();
  });

  it(`stays under 200 MB, keeps its clock, opens ? at once and quits, over ${RUN_MS / 1000} s`, async () => {
    const { pid, exitFile } = await startMonitor(tmux, home, 'main');
    await waitFor(async () => {
      const screen = await tmux.capture();
      return ['flood', 'cjk', 'huge'].every((name) => screen.includes(name)) && /more cut/.test(screen);
    }, 'the three apps and a cut line on screen', 20_000, 200);

    const clocks = new Set<string>();
    let maxRss = 0;
    const until = Date.now() + RUN_MS;
    while (Date.now() < until) {
      maxRss = Math.max(maxRss, rssOf(pid));
      const clock = clockOf(await tmux.capture());
      if (clock) clocks.add(clock);
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`log input: max RSS ${(maxRss / 1024 / 1024).toFixed(0)} MB over ${RUN_MS / 1000} s, ${clocks.size} clock values`);
    expect(maxRss).toBeLessThan(RSS_LIMIT);
    // Sampled once a second for 30 s on a loaded machine: most seconds must show.
    expect(clocks.size).toBeGreaterThan(RUN_MS / 1000 / 2);

    const asked = Date.now();
    await tmux.keys('?');
    await waitFor(async () => /Keys/.test(await tmux.capture()) && /Everywhere else/.test(await tmux.capture()), 'the help', 5000, 50);
    const helpMs = Date.now() - asked;
    console.log(`log input: ? opened the help in ${helpMs} ms`);
    // The issue asks for 1 s; the margin is for a machine loaded by other tests (capture-pane polls add their own).
    expect(helpMs).toBeLessThan(2000);

    await tmux.keys('q'); // quits from the help, or closes it (then the next q quits)
    await new Promise((r) => setTimeout(r, 1000));
    if (!existsSync(exitFile)) await tmux.keys('q');
    const code = await waitFor(() => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : null), 'the exit code', 10_000, 100);
    expect(code).toBe('0');
  }, RUN_MS + 60_000);

  it('ends on SIGHUP mid-flood', async () => {
    const { pid, exitFile } = await startMonitor(hangup, home, 'hangup');
    await waitFor(async () => /more cut/.test(await hangup.capture()), 'the flood on screen', 20_000, 200);
    process.kill(pid, 'SIGHUP');
    const code = await waitFor(() => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : null), 'the exit code', 5000, 50);
    expect(code).toBe('129');
  });
});

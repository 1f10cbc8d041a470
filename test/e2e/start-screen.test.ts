// End to end: the start screen the built CLI draws before Ink loads (src/cli/start-screen.ts), in a real terminal
// (tmux): it is on the alternate screen with the cursor hidden, it draws the list's rows as soon as the bridge has
// them (src/cli/start-list.ts), Ink's first frame draws the same cells over them, and the shell gets its screen back
// on every way out before Ink: Ctrl-C's SIGINT, SIGTERM, an error, and after a monitor that found no daemon. The
// monitor's chunk is held (test/e2e/fixtures/hold-monitor-chunk.mjs) until the test has looked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const HOLD = join(root, 'test', 'e2e', 'fixtures', 'hold-monitor-chunk.mjs');
const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/start-screen.test.ts skipped: tmux is not installed (apt-get install tmux)');

describe.skipIf(tmuxMissing)('the start screen before Ink, in a terminal (tmux)', () => {
  let home: PrivatePm2Home;
  let dir: string;
  let tmux: TmuxSession | null = null;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-start-');
    // Two stopped apps: nothing in their rows moves (no pid, CPU or uptime), so the rows drawn before Ink and
    // Ink's own can be compared cell for cell. Stopped only past PM2's min_uptime (1 s): stopped sooner, PM2 counts
    // an unstable restart, and the restart-loop finding (which comes after the first list) would mark the rows later.
    for (const name of ['alpha', 'ベータ連携']) {
      const started = await home.pm2(['start', join(root, 'bench/apps/quiet.cjs'), '--name', name], { env: { BENCH_QUIET_MS: '1000' } });
      expect(started.code, started.stderr).toBe(0);
    }
    await waitFor(
      async () => {
        const apps = JSON.parse((await home.pm2(['jlist'])).stdout) as { pm2_env: { pm_uptime: number } }[];
        return apps.length === 2 && apps.every((app) => Date.now() - app.pm2_env.pm_uptime > 1500) ? true : null;
      },
      'both apps past min_uptime',
      15_000,
      200,
    );
    const stopped = await home.pm2(['stop', 'all']);
    expect(stopped.code, stopped.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'gakuco-e2e-start-gate-'));
  });

  afterEach(async () => {
    await tmux?.kill();
    tmux = null;
  });

  afterAll(async () => {
    await home?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The monitor held before its chunk loads, in a shell that printed a line before it and prints its exit code after. */
  async function startHeld(name: string, pm2Home: string): Promise<{ session: TmuxSession; gate: string }> {
    const gate = join(dir, name);
    const session = (tmux = new TmuxSession());
    await session.start({
      command: `printf 'shell-before\\n'; '${process.execPath}' --import '${HOLD}' '${CLI}' --lang en --pm2-home '${pm2Home}'; echo "exit=$?"; sleep 120`,
      cols: 100,
      rows: 30,
      // vitest sets CI (to 'false'); with any CI variable chalk would draw no colour, unless the CLI drops it first
      // (src/cli/ink-env.ts), as it does: Ink's styles then match the start screen's.
      env: { ...home.env, LANG: 'C.UTF-8', HOLD_MONITOR_GATE: gate, CI: 'false' },
      pass: ['PATH', 'HOME', 'LANG', 'HOLD_MONITOR_GATE', 'CI'],
    });
    // Row one (connecting), or already the list drawn under it once the bridge has it.
    await waitForScreen(session, (text) => text.includes(`Connecting to PM2 (${pm2Home})`) || text.includes('gakuco-monit (2)'), 'the start screen');
    return { session, gate };
  }

  /** The pane's rows with their colours and styles (capture-pane -e). */
  async function rawRows(session: TmuxSession): Promise<string[]> {
    return (await session.run(['capture-pane', '-e', '-p', '-t', session.name])).split('\n');
  }

  /** alternate_on and cursor_flag of the pane: 1 0 while the monitor (or its start screen) has the terminal. */
  async function paneModes(session: TmuxSession): Promise<string> {
    return (await session.run(['display-message', '-p', '-t', session.name, '#{alternate_on} #{cursor_flag}'])).trim();
  }

  /** The node process in the pane (the shell's child). */
  async function monitorPid(session: TmuxSession): Promise<number> {
    const shell = (await session.run(['display-message', '-p', '-t', session.name, '#{pane_pid}'])).trim();
    return Number(execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]);
  }

  async function expectShellBack(session: TmuxSession, exit: string): Promise<string> {
    const screen = await waitForScreen(session, (text) => text.includes(`exit=${exit}`), `exit=${exit}`);
    expect(await paneModes(session)).toBe('0 1');
    expect(screen).toContain('shell-before');
    expect(screen).not.toContain('gakuco-monit (');
    return screen;
  }

  it('draws the list under row one before Ink loads; Ink draws the same cells over it; q gives the shell back', async () => {
    const { session, gate } = await startHeld('open', home.home);
    // The monitor's chunk is still held: what is on screen is the start screen's alone.
    const held = await waitForScreen(session, (text) => text.includes('gakuco-monit (2)') && text.includes('ベータ連携'), 'the list on the start screen');
    const heldRows = held.split('\n');
    expect(heldRows[0]).toMatch(/^gakuco-monit \(2\) ● PM2 connected \(.*\) +\d\d:\d\d:\d\d$/);
    expect(heldRows[1]).toMatch(/^ +Name +Status/);
    expect(heldRows[2]).toMatch(/^▶ +alpha +○ stopped/);
    expect(heldRows[3]).toMatch(/^ +ベータ連携 +○ stopped/);
    expect(heldRows.slice(4).every((row) => row.trim() === '')).toBe(true);
    expect(held).not.toContain('shell-before');
    expect(await paneModes(session)).toBe('1 0');
    const heldRaw = await rawRows(session);
    // The selected row as Ink draws it: bold and inverse.
    // eslint-disable-next-line no-control-regex
    expect(heldRaw[2]).toMatch(/\u001B\[1;7malpha/);

    writeFileSync(gate, 'open');
    const shown = await waitForScreen(session, (text) => text.includes('Details: alpha'), 'the monitor with its panes');
    const rows = shown.split('\n');
    const withoutClock = (row: string) => row.replace(/\d\d:\d\d:\d\d$/, '');
    expect(withoutClock(rows[0]!)).toBe(withoutClock(heldRows[0]!));
    expect(rows.slice(1, 4)).toEqual(heldRows.slice(1, 4));
    expect((await rawRows(session)).slice(1, 4)).toEqual(heldRaw.slice(1, 4));
    expect(shown).not.toContain('Connecting');
    expect(shown).not.toContain('shell-before');
    expect(await paneModes(session)).toBe('1 0');

    await session.keys('q');
    await expectShellBack(session, '0');
  });

  it('Ctrl-C (SIGINT) before Ink loads: the terminal is given back and the monitor ends by the signal', async () => {
    const { session } = await startHeld('sigint', home.home);
    process.kill(await monitorPid(session), 'SIGINT');
    await expectShellBack(session, '130');
  });

  it('SIGTERM before Ink loads: the same', async () => {
    const { session } = await startHeld('sigterm', home.home);
    process.kill(await monitorPid(session), 'SIGTERM');
    await expectShellBack(session, '143');
  });

  it('an error before Ink loads: printed on the shell screen, not lost on the alternate one', async () => {
    const { session, gate } = await startHeld('fail', home.home);
    writeFileSync(gate, 'fail');
    const screen = await expectShellBack(session, '1');
    expect(screen).toContain('the monitor chunk could not be loaded');
  });

  it('no daemon in the home: the start screen, then the monitor says so; q gives the shell back', async () => {
    const empty = mkdtempSync(join(dir, 'no-daemon-'));
    const { session, gate } = await startHeld('no-daemon', empty);
    // No list to draw: row one alone, as Ink draws it (the name bold, the state yellow).
    const held = await session.capture();
    expect(held.split('\n')[0]).toMatch(/^gakuco-monit \(0\) ◌ Connecting to PM2 \(.*\) +\d\d:\d\d:\d\d$/);
    expect(held).not.toContain('shell-before');
    expect(await paneModes(session)).toBe('1 0');
    // eslint-disable-next-line no-control-regex
    expect((await rawRows(session))[0]).toMatch(/^\u001B\[1mgakuco-monit \(0\) \u001B\[0m.*\u001B\[33m.*◌ Connecting/);
    writeFileSync(gate, 'open');
    const screen = await waitForScreen(session, (text) => text.includes(`No PM2 daemon is running (${empty})`), 'the no-daemon header');
    expect(screen).not.toContain('Connecting');
    await waitFor(async () => ((await paneModes(session)) === '1 0' ? true : null), 'the monitor on the alternate screen', 5000, 50);
    await session.keys('q');
    await expectShellBack(session, '0');
    expect(existsSync(join(empty, 'pm2.pid'))).toBe(false);
  });
});

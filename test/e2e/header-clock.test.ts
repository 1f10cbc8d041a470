// The header clock of the built CLI in tmux, against a real PM2 daemon: it ticks on screen by itself (it is a screen
// layer of the cell-diff writer, not a React render) and shows the local time; at the narrowest size (60 cells, ja,
// read-only) it sits in the cells the header leaves for it, right of the cut status and the badge, drawing over
// nothing else; when the terminal is too small it goes with the header, and comes back in place.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/tui/format/cell-width.js';
import { formatClockTime } from '../../src/tui/format/clock-time.js';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const APP = join(root, 'test', 'fixtures', 'apps', 'logger.cjs');

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/header-clock.test.ts skipped: tmux is not installed');

const header = (screen: string) => screen.split('\n')[0] ?? '';
/** The clock at the right end of the header row. */
const clockOf = (screen: string) => /(\d\d:\d\d:\d\d)$/.exec(header(screen))?.[1] ?? null;
const seconds = (clock: string) => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

describe.skipIf(tmuxMissing)('the header clock, in tmux', () => {
  let home: PrivatePm2Home;
  const sessions: TmuxSession[] = [];
  const monitor = async (cols: number, rows: number, flags: string): Promise<TmuxSession> => {
    const tmux = new TmuxSession();
    sessions.push(tmux);
    await tmux.start({
      command: `exec "${process.execPath}" "${CLI}" ${flags}`,
      cols,
      rows,
      env: { ...home.env, LANG: 'C.UTF-8' },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'LANG', 'TZ'],
    });
    return tmux;
  };

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-clock-');
    const started = await home.pm2(['start', APP, '--name', 'ticker'], { env: { LOG_EVERY_MS: '500' } });
    if (started.code !== 0) throw new Error(`pm2 start: ${started.stderr}`);
  });

  afterAll(async () => {
    for (const tmux of sessions) await tmux.kill();
    await home?.cleanup();
  });

  it('ticks on screen by itself and shows the local time', async () => {
    const tmux = await monitor(120, 40, '--lang en');
    const first = clockOf(await waitForScreen(tmux, (screen) => clockOf(screen) !== null && screen.includes('ticker'), 'the header clock and the list', 30_000))!;
    const off = Math.abs(seconds(first) - seconds(formatClockTime(Date.now())));
    expect(Math.min(off, 86_400 - off)).toBeLessThanOrEqual(5);
    const shown = new Set([first]);
    await waitForScreen(tmux, (screen) => (shown.add(clockOf(screen) ?? first), shown.size >= 3), 'the clock showing three different times', 15_000);
    expect(header(await tmux.capture())).toMatch(/^gakuco-monit \(1\) ● .* \d\d:\d\d:\d\d$/);
  });

  it('at 60 cells (ja, read-only) draws only its own cells, right of the cut status and the badge, and goes with the header', async () => {
    const tmux = await monitor(60, 24, '--lang ja --read-only');
    const row = header(await waitForScreen(tmux, (screen) => clockOf(screen) !== null && screen.includes('ticker'), 'the header at 60 cells', 30_000));
    expect(row).toMatch(/^gakuco-monit \(1\) ● PM2 接続中 .*… +\[読み取り専用\] \d\d:\d\d:\d\d$/);
    expect(cellWidth(row)).toBe(60);
    // A tick changes the clock's cells and nothing left of them.
    const next = header(await waitForScreen(tmux, (screen) => clockOf(screen) !== null && clockOf(screen) !== clockOf(row), 'the next tick', 15_000));
    expect(next.slice(0, -8)).toBe(row.slice(0, -8));
    // Too small: the "too small" message, and no clock drawn over it (for longer than a tick).
    await tmux.run(['resize-window', '-t', tmux.name, '-x', '50', '-y', '24']);
    const small = await waitForScreen(tmux, (screen) => !screen.includes('ticker') && screen.trim() !== '', 'the too-small message', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await tmux.capture()).not.toMatch(/\d\d:\d\d:\d\d/);
    expect(small).not.toMatch(/\d\d:\d\d:\d\d/);
    await tmux.run(['resize-window', '-t', tmux.name, '-x', '60', '-y', '24']);
    const back = header(await waitForScreen(tmux, (screen) => clockOf(screen) !== null && screen.includes('ticker'), 'the header back at 60 cells', 15_000));
    expect(back.slice(0, -8)).toBe(row.slice(0, -8));
    expect(cellWidth(back)).toBe(60);
  });
});

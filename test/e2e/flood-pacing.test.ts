// A flood of 1000 lines/s on a real PM2 daemon, the flooding app selected, the built CLI in tmux: the log pane holds
// a page, shows the skip row (ja, the default language) and a newest line that keeps moving; once the flood stops it
// gives back the contiguous tail. Scrolled back (not following) it is not paced.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const FLOOD = join(root, 'bench', 'apps', 'flood.cjs');

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/flood-pacing.test.ts skipped: tmux is not installed');

/** The flood lines on screen (`#0001234 @<ms> ...`), top first, with the screen row each is on. */
function floodRows(screen: string): { row: number; seq: number }[] {
  return screen.split('\n').flatMap((text, row) => {
    const seq = /#(\d{7}) @\d{13}/.exec(text)?.[1];
    return seq === undefined ? [] : [{ row, seq: Number(seq) }];
  });
}

const SKIP_ROW = /… ([\d,]+) 行省略 \(([\d,]+) 行\/秒\) …/;

/** The skip row's screen row, what it says, and the newest line under it; null when the pane is not paced. */
function paced(screen: string): { skipped: number; rate: number; newest: number; page: number[] } | null {
  const lines = screen.split('\n');
  const at = lines.findIndex((text) => SKIP_ROW.test(text));
  if (at === -1) return null;
  const [, skipped, rate] = SKIP_ROW.exec(lines[at]!)!;
  const rows = floodRows(screen);
  const newest = rows.find((r) => r.row === at + 1);
  if (newest === undefined) return null;
  return { skipped: Number(skipped!.replaceAll(',', '')), rate: Number(rate!.replaceAll(',', '')), newest: newest.seq, page: rows.filter((r) => r.row < at).map((r) => r.seq) };
}

describe.skipIf(tmuxMissing)('a flood in the log pane, in tmux', () => {
  let home: PrivatePm2Home;
  let pauseFile: string;
  const tmux = new TmuxSession();

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-flood-');
    pauseFile = join(home.home, 'flood.pause');
    const started = await home.pm2(['start', FLOOD, '--name', 'flood'], { env: { BENCH_FLOOD_RATE: '1000', BENCH_FLOOD_PAUSE: pauseFile } });
    if (started.code !== 0) throw new Error(`pm2 start flood: ${started.stderr}`);
    await tmux.start({
      command: `exec "${process.execPath}" "${CLI}" --lang ja`,
      cols: 120,
      rows: 40,
      env: { ...home.env, LANG: 'C.UTF-8' },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'LANG'],
    });
  });

  afterAll(async () => {
    await tmux.kill();
    await home?.cleanup();
  });

  it('holds a page with the skip row and a moving newest line, and gives the contiguous tail back when the flood stops', async () => {
    const first = paced(await waitForScreen(tmux, (screen) => paced(screen) !== null, 'the paced pane: the skip row and the newest line under it', 30_000));
    expect(first!.page.length).toBeGreaterThan(10);
    // The page is contiguous (a tail of one moment); the newest line is past it.
    expect(first!.page.every((seq, i) => i === 0 || seq === first!.page[i - 1]! + 1)).toBe(true);
    expect(first!.newest).toBeGreaterThan(first!.page.at(-1)!);
    expect(first!.rate).toBeGreaterThan(200);
    // The newest line moves while the pane stays paced (checked on later screens, however loaded the machine).
    const later = paced(await waitForScreen(tmux, (screen) => (paced(screen)?.newest ?? 0) > first!.newest + 100, 'the newest line moving on', 15_000));
    expect(later!.newest).toBeGreaterThan(first!.newest);

    writeFileSync(pauseFile, '');
    const tail = await waitForScreen(
      tmux,
      (screen) => {
        const rows = floodRows(screen).map((r) => r.seq);
        return !SKIP_ROW.test(screen) && rows.length > 10 && rows.every((seq, i) => i === 0 || seq === rows[i - 1]! + 1);
      },
      'the contiguous tail after the flood stopped',
      15_000,
    );
    expect(floodRows(tail).at(-1)!.seq).toBeGreaterThanOrEqual(later!.newest);
  }, 90_000);

  it('is not paced while scrolled back: the pane shows the lines asked for, contiguous', async () => {
    rmSync(pauseFile, { force: true });
    await waitForScreen(tmux, (screen) => paced(screen) !== null, 'the flood paced again', 30_000);
    await tmux.keys('PPage'); // PgUp scrolls the log pane back wherever the focus is
    const back = await waitForScreen(
      tmux,
      (screen) => {
        const rows = floodRows(screen).map((r) => r.seq);
        return /一時停止/.test(screen) && !SKIP_ROW.test(screen) && rows.length > 10 && rows.every((seq, i) => i === 0 || seq === rows[i - 1]! + 1);
      },
      'a contiguous page scrolled back',
      15_000,
    );
    expect(floodRows(back).length).toBeGreaterThan(10);
  }, 60_000);
});

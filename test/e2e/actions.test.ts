// The built CLI at 80x24 in tmux against a real PM2 daemon, driven as a person would: keys that arrive in one write
// ('/chatty' Enter 'r'; Esc and a key), Esc after a confirmed filter, a finding's fix read whole by scrolling the detail pane, and a
// delete confirmed for an app whose daemon was replaced while the question was open (it must touch no other app).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const QUIET = join(root, 'bench/apps/quiet.cjs');
const HTTP_APP = join(root, 'test/fixtures/apps/http-server.cjs');
const tmuxMissing = !hasTmux();

interface JlistEntry {
  name: string;
  pm_id: number;
  pm2_env: { status: string; restart_time: number };
}

/** The rows between the detail pane's title and the log pane's title. */
function detailRows(screen: string): string[] {
  const lines = screen.split('\n');
  const top = lines.findIndex((line) => line.includes('Details: '));
  const bottom = lines.findIndex((line, i) => i > top && line.includes('Logs: '));
  return top === -1 || bottom === -1 ? [] : lines.slice(top + 1, bottom);
}

describe.skipIf(tmuxMissing)('keys and confirmed actions at 80x24 (tmux, real PM2 daemon)', () => {
  let home: PrivatePm2Home;
  const tmux = new TmuxSession();
  let holder: Server;
  let port: number;

  const jlist = async (): Promise<JlistEntry[]> => JSON.parse((await home.pm2(['jlist'])).stdout) as JlistEntry[];
  const start = async (script: string, name: string, env: NodeJS.ProcessEnv = {}) => {
    const started = await home.pm2(['start', script, '--name', name], { env: { BENCH_QUIET_MS: '1000', ...env }, cwd: root });
    expect(started.code, started.stderr).toBe(0);
  };

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-actions-');
    // Another process holds the port `clash` wants: a port-conflict finding whose fix is long.
    port = await freePort();
    holder = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    await start(QUIET, 'doomed-1');
    await start(QUIET, 'chatty');
    await start(HTTP_APP, 'clash', { PORT: String(port) });
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en`,
      cols: 80,
      rows: 24,
      // As `npx`/`npm start` leave it: node_modules/.bin first (pm2 is there), yet no pm2 in the operator's shell.
      env: { ...home.env, PATH: `${join(root, 'node_modules', '.bin')}:/usr/bin:/bin` },
      pass: ['PM2_HOME', 'PATH', 'HOME'],
    });
    await waitForScreen(tmux, (s) => s.includes('doomed-1') && s.includes('chatty') && s.includes('clash'), 'the three apps');
  }, 60_000);

  afterAll(async () => {
    await tmux.kill();
    await home?.cleanup();
    await new Promise((resolve) => holder?.close(resolve));
  }, 60_000);

  it("'/chatty' Enter 'r' in one write applies the filter and asks to restart chatty; Esc then clears the filter", async () => {
    await tmux.keys('-l', '/chatty\rr');
    const asked = await waitForScreen(tmux, (s) => s.includes('(y/N)'), 'the restart question');
    expect(asked).toContain('Restart chatty? (y/N)');
    expect(asked).toContain('gakuco-monit (1/3)');
    await tmux.keys('n');
    await waitForScreen(tmux, (s) => s.includes('Cancelled: restart chatty'), 'the question cancelled');
    await tmux.keys('Escape');
    const cleared = await waitForScreen(tmux, (s) => s.includes('gakuco-monit (3)') && s.includes('doomed-1'), 'all three apps again');
    expect(cleared).not.toContain('[Filter:');
    expect((await jlist()).find((app) => app.name === 'chatty')?.pm2_env.restart_time).toBe(0);
  });

  it('Esc and the key after it in one write are both keys: Esc j clears the filter, then moves down', async () => {
    await tmux.keys('-l', '/chatty\r');
    await waitForScreen(tmux, (s) => s.includes('gakuco-monit (1/3)') && s.includes('Details: chatty'), 'chatty alone');
    // Ink reads ESC + j as Alt+j, a key the monitor does not have: once, the filter stayed and nothing moved.
    await tmux.keys('-l', '\u001bj');
    const moved = await waitForScreen(tmux, (s) => s.includes('gakuco-monit (3)') && s.includes('Details: clash'), 'all three, clash selected');
    expect(moved).not.toContain('[Filter:');
    await tmux.keys('-l', '/chatty\r');
    await waitForScreen(tmux, (s) => s.includes('gakuco-monit (1/3)'), 'chatty alone again');
    // ESC + "?" reaches useInput as a bare "?": the help opened over the filtered list.
    await tmux.keys('-l', '\u001b?');
    const help = await waitForScreen(tmux, (s) => s.includes('Close the help'), 'the help');
    await tmux.keys('Escape');
    const after = await waitForScreen(tmux, (s) => !s.includes('Close the help'), 'the help closed');
    expect(after).toContain('gakuco-monit (3)');
    expect(help).not.toContain('(1/3)');
  });

  it('reads the port-conflict fix whole by scrolling the detail pane (Tab Tab, then j)', { timeout: 60_000 }, async () => {
    await tmux.keys('Escape');
    await tmux.keys('-l', '/clash\r');
    // Its fix names a restart once PM2 gave up on it (errored); while PM2 still restarts it, the fix is to read its log.
    const errored = (s: string) => /clash\s.*errored/.test(s) && s.includes('held by another process');
    await waitForScreen(tmux, (s) => s.includes('Details: clash') && errored(s), 'the port-conflict finding, clash errored', 30_000);
    await tmux.keys('Tab', 'Tab');
    await waitForScreen(tmux, (s) => s.includes('▶ Details: clash'), 'the detail pane focused');
    const seen: string[] = [];
    for (let i = 0; i < 14; i++) {
      for (const row of detailRows(await tmux.capture())) if (!seen.includes(row)) seen.push(row);
      await tmux.keys('j');
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    for (const row of seen) expect(row).not.toContain('…');
    const text = seen.map((row) => row.trim()).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('npx pm2 restart clash');
    expect(text).toContain(`cd ${root.replace(/\/$/, '')} && npx pm2 delete clash && npx pm2 start ecosystem.config.js --only clash`);
    await tmux.keys('Tab', 'Escape');
    await waitForScreen(tmux, (s) => s.includes('gakuco-monit (3)'), 'the filter cleared');
  });

  it('a delete confirmed before the daemon was replaced touches no other app', { timeout: 60_000 }, async () => {
    await tmux.keys('Escape');
    await tmux.keys('-l', '/doomed\r');
    await waitForScreen(tmux, (s) => s.includes('Details: doomed-1'), 'doomed-1 selected');
    await tmux.keys('Escape');
    await waitForScreen(tmux, (s) => s.includes('gakuco-monit (3)'), 'all three again');
    await tmux.keys('d');
    await waitForScreen(tmux, (s) => s.includes('Delete doomed-1? (y/N)'), 'the delete question');
    const oldPid = home.daemonPid();
    expect((await home.pm2(['kill'])).code).toBe(0);
    // A new daemon where another app takes pm_id 0, the id doomed-1 had.
    await start(QUIET, 'innocent-1');
    await start(QUIET, 'bystander');
    const list = await jlist();
    expect(list.find((app) => app.name === 'innocent-1')?.pm_id).toBe(0);
    expect(home.daemonPid()).not.toBe(oldPid);
    await waitForScreen(tmux, (s) => s.includes('innocent-1') && s.includes('Delete doomed-1? (y/N)'), 'the new daemon seen, the question still open');
    await tmux.keys('y');
    const said = await waitForScreen(tmux, (s) => s.includes('Could not delete doomed-1'), 'the refusal on the status line');
    expect(said).toContain('replaced');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await jlist();
    expect(after.map((app) => [app.name, app.pm2_env.status]).sort()).toEqual([['bystander', 'online'], ['innocent-1', 'online']]);
  });
});

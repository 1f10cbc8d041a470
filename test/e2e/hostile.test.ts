// Hostile apps against the built CLI (dist/cli.js) and a real PM2 daemon in a private home: names, env values,
// args, cwd, metrics (tx2) and log lines carry escape sequences (OSC 0 title, OSC 52 clipboard, alternate screen,
// screen wipe, C1 controls, a newline in a name), and the apps hold secrets (GITHUB_PAT, SLACK_WEBHOOK_URL,
// STRIPE_SK, DB_PASS) that they print all the time, from their first moment; a foreign process started with
// `--password=…` holds the port of one app. In tmux (clipboard writes allowed, so one would show as a paste
// buffer) the pane title stays, no buffer appears, no app switches screens, the frame stays whole, q exits 0; --once,
// doctor (text) write no control byte; --json keeps the exact names; no secret value shows anywhere.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/pm2-bridge/index.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { freePort } from '../helpers/free-port.js';
import { TmuxSession, hasTmux } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const FIXTURES = join(root, 'test', 'fixtures', 'apps');
const ESC = '\u001b';
const BEL = '\u0007';
const EVIL_NAME = `evil${ESC}]0;PWNED${BEL}`;
const SPLIT_NAME = 'two\nlines';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const SECRETS = {
  GITHUB_PAT: `ghp_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`,
  SLACK_WEBHOOK_URL: `https://hooks.slack.com/services/T${hex(4)}/B${hex(4)}/${hex(12)}`,
  STRIPE_SK: `sk_live_${hex(12)}`,
  // Looks like nothing: only knowing it is DB_PASS's value can mask it.
  DB_PASS: `pw-${hex(8)}`,
};
const OWNER_PASSWORD = `owner-${hex(8)}`;
const SECRET_VALUES = [...Object.values(SECRETS), OWNER_PASSWORD];
// Bytes that make a terminal act: C0 other than newline, DEL, C1 (as characters), and ESC above all.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('test/e2e/hostile.test.ts: the tmux part is skipped: tmux is not installed');

let home: PrivatePm2Home;
let work: string;
let owner: ChildProcess;

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...home.env, LANG: 'C.UTF-8' }, timeout: 30_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout) });
    });
  });
}

function expectNoSecret(text: string, where: string): void {
  for (const value of SECRET_VALUES) expect(text.includes(value), `${where} shows a secret value`).toBe(false);
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  home = createPrivatePm2Home('gakuco-hostile-');
  // Inside the project (tx2 resolves from its node_modules); a directory whose name is an escape sequence.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(join(cache, 'gakuco-hostile-'));
  const evilDir = join(work, `dir${ESC}]0;PWNED-CWD${BEL}`);
  mkdirSync(evilDir);
  copyFileSync(join(FIXTURES, 'hostile.cjs'), join(evilDir, 'hostile.cjs'));

  const start = async (args: string[], env: NodeJS.ProcessEnv) => {
    const result = await home.pm2(['start', ...args], { env, cwd: evilDir });
    if (result.code !== 0) throw new Error(`pm2 start failed: ${result.stderr}`);
  };
  await start([join(evilDir, 'hostile.cjs'), '--name', EVIL_NAME, '--', `--flag=${ESC}]0;PWNED-ARG${BEL}`], {
    ...SECRETS,
    NODE_ENV: `prod${ESC}]52;c;ZW52LXZhbHVl${BEL}`,
  });
  await start([join(FIXTURES, 'crasher.cjs'), '--name', SPLIT_NAME, '--restart-delay', '2000'], {});
  const ownerPort = await freePort();
  owner = spawn(process.execPath, ['-e', `require('net').createServer().listen(${ownerPort}, '127.0.0.1')`, '--', `--password=${OWNER_PASSWORD}`], {
    stdio: 'ignore',
  });
  await start([join(FIXTURES, 'http-server.cjs'), '--name', 'squatted', '--restart-delay', '1000'], { PORT: String(ownerPort) });
  await new Promise((r) => setTimeout(r, 500)); // log history with secrets in it, before any monitor looks
});

afterAll(async () => {
  owner?.kill();
  await home?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('hostile apps: the bridge', () => {
  it('never holds a secret value, also in lines that arrive before the first process list (5 fresh starts)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const bridge = createBridge({ pm2Home: home.home, notifyIntervalMs: 20, refreshIntervalMs: 500 });
      const seen: string[] = [];
      const record = () => {
        const snapshot = bridge.getSnapshot();
        for (const lines of snapshot.logs.values()) for (const line of lines) seen.push(line.text);
        seen.push(JSON.stringify(snapshot.services));
      };
      const unsubscribe = bridge.subscribe(record);
      const evil = await waitFor(() => bridge.getSnapshot().services.find((s) => s.name.startsWith('evil')), 'the hostile app listed');
      bridge.showLogs(evil.pmId);
      await waitFor(() => (bridge.getSnapshot().logs.get(evil.pmId)?.length ?? 0) > 10, 'its log lines');
      if (round === 0) {
        // The snapshot's name is the safe form; an action on it still reaches that very app.
        expect(evil.name).toBe('evil⎋]0;PWNED␇');
        expect(await bridge.run('restart', { pmId: evil.pmId, name: evil.name, daemonPid: null })).toEqual({ ok: true });
      }
      unsubscribe();
      record();
      await bridge.close();
      const all = seen.join('\n');
      expectNoSecret(all, `bridge round ${round}`);
      expect(all).toContain('••••(DB_PASS)');
    }
  });
});

describe('hostile apps: --once, --json, doctor', () => {
  it('--once writes no control byte, shows each hostile text visibly, keeps one row per app, hides secrets', async () => {
    const { stdout } = await run(['--once', '--lang', 'en']);
    expect(stdout).not.toMatch(ACTIVE);
    expect(stdout).toContain('evil⎋]0;PWNED␇');
    expect(stdout.split('\n').some((line) => line.includes('two⏎lines'))).toBe(true);
    expect(stdout).toContain(`--password=••••`);
    expectNoSecret(stdout, '--once');
  });

  it('--json keeps the exact names (escaped by JSON) and hides secrets', async () => {
    const { stdout } = await run(['--json']);
    const names = (JSON.parse(stdout) as { services: { name: string }[] }).services.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([EVIL_NAME, SPLIT_NAME, 'squatted']));
    expect(stdout).not.toContain(ESC); // JSON writes it as \u001b
    expectNoSecret(stdout, '--json');
  });

  it('doctor (text) writes no control byte and hides secrets; doctor --json hides them too', async () => {
    const text = await run(['doctor', '--lang', 'en']);
    expect(text.stdout).not.toMatch(ACTIVE);
    expect(text.stdout).toContain('⎋');
    expectNoSecret(text.stdout, 'doctor');
    const json = await run(['doctor', '--json']);
    JSON.parse(json.stdout);
    expectNoSecret(json.stdout, 'doctor --json');
  });
});

describe.skipIf(tmuxMissing)('hostile apps: the monitor in tmux', () => {
  const tmux = new TmuxSession();
  let exitFile: string;
  let titleBefore: string;

  beforeAll(async () => {
    exitFile = join(work, 'monitor-exit-code');
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en; echo $? > '${exitFile}'`,
      cols: 120,
      rows: 40,
      env: { ...home.env, LANG: 'C.UTF-8' },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'LANG'],
    });
    // Let applications write the clipboard (OSC 52 -> a tmux paste buffer) and set the title: if one gets through,
    // it shows.
    await tmux.run(['set-option', '-g', 'set-clipboard', 'on']);
    await tmux.run(['set-option', '-g', 'allow-rename', 'on']);
    titleBefore = (await tmux.run(['display-message', '-p', '-t', tmux.name, '#{pane_title}'])).trim();
  });

  afterAll(async () => {
    await tmux.kill();
  });

  it('shows every app and its logs with each control visible, title, clipboard, screen and frame untouched', async () => {
    const screens: string[] = [];
    const first = await waitFor(async () => {
      const screen = await tmux.capture();
      // The names come on the start screen first (src/cli/start-list.ts); the hint bar says Ink's frame is up.
      const inkUp = screen.split('\n').some((row) => /\bq\b/.test(row) && /Quit/.test(row));
      return inkUp && screen.includes('evil⎋]') && screen.includes('squatted') && screen.includes('two⏎lines') ? screen : null;
    }, 'the three apps on screen', 20_000, 200);
    screens.push(first);
    // Visit every row: each shows its details and its log (history read from the files, then live lines).
    for (let i = 0; i < 3; i += 1) {
      await new Promise((r) => setTimeout(r, 1500));
      screens.push(await tmux.capture());
      await tmux.keys('Down');
    }
    for (let i = 0; i < 3; i += 1) await tmux.keys('Up');
    let last = '';
    const evilScreen = await waitFor(async () => {
      last = await tmux.capture();
      return last.includes('⎋]0;PWNED-LOG␇') ? last : null;
    }, 'the hostile log lines, escapes shown visibly', 10_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}\nlast screen:\n${last}`);
    });
    screens.push(evilScreen);

    const all = screens.join('\n');
    expectNoSecret(all, 'the monitor');
    expect(all).toContain('••••');
    for (const screen of screens) {
      const rows = screen.split('\n');
      expect(rows[0]).toMatch(/^gakuco-monit/);
      expect(rows.some((row) => /\bq\b/.test(row) && /Quit/.test(row))).toBe(true);
    }
    expect((await tmux.run(['display-message', '-p', '-t', tmux.name, '#{pane_title}'])).trim()).toBe(titleBefore);
    // The monitor draws on the alternate screen itself; an app's ?1049h / ?1049l must change nothing.
    expect((await tmux.run(['display-message', '-p', '-t', tmux.name, '#{alternate_on}'])).trim()).toBe('1');
    expect((await tmux.run(['list-buffers'])).trim()).toBe('');
  });

  it('q exits with code 0', async () => {
    await tmux.keys('q');
    const code = await waitFor(() => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : null), 'the exit code', 10_000, 100);
    expect(code).toBe('0');
    expect((await tmux.run(['display-message', '-p', '-t', tmux.name, '#{alternate_on}'])).trim()).toBe('0');
    expect((await tmux.run(['display-message', '-p', '-t', tmux.name, '#{pane_title}'])).trim()).toBe(titleBefore);
    expect((await tmux.run(['list-buffers'])).trim()).toBe('');
  });
});

// Several hosts in one monitor, for real: two OpenSSH servers on 127.0.0.1 (test/helpers/sshd.ts), each a "host"
// whose sessions get their own PM2_HOME with its own daemon; the built monitor (dist/cli.js) in tmux reaches them
// with ssh and a hosts file (a temp ssh config and known_hosts: never ~/.ssh), and on the other side the same
// dist/cli.js runs `--json --watch` and `action …`. No mocks: real sshd, real ssh, real PM2.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSshHostSource, type HostSource } from '../../src/remote/ssh-host-source.js';
import type { HostSpec } from '../../src/remote/host-spec.js';
import { hasTmux, TmuxSession } from '../e2e/tmux.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createSshLab, sshdMissing, type SshLab, type TestHost } from '../helpers/sshd.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const QUIET = join(root, 'bench', 'apps', 'quiet.cjs');
const missing = sshdMissing() ?? (hasTmux() ? null : 'tmux is not installed');
if (missing !== null) console.warn(`test/remote/multi-host.test.ts skipped: ${missing}`);

interface JlistEntry {
  name: string;
  pm2_env: { restart_time: number };
}

async function restartsOf(home: PrivatePm2Home, name: string): Promise<number | undefined> {
  const list = JSON.parse((await home.pm2(['jlist'])).stdout) as JlistEntry[];
  return list.find((app) => app.name === name)?.pm2_env.restart_time;
}

/** The cell under `header` in the row that shows both `host` and `name`; null when there is no such row. */
function cellOnScreen(screen: string, host: string, name: string, header: string): string | null {
  const lines = screen.split('\n');
  const head = lines.find((line) => line.includes('Host') && line.includes(header));
  const row = lines.find((line) => line !== head && new RegExp(`\\s${host}\\s+${name}\\s`).test(line));
  if (head === undefined || row === undefined) return null;
  const start = head.indexOf(header);
  return row.slice(start, start + header.length).trim();
}

/** The detail pane's text (left of the log pane), its wrapped lines joined. */
function detailText(screen: string): string {
  const lines = screen.split('\n');
  const top = lines.findIndex((line) => line.includes('── Details:'));
  if (top < 0) return '';
  const width = lines[top]!.indexOf('── Logs:');
  return lines
    .slice(top + 1)
    .map((line) => (width > 0 ? line.slice(0, width) : line).trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe.skipIf(missing !== null)('several hosts in one monitor, over real ssh', () => {
  let lab: SshLab;
  let homeA: PrivatePm2Home;
  let homeB: PrivatePm2Home;
  let hostA: TestHost;
  let hostB: TestHost;
  let hostsFile: string;
  const tmux = new TmuxSession();
  let exitFile: string;
  let last = '';

  const screenUntil = <T,>(check: (screen: string) => T | null, what: string, timeoutMs: number): Promise<T> =>
    waitFor(async () => check((last = await tmux.capture())), what, timeoutMs, 150).catch((error: Error) => {
      throw new Error(`${error.message}\nlast screen:\n${last}`);
    });

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    homeA = createPrivatePm2Home('gakuco-host-a-');
    homeB = createPrivatePm2Home('gakuco-host-b-');
    for (const [home, apps] of [[homeA, ['alpha', 'web']], [homeB, ['beta', 'web']]] as const) {
      for (const name of apps) {
        const started = await home.pm2(['start', QUIET, '--name', name], { env: { BENCH_QUIET_MS: '300' } });
        expect(started.code, started.stderr).toBe(0);
      }
    }
    lab = createSshLab();
    hostA = await lab.addHost('host-a', homeA.home);
    hostB = await lab.addHost('host-b', homeB.home);
    hostsFile = join(lab.dir, 'hosts.json');
    writeFileSync(
      hostsFile,
      JSON.stringify({
        command: `'${process.execPath}' '${CLI}'`,
        sshArgs: ['-F', lab.config],
        hosts: { 'host-a': 'host-a', 'host-b': { ssh: 'host-b' } },
        contexts: { lab: ['host-a', 'host-b'] },
      }),
    );
    exitFile = join(lab.dir, 'monitor-exit-code');
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en --hosts '${hostsFile}' --context lab; echo $? > '${exitFile}'`,
      cols: 140,
      rows: 40,
      env: { ...process.env, LANG: 'C.UTF-8' },
      pass: ['PATH', 'HOME', 'LANG'],
    });
  }, 90_000);

  afterAll(async () => {
    await tmux.kill();
    lab?.cleanup();
    await homeA?.cleanup();
    await homeB?.cleanup();
  });

  it('shows both hosts in one table with a host column', async () => {
    const screen = await screenUntil(
      (text) =>
        [['host-a', 'alpha'], ['host-a', 'web'], ['host-b', 'beta'], ['host-b', 'web']].every(([h, n]) => cellOnScreen(text, h!, n!, 'Restarts') === '0') &&
        text.includes('2/2 hosts connected')
          ? text
          : null,
      'four rows (two per host) and both hosts connected',
      30_000,
    );
    expect(screen).toMatch(/Host\s+Name\s+Status/);
  }, 40_000);

  it('an action on host B changes only host B', async () => {
    // Rows: host-a alpha, host-a web, host-b beta, host-b web (hosts in order, each in pm_id order).
    await tmux.keys('Down', 'Down', 'Down');
    await screenUntil((text) => (text.split('\n').some((line) => /^[>▶❯]/.test(line.trimStart()) && /host-b\s+web/.test(line)) ? text : null), 'host-b web selected', 10_000);
    // Host B's own setup findings (read there: its PM2 home was never saved) are in the detail pane, not host A's.
    const findings = await screenUntil((text) => (detailText(text).includes('after a reboot beta, web will not come back') ? detailText(text) : null), "host B's dump-missing finding", 15_000);
    expect(findings).not.toContain('alpha, web');
    await tmux.keys('r');
    await screenUntil((text) => (/\(y\/N\)/i.test(text) ? text : null), 'the confirmation question', 10_000);
    await tmux.keys('y');
    await waitFor(async () => (await restartsOf(homeB, 'web')) === 1, "host B's web restarted (pm2 jlist there)", 30_000, 250);
    await screenUntil((text) => (cellOnScreen(text, 'host-b', 'web', 'Restarts') === '1' ? text : null), "host B's web shows 1 restart", 15_000);
    expect(await restartsOf(homeA, 'web')).toBe(0);
    expect(cellOnScreen(last, 'host-a', 'web', 'Restarts')).toBe('0');
  }, 60_000);

  it("shows host B lost when its sshd dies, while host A keeps updating, and host B comes back by itself", async () => {
    hostB.kill();
    await screenUntil((text) => (text.includes('host-b: connection lost') && text.includes('1/2 hosts connected') ? text : null), 'host B shown lost', 30_000);
    // Host A is not held up: a change there still reaches the screen.
    expect((await homeA.pm2(['restart', 'alpha'])).code).toBe(0);
    await screenUntil((text) => (cellOnScreen(text, 'host-a', 'alpha', 'Restarts') === '1' && text.includes('host-b: connection lost') ? text : null), "host A's restart shown while B is lost", 20_000);
    await hostB.start();
    await screenUntil((text) => (text.includes('2/2 hosts connected') && !text.includes('connection lost') ? text : null), 'host B back', 45_000);
    await screenUntil((text) => (cellOnScreen(text, 'host-b', 'web', 'Restarts') === '1' ? text : null), "host B's rows fresh again", 15_000);
  }, 120_000);

  it('q exits with code 0', async () => {
    await tmux.keys('q');
    const code = await waitFor(() => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : null), 'the exit code file', 10_000, 100);
    expect(code).toBe('0');
  });

  describe('--once and --json over the hosts', () => {
    const run = (...extra: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI, '--lang', 'en', '--hosts', hostsFile, ...extra], { env: { ...process.env, LANG: 'C.UTF-8' }, timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
        );
      });

    it('--once: one table with a host column, a failing host reported without hiding the others, exit 1', async () => {
      lab.addWrongKeyAlias('host-forged-once', hostA);
      const out = await run('--context', 'lab', '--host', 'host-forged-once', '--once');
      expect(out.stderr).toBe('');
      expect(out.code).toBe(1);
      expect(out.stdout).toContain('2/3 hosts connected');
      expect(out.stdout).toMatch(/host-forged-once: host key refused/);
      expect(out.stdout).not.toContain('retrying');
      expect(out.stdout).toMatch(/Host\s+Name\s+Status/);
      for (const [host, name] of [['host-a', 'alpha'], ['host-a', 'web'], ['host-b', 'beta'], ['host-b', 'web']]) {
        expect(out.stdout).toMatch(new RegExp(`\\s${host}\\s+${name}\\s+\\S+ online`));
      }
      // Each host's setup findings, read there, name their host.
      expect(out.stdout).toContain('! host-a: pm2-logrotate is not installed');
      expect(out.stdout).toContain('! host-b: pm2-logrotate is not installed');
    }, 70_000);

    it('--json: one document with each host, exit 0 when every host answered', async () => {
      const out = await run('--context', 'lab', '--json');
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      const doc = JSON.parse(out.stdout) as {
        hosts: { host: string; answered: boolean; link: { kind: string }; connection: { kind: string }; services: { name: string; status: string; host?: string }[]; diagnostics: { code: string; params: Record<string, unknown> }[] }[];
      };
      expect(doc.hosts.map((h) => [h.host, h.answered, h.link.kind, h.connection.kind])).toEqual([
        ['host-a', true, 'connected', 'connected'],
        ['host-b', true, 'connected', 'connected'],
      ]);
      expect(doc.hosts.map((h) => h.services.map((s) => s.name).sort())).toEqual([['alpha', 'web'], ['beta', 'web']]);
      for (const host of doc.hosts) expect(host.diagnostics.map((d) => d.code)).toContain('logrotate-missing');
    }, 70_000);

    it('--json: a host whose sshd is down is reported as such, the other host in full, exit 1', async () => {
      const down = await lab.addHost('host-down', homeA.home);
      down.kill();
      const out = await run('--host', 'host-b', '--host', 'host-down', '--json');
      expect(out.code).toBe(1);
      const doc = JSON.parse(out.stdout) as { hosts: { host: string; answered: boolean; link: { kind: string; detail?: string }; services: unknown[] }[] };
      expect(doc.hosts.map((h) => [h.host, h.answered, h.link.kind])).toEqual([['host-b', true, 'connected'], ['host-down', false, 'lost']]);
      expect(doc.hosts[0]!.services).toHaveLength(2);
      expect(doc.hosts[1]!.link.detail).toMatch(/refused|closed|port/i);
    }, 70_000);

    it('--watch stays one host: with --host it is a usage error', async () => {
      const out = await run('--host', 'host-a', '--json', '--watch');
      expect(out.code).toBe(64);
      expect(out.stderr).toContain('ssh <host> gakuco-monit --json --watch');
    });
  });

  describe('link states', () => {
    const sources: HostSource[] = [];
    const source = (spec: Partial<HostSpec> & { name: string }) => {
      const created = createSshHostSource(
        { destination: spec.name, command: `'${process.execPath}' '${CLI}'`, pm2Home: null, sshArgs: ['-F', lab.config], ...spec },
        { refreshIntervalMs: 500, linesPerService: 100, notifyIntervalMs: 50, reconnectFirstMs: 60_000, reconnectMaxMs: 60_000, silenceMs: 20_000, actionTimeoutMs: 20_000 },
      );
      sources.push(created);
      return created;
    };
    afterAll(() => {
      for (const s of sources) s.close();
    });

    it('a host whose key is not the one in known_hosts is refused, never asked about', async () => {
      lab.addWrongKeyAlias('host-forged', hostA);
      const forged = source({ name: 'host-forged' });
      await waitFor(() => forged.getView().link.kind === 'host-key-refused', 'host-key-refused', 20_000, 50);
    });

    it('a host without gakuco-monit says so', async () => {
      const bare = source({ name: 'host-a', command: '/nonexistent/bin/gakuco-monit' });
      const link = await waitFor(() => (bare.getView().link.kind === 'remote-missing' ? bare.getView().link : null), 'remote-missing', 20_000, 50);
      expect(link).toMatchObject({ command: '/nonexistent/bin/gakuco-monit' });
    });
  });
});

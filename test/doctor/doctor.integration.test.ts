// `gakuco-monit doctor` end to end over a real PM2 home: text in both languages, ASCII marks, JSON, exit codes,
// and no daemon (where it must not start one).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS } from '../../src/doctor/index.js';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { cleanEnv, freePort, startApp } from '../pm2-bridge/diagnostics/support.js';

let home: PrivatePm2Home;
let units: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runDoctor(['--pm2-home', home.home, ...args], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    diagnostics: { startupDirs: [units] },
  });
  return { code, out, err };
}

function godDaemonsOf(pm2Home: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('God Daemon') && line.includes(pm2Home));
}

beforeAll(() => {
  home = cleanEnv(createPrivatePm2Home('gakuco-doctor-'));
  units = mkdtempSync(join(tmpdir(), 'gakuco-doctor-units-'));
});

afterAll(async () => {
  await home?.cleanup();
  rmSync(units, { recursive: true, force: true });
}, 30_000);

describe('doctor with no daemon', () => {
  it('writes its fixes with the pm2 on PATH when there is one (npx pm2 otherwise, as above)', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'gakuco-doctor-bin-'));
    try {
      writeFileSync(join(bin, 'pm2'), '#!/bin/sh\n', { mode: 0o755 });
      const run = await doctor([], { PATH: bin });
      expect(run.out).toContain(`      → PM2_HOME=${home.home} pm2 start ecosystem.config.js`);
      expect(run.out).not.toContain('npx pm2');
      // npm and npx put node_modules/.bin on PATH (npm start): the operator's shell has no pm2 there.
      const npmBin = join(bin, 'node_modules', '.bin');
      mkdirSync(npmBin, { recursive: true });
      writeFileSync(join(npmBin, 'pm2'), '#!/bin/sh\n', { mode: 0o755 });
      expect((await doctor([], { PATH: npmBin })).out).toContain(`      → PM2_HOME=${home.home} npx pm2 start ecosystem.config.js`);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
  it('says so first, in Japanese by default, with the command, exit 1, and starts no daemon', async () => {
    const run = await doctor([]);
    expect(run.code).toBe(EXIT_ERRORS);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe(`gakuco-monit doctor  PM2_HOME=${home.home}`);
    expect(lines[3]).toBe(`  ✘ PM2 デーモンが動いていません（${home.home}）`);
    expect(lines[4]).toBe(`      → PM2_HOME=${home.home} npx pm2 start ecosystem.config.js`);
    expect(run.out).toContain('! pm2-logrotate が入っていません');
    expect(run.out).toContain('結果: エラー 1 件、警告 2 件');
    expect(run.out).not.toContain('サービス\n'); // no service section without a daemon
    expect(home.daemonPid()).toBeNull();
    expect(godDaemonsOf(home.home)).toEqual([]);
  });

  it('in English with --lang en or an English LANG, ASCII marks with --ascii', async () => {
    const en = await doctor(['--lang', 'en']);
    expect(en.out).toContain(`  ✘ No PM2 daemon is running (${home.home})`);
    expect(en.out).toContain('Result: 1 error(s), 2 warning(s)');
    expect((await doctor([], { LANG: 'en_US.UTF-8' })).out).toBe(en.out);
    expect((await doctor([], { LANG: 'ja_JP.UTF-8' })).out).toContain('PM2 デーモンが動いていません');
    const ascii = await doctor(['--lang=en', '--ascii']);
    expect(ascii.out).toContain('  [x] No PM2 daemon is running');
    expect(ascii.out).toContain('      -> PM2_HOME=');
    expect(ascii.out).toContain('  [!] pm2-logrotate is not installed');
    expect(ascii.out).not.toMatch(/[✔✘→]/);
  });

  it('as JSON', async () => {
    const run = await doctor(['--json', '--lang', 'en']);
    expect(run.code).toBe(EXIT_ERRORS);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({ ok: false, exitCode: 1, connection: 'no-daemon', pm2Home: home.home, errors: 1, warnings: 2, services: [] });
    expect(report.setup[0]).toMatchObject({ mark: 'error', code: 'daemon-down', fix: `PM2_HOME=${home.home} npx pm2 start ecosystem.config.js` });
    expect(home.daemonPid()).toBeNull();
  });
});

describe('doctor with a daemon', () => {
  beforeAll(async () => {
    await startApp(home, 'service.cjs', 'web', { PORT: String(await freePort()) });
    await home.pm2(['save']);
    writeFileSync(join(units, 'pm2-tester.service'), `Environment=PM2_HOME=${home.home}\n`);
    const confPath = join(home.home, 'module_conf.json');
    const conf = JSON.parse(readFileSync(confPath, 'utf8')) as Record<string, unknown>;
    // What `pm2 install pm2-logrotate` records (the install itself needs the npm registry).
    writeFileSync(confPath, JSON.stringify({ ...conf, 'module-db-v2': { 'pm2-logrotate': {} }, 'pm2-logrotate': { max_size: '10M', retain: '5' } }));
  }, 30_000);

  it('configured is not running: no ✔ for pm2-logrotate until its process runs', async () => {
    const run = await doctor(['--lang', 'en']);
    expect(run.out).toContain('  ! pm2-logrotate is configured but not running: no log is rotated');
    expect(run.out).toContain(`      → PM2_HOME=${home.home} npx pm2 restart pm2-logrotate`);
    expect(run.out).not.toContain('✔ pm2-logrotate');
    expect(run.code).toBe(EXIT_WARNINGS);
    // A process of that name online in the list is what the check looks for (the module itself needs the registry).
    await startApp(home, 'idle.cjs', 'pm2-logrotate');
  });

  it('all good: every check ticked, exit 0', async () => {
    const run = await doctor(['--lang', 'en']);
    expect(run.out).toContain('  ✔ PM2 daemon is running (2 services)');
    expect(run.out).toContain('  ✔ pm2-logrotate: max_size 10M, retain 5, rotateInterval "0 0 * * *"');
    expect(run.out).toContain('  ✔ The saved list (pm2 save) matches what runs now');
    expect(run.out).toContain(`  ✔ PM2 starts at boot: ${join(units, 'pm2-tester.service')}`);
    expect(run.out).toContain('  ✔ web (online): no problems');
    expect(run.out).toContain('Result: all good');
    expect(run.code).toBe(EXIT_OK);
  });

  it('warnings only: exit 2 (an app the saved list does not have)', async () => {
    await startApp(home, 'idle.cjs', 'unsaved');
    const run = await doctor(['--lang', 'en']);
    expect(run.out).toContain('  ! The saved list (pm2 save) differs from what runs now: a reboot would not bring back unsaved');
    expect(run.out).toContain(`      → PM2_HOME=${home.home} npx pm2 save`);
    expect(run.code).toBe(EXIT_WARNINGS);
    await home.pm2(['save']);
  });

  it('errors: exit 1, the crash loop with its error lines and fix, in both languages and JSON', async () => {
    await startApp(home, 'crash.cjs', 'crashy');
    await home.pm2(['save']);
    // Wait for pm2 to count unstable restarts.
    let run: Run;
    const deadline = Date.now() + 10_000;
    do {
      run = await doctor(['--lang', 'en']);
    } while (!run.out.includes('crashy: restart loop') && Date.now() < deadline);
    expect(run.code).toBe(EXIT_ERRORS);
    expect(run.out).toMatch(/ {2}✘ crashy: restart loop \(\d+ restarts in the last 10 min, \d+ unstable, status \w+/);
    expect(run.out).toContain('      | Error: cannot start: missing database connection');
    expect(run.out).toContain(`      → PM2_HOME=${home.home} npx pm2 logs crashy --err --lines 50`);
    expect(run.out).toContain('  ✔ web (online): no problems');

    const ja = await doctor([]);
    expect(ja.code).toBe(EXIT_ERRORS);
    expect(ja.out).toContain('  ✘ crashy: 再起動を繰り返しています');
    expect(ja.out).toContain('  ✔ web（online）: 問題なし');

    const json = JSON.parse((await doctor(['--json'])).out);
    expect(json).toMatchObject({ lang: 'ja', ok: false, exitCode: 1, connection: 'connected' });
    const crashy = json.services.find((s: { name: string }) => s.name === 'crashy');
    expect(crashy.items[0]).toMatchObject({ mark: 'error', code: 'restart-loop' });
    expect(crashy.items[0].details.join('\n')).toContain('missing database connection');
  });
});

describe('doctor arguments', () => {
  it('exit 64 with the usage on a bad argument, 0 for --help', async () => {
    const bad = await doctor(['--frobnicate', '--lang', 'en']);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toContain('Unknown argument: --frobnicate');
    expect(bad.out).toBe('');
    expect((await doctor(['--lang', 'fr'])).code).toBe(EXIT_USAGE);
    const help = await doctor(['--help', '--lang', 'en']);
    expect(help.code).toBe(EXIT_OK);
    expect(help.out).toContain('Exit codes: 0 all good / 1 errors / 2 warnings only / 64 bad arguments');
  });
});

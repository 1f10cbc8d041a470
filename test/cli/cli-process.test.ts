// The CLI as a process, built from src into a temp directory (dist/ is left alone: other tests run it), against
// a private PM2 home: without a daemon, and with a real daemon running one app.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let outDir: string;
let cli: string;
let empty: PrivatePm2Home;
let running: PrivatePm2Home;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { env: { ...env, LANG: '' }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
    child.stdin?.end();
  });
}

beforeAll(async () => {
  // Inside the project so the bundle finds pm2 in node_modules, as an installed package would.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'gakuco-cli-test-'));
  cli = join(outDir, 'bin', 'cli.js');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.tsx'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['pm2'],
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [
      {
        name: 'no-react-devtools',
        setup(b) {
          b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'x', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};' }));
        },
      },
    ],
  });
  // The bundle reads ../package.json for --version.
  writeFileSync(join(outDir, 'package.json'), '{"version":"9.9.9-test"}');
  empty = createPrivatePm2Home('gakuco-cli-empty-');
  running = createPrivatePm2Home('gakuco-cli-run-');
  const app = join(running.home, 'idle-app.cjs');
  writeFileSync(app, "setInterval(() => console.log('tick'), 1000);\n");
  const started = await running.pm2(['start', app, '--name', 'idle-app']);
  expect(started.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await running?.cleanup();
  await empty?.cleanup();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('without a terminal', () => {
  it('interactive mode exits 2 with a clear message and no stack trace', async () => {
    const run = await runCli([], empty.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('対話モードには端末 (TTY) が必要です');
    expect(run.stderr).toContain('gakuco-monit --once');
    expect(run.stderr).toContain('ssh -t');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
  it('in English too', async () => {
    const run = await runCli(['--lang', 'en'], empty.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
  });
  it('bad options exit 64; --help and --version exit 0', async () => {
    expect((await runCli(['--nope'], empty.env)).code).toBe(64);
    const help = await runCli(['--help', '--lang', 'en'], empty.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--read-only');
    expect((await runCli(['--version'], empty.env)).stdout.trim()).toBe('9.9.9-test');
  });
});

describe('--once and --json with no daemon', () => {
  it('says so, exits 0 and starts no daemon', async () => {
    const once = await runCli(['--once'], empty.env);
    expect(once.code).toBe(0);
    expect(once.stdout).toContain(`PM2 デーモンが動いていません (${empty.home})`);
    const json = await runCli(['--json'], empty.env);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { connection: { kind: string } }).connection.kind).toBe('no-daemon');
    expect(empty.daemonPid()).toBeNull();
    expect(existsSync(join(empty.home, 'rpc.sock'))).toBe(false);
  });
});

describe('--once and --json against a real daemon', () => {
  it('--once prints the app in the table', async () => {
    const run = await runCli(['--once', '--lang', 'en'], running.env);
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((line) => line.includes('idle-app'));
    expect(row).toBeDefined();
    expect(row).toContain('online');
  });
  it('--json lists it with its status', async () => {
    const run = await runCli(['--json'], running.env);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { connection: { kind: string }; services: { name: string; status: string; pid: number }[] };
    expect(parsed.connection.kind).toBe('connected');
    const app = parsed.services.find((s) => s.name === 'idle-app');
    expect(app?.status).toBe('online');
    expect(app?.pid).toBeGreaterThan(0);
  });
});

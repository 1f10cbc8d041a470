#!/usr/bin/env node
// npm run bench:logs [-- --seconds 120]
//
// The monitor (dist/cli.js) under hostile log input, in a private PM2_HOME and a private tmux server (120x40): three
// apps at once from test/fixtures/apps/big-lines.cjs (512 KB lines 10 times a second, selected on screen; a ~300 KB
// line of Japanese JSON every 2 s; a 2 MB line with binary and invalid UTF-8 every 10 s). Every 5 s it prints the
// monitor's RSS, its CPU over those 5 s and the clock on its screen; then how long `?` takes to open the help, and
// the exit code after SIGHUP. A benchmark, not a test (test/e2e/log-input.test.ts checks the same over 30 s).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PM2_BIN = join(dirname(require.resolve('pm2/package.json')), 'bin', 'pm2');
const CLI = join(root, 'dist', 'cli.js');
const APP = join(root, 'test', 'fixtures', 'apps', 'big-lines.cjs');
const CLK_TCK = 100;
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = Number(secondsArg === -1 ? 120 : process.argv[secondsArg + 1]);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = (cmd, argv, options = {}) =>
  new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: 30_000, ...options }, (error, stdout) => (error ? reject(error) : resolve(String(stdout))));
  });
const socket = `gakuco-bench-logs-${process.pid}`;
const tmux = (...argv) => run('tmux', ['-u', '-L', socket, ...argv]);
const cpuTicks = (pid) => {
  const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(rest[11]) + Number(rest[12]);
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-logs-'));
const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true' };
delete env.CI;
const pidFile = join(home, 'monitor.pid');
const exitFile = join(home, 'monitor.exit');

async function cleanup() {
  await tmux('kill-server').catch(() => undefined);
  await run(process.execPath, [PM2_BIN, 'kill'], { env }).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  for (const mode of ['flood', 'cjk', 'huge']) await run(process.execPath, [PM2_BIN, 'start', APP, '--name', mode], { env: { ...env, BIG_MODE: mode } });
  const command = `sh -c 'echo $$ > "${pidFile}"; exec "${process.execPath}" "${CLI}" --lang en'; echo $? > '${exitFile}'`;
  await tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'm', '-x', '120', '-y', '40', '-e', `PM2_HOME=${home}`, '-e', 'LANG=C.UTF-8', command);
  while (!existsSync(pidFile)) await sleep(50);
  const pid = Number(readFileSync(pidFile, 'utf8'));
  let maxRss = 0;
  let ticks = cpuTicks(pid);
  for (let t = 5; t <= SECONDS; t += 5) {
    await sleep(5000);
    const now = cpuTicks(pid);
    const rss = rssMb(pid);
    maxRss = Math.max(maxRss, rss);
    const clock = /(\d\d:\d\d:\d\d)\s*$/.exec((await tmux('capture-pane', '-p', '-t', 'm')).split('\n')[0])?.[1] ?? '-';
    console.log(`t=${t}s rss=${rss.toFixed(0)} MB cpu=${(((now - ticks) / CLK_TCK / 5) * 100).toFixed(0)}% clock=${clock} at ${new Date().toISOString().slice(11, 19)}`);
    ticks = now;
  }
  const asked = Date.now();
  await tmux('send-keys', '-t', 'm', '?');
  while (!(await tmux('capture-pane', '-p', '-t', 'm')).includes('Everywhere else') && Date.now() - asked < 10_000) await sleep(20);
  console.log(`help opened after ${Date.now() - asked} ms; max RSS ${maxRss.toFixed(0)} MB over ${SECONDS} s`);
  process.kill(pid, 'SIGHUP');
  const hung = Date.now();
  while (!existsSync(exitFile) && Date.now() - hung < 10_000) await sleep(20);
  console.log(`SIGHUP: exit code ${existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : 'none'} after ${Date.now() - hung} ms`);
} finally {
  await cleanup();
}

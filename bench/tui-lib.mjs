// Plumbing for bench/tui.mjs: /proc readings (CPU, RSS of a process tree or of one process), a private tmux server,
// PM2 workloads in a private PM2_HOME, and the screen readings (newest flood stamp on screen).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const PM2_BIN = join(dirname(require.resolve('pm2/package.json')), 'bin', 'pm2');
const CLK_TCK = 100;

export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      out[k] = v ?? argv[++i];
    }
  }
  return out;
}

export function run(cmd, argv, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: 60_000, maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr) }));
      else resolve(String(stdout));
    });
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------- /proc ----------
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return null;
  }
}

/** pid and all its descendants. */
export function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (!s) continue;
    if (!children.has(s.ppid)) children.set(s.ppid, []);
    children.get(s.ppid).push(Number(name));
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

export function treeCpuSeconds(pid) {
  return processTree(pid).reduce((sum, p) => sum + (procStat(p)?.ticks ?? 0), 0) / CLK_TCK;
}

/** CPU seconds of one process only (the PM2 daemon without the apps it runs). */
export function cpuSeconds(pid) {
  return (procStat(pid)?.ticks ?? 0) / CLK_TCK;
}

/**
 * CPU time of one process (all its threads, not its children) in milliseconds, from the scheduler's own account
 * (/proc/PID/task/TID/schedstat, nanoseconds): /proc/PID/stat counts 10 ms ticks, too coarse for what a monitor
 * costs the PM2 daemon at idle (a fraction of a millisecond per call). Falls back to the ticks without schedstat.
 */
export function cpuMs(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended meanwhile
      }
    }
    return ns / 1e6;
  } catch {
    return cpuSeconds(pid) * 1000;
  }
}

/** The daemon's CPU milliseconds over the next `ms`. */
export async function daemonCpuMsOver(pid, ms) {
  const before = cpuMs(pid);
  await sleep(ms);
  return cpuMs(pid) - before;
}

function statusKb(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function treePeakRssMb(pid) {
  return processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0) / 1024;
}

export function treeRssMb(pid) {
  return processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) / 1024;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** SIGSTOP / SIGCONT a whole process tree (to measure the daemon with one monitor attached at a time). */
export function signalTree(pid, signal) {
  for (const p of processTree(pid)) {
    try {
      process.kill(p, signal);
    } catch {
      // gone
    }
  }
}

// ---------- tmux ----------
export function createTmux() {
  const socket = `gakuco-bench-${process.pid}`;
  const tmux = (...argv) => run('tmux', ['-u', '-L', socket, ...argv], { timeout: 30_000 });
  return {
    tmux,
    start: () =>
      tmux('-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'default-terminal', 'xterm-256color', ';', 'set-option', '-g', 'status', 'off', ';', 'set-option', '-g', 'exit-empty', 'off'),
    capture: (session) => tmux('capture-pane', '-p', '-t', session),
    keys: (session, ...keys) => tmux('send-keys', '-t', session, ...keys),
    panePid: async (session) => Number((await tmux('display-message', '-p', '-t', session, '#{pane_pid}')).trim()),
    killServer: () => tmux('kill-server'),
  };
}

// ---------- PM2 workload ----------
export async function startApps(home, env, apps) {
  const file = join(home, `bench-apps-${apps.length}.json`);
  writeFileSync(file, JSON.stringify({ apps }));
  await run(process.execPath, [PM2_BIN, 'start', file], { env, timeout: 120_000 });
}

export async function deleteAllApps(env) {
  await run(process.execPath, [PM2_BIN, 'delete', 'all'], { env, timeout: 60_000 }).catch(() => {});
}

export function daemonPid(home) {
  const pidFile = join(home, 'pm2.pid');
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
}

export async function killDaemon(home, env) {
  const pid = daemonPid(home);
  try {
    await run(process.execPath, [PM2_BIN, 'kill'], { env, timeout: 15_000 });
  } catch {
    // fall through to SIGKILL
  }
  if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
}

// ---------- screen ----------
const STAMP = /@(\d{13})\b/g;

/** The newest write time (epoch ms) of a flood line on the screen, 0 for none. */
export function newestStamp(text) {
  let max = 0;
  for (const m of text.matchAll(STAMP)) max = Math.max(max, Number(m[1]));
  return max;
}

export function fileSize(path) {
  return statSync(path).size;
}

/** Waits until `test(screen)` holds; the screen text, or null at the deadline. */
export async function waitForScreen(capture, session, test, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const text = await capture(session).catch(() => '');
    if (test(text)) return text;
    await sleep(100);
  }
  return null;
}

export const now = () => performance.now();

// ---------- stats ----------
export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
export function quantile(xs, q) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}
export const median = (xs) => quantile(xs, 0.5);

// ---------- the daemon's CPU per request ----------
/**
 * The daemon's CPU per request, apart from its own noise: `rounds` requests one after another (each after the last
 * answer) and 300 ms for what they leave behind, the daemon's CPU over that divided by their count, less the same
 * span with no request.
 */
async function costPerRequest(daemon, request, rounds) {
  const started = performance.now();
  const before = cpuMs(daemon);
  for (let i = 0; i < rounds; i++) await request();
  // What the daemon does after the last answer (a closed connection is read and torn down later) is its too.
  await sleep(300);
  const spent = cpuMs(daemon) - before;
  const idle = await daemonCpuMsOver(daemon, performance.now() - started);
  return Math.max(0, (spent - idle) / rounds);
}

function rpcClient(socketPath) {
  const axon = require('pm2/modules/pm2-axon');
  const rpc = require('pm2/modules/pm2-axon-rpc');
  const req = axon.socket('req');
  const client = new rpc.Client(req);
  req.connect(socketPath);
  return new Promise((resolve) =>
    req.once('connect', () =>
      resolve({ call: (method) => new Promise((ok, fail) => client.call(method, {}, (error) => (error ? fail(error) : ok()))), close: () => req.close() }),
    ),
  );
}

/** Connects to a socket and closes, as a liveness check does. */
function connectAndClose(socketPath) {
  return new Promise((resolve) => {
    const socket = netConnect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', () => resolve());
  });
}

/**
 * What one request costs the daemon of `home` (pid `daemon`), in CPU milliseconds: each of `methods` (read-only
 * ones: getMonitorData, ping) and a connect-and-close to rpc.sock, `rounds` of each.
 */
export async function daemonRequestCosts(home, daemon, methods, rounds = 300) {
  const socketPath = join(home, 'rpc.sock');
  const client = await rpcClient(socketPath);
  const calls = {};
  try {
    for (const method of methods) calls[method] = await costPerRequest(daemon, () => client.call(method), rounds);
  } finally {
    client.close();
  }
  return { calls, connection: await costPerRequest(daemon, () => connectAndClose(socketPath), rounds) };
}

/**
 * The daemon's CPU (%) a monitor's counted requests cost at these per-request costs: each method's calls (methods
 * without a measured cost are left out and named), and its new connections.
 */
export function cpuOfRequests(counts, costs, seconds) {
  let ms = counts.rpcConnections * costs.connection;
  const unpriced = [];
  for (const [method, n] of Object.entries(counts.calls)) {
    if (costs.calls[method] === undefined) unpriced.push(method);
    else ms += n * costs.calls[method];
  }
  return { percent: (ms / 1000 / seconds) * 100, unpriced };
}

#!/usr/bin/env node
// npm run bench:tui [-- --window 20 --sizes 120x40,80x24 --only gakuco|pm2]
//
// Runs gakuco-monit (dist/cli.js) and `pm2 monit` side by side on one PM2 workload in a private PM2_HOME: four
// apps, one (flood) writing 1000 log lines/s and selected in both monitors, each monitor in its own tmux session
// of a private tmux server at each size. Prints, per monitor: time to first frame, CPU seconds over the window
// (utime+stime of the monitor's process tree), peak RSS (VmHWM), bytes written to the terminal per second (tmux
// pipe-pane), and how far the newest visible log line lags the newest written (the flood lines carry their
// write time; capture-pane is sampled); then the same with the flood paused (idle). Ratios are gakuco / pm2 monit.
// A benchmark, not a test: it prints figures and exits 0 whatever they are.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PM2_BIN = join(dirname(require.resolve('pm2/package.json')), 'bin', 'pm2');
const CLI = join(root, 'dist', 'cli.js');
const CLK_TCK = 100;

const args = parseArgs(process.argv.slice(2));
const WINDOW_S = Number(args.window ?? process.env.BENCH_WINDOW ?? 20);
const WARMUP_S = Number(args.warmup ?? 3);
const SIZES = String(args.sizes ?? '120x40,80x24')
  .split(',')
  .map((s) => s.split('x').map(Number));
const SAMPLE_MS = 200;
const TARGETS = {
  flood: { cpu: 1.0, lag: 0.7, bytes: 2.0, rss: 1.5 },
  idle: { cpu: 1.0, bytesAbs: 1024 },
  firstFrameMs: 1000,
};

function parseArgs(argv) {
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


function run(cmd, argv, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: 30_000, maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr) }));
      else resolve(String(stdout));
    });
  });
}

function freePort() {
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
function processTree(pid) {
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

function treeCpuSeconds(pid) {
  return processTree(pid).reduce((sum, p) => sum + (procStat(p)?.ticks ?? 0), 0) / CLK_TCK;
}

function treePeakRssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

// ---------- tmux ----------
const socket = `gakuco-bench-${process.pid}`;
const tmux = (...argv) => run('tmux', ['-u', '-L', socket, ...argv]);

async function capture(session) {
  return tmux('capture-pane', '-p', '-t', session);
}

async function panePid(session) {
  return Number((await tmux('display-message', '-p', '-t', session, '#{pane_pid}')).trim());
}

// ---------- PM2 workload ----------
async function startWorkload(home, env, pauseFile) {
  const port = await freePort();
  const apps = [
    { name: 'flood', script: join(root, 'bench/apps/flood.cjs'), env: { BENCH_FLOOD_PAUSE: pauseFile } },
    { name: 'quiet-a', script: join(root, 'bench/apps/quiet.cjs'), env: { BENCH_QUIET_MS: '2000' } },
    { name: 'quiet-b', script: join(root, 'bench/apps/quiet.cjs'), env: { BENCH_QUIET_MS: '5000' } },
    { name: 'web', script: join(root, 'bench/apps/web.cjs'), env: { PORT: String(port) } },
  ];
  const file = join(home, 'bench-apps.json');
  writeFileSync(file, JSON.stringify({ apps }));
  await run(process.execPath, [PM2_BIN, 'start', file], { env });
  return apps.map((a) => a.name);
}

async function stopWorkload(home, env) {
  const pidFile = join(home, 'pm2.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
  try {
    await run(process.execPath, [PM2_BIN, 'kill'], { env, timeout: 15_000 });
  } catch {
    // fall through to SIGKILL
  }
  if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
}

// ---------- measurement ----------
const STAMP = /@(\d{13})\b/g;

function newestStamp(text) {
  let max = 0;
  for (const m of text.matchAll(STAMP)) max = Math.max(max, Number(m[1]));
  return max;
}

async function startMonitor(monitor, size, env, dir) {
  const [cols, rows] = size;
  const session = monitor.id.replace(/[^a-zA-Z0-9-]/g, '-');
  const pipeFile = join(dir, `${session}-${cols}x${rows}.out`);
  writeFileSync(pipeFile, '');
  const started = performance.now();
  await tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), ...envArgs(env), monitor.command);
  await tmux('pipe-pane', '-t', session, `cat >> '${pipeFile}'`);
  const pid = await panePid(session);
  let firstFrameMs = null;
  let firstPaintMs = null;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const text = await capture(session).catch(() => '');
    if (firstPaintMs === null && text.trim() !== '') firstPaintMs = performance.now() - started;
    if (text.includes('flood') && text.includes('quiet-b')) {
      firstFrameMs = performance.now() - started;
      break;
    }
    await sleep(20);
  }
  return { ...monitor, session, pid, pipeFile, firstPaintMs, firstFrameMs };
}

function envArgs(env) {
  const out = [];
  for (const key of ['PM2_HOME', 'PATH', 'LANG', 'HOME']) if (env[key]) out.push('-e', `${key}=${env[key]}`);
  return out;
}

/** Waits for the flood's lines on the monitor's screen; presses Down (next app) only when they never come. */
async function selectFlood(m) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const deadline = Date.now() + (attempt === 0 ? 6000 : 3000);
    while (Date.now() < deadline) {
      if (newestStamp(await capture(m.session).catch(() => '')) > 0) return true;
      await sleep(250);
    }
    await tmux('send-keys', '-t', m.session, 'Down').catch(() => {});
  }
  return false;
}

async function measureWindow(monitors, seconds, sampleLag) {
  const start = new Map(
    monitors.map((m) => [m.id, { cpu: treeCpuSeconds(m.pid), bytes: statSync(m.pipeFile).size, at: performance.now() }]),
  );
  const lags = new Map(monitors.map((m) => [m.id, []]));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    for (const m of monitors) {
      if (!sampleLag) continue;
      const before = Date.now();
      const text = await capture(m.session).catch(() => '');
      const at = (before + Date.now()) / 2;
      const newest = newestStamp(text);
      if (newest > 0) lags.get(m.id).push(at - newest);
    }
    await sleep(SAMPLE_MS);
  }
  return new Map(
    monitors.map((m) => {
      const s = start.get(m.id);
      const elapsed = (performance.now() - s.at) / 1000;
      const cpu = treeCpuSeconds(m.pid) - s.cpu;
      const bytes = statSync(m.pipeFile).size - s.bytes;
      const l = lags.get(m.id).sort((a, b) => a - b);
      return [
        m.id,
        {
          seconds: elapsed,
          cpuSeconds: cpu,
          cpuPercent: (cpu / elapsed) * 100,
          bytesPerSecond: bytes / elapsed,
          lagMeanMs: l.length ? l.reduce((a, b) => a + b, 0) / l.length : null,
          lagP50Ms: l.length ? l[Math.floor(l.length / 2)] : null,
          lagP95Ms: l.length ? l[Math.floor(l.length * 0.95)] : null,
          lagSamples: l.length,
          peakRssMb: treePeakRssMb(m.pid),
        },
      ];
    }),
  );
}

// ---------- report ----------
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));

function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || b === 0) return null;
  return a / b;
}

function verdict(value, limit) {
  if (value === null) return '  ';
  return value <= limit ? 'ok' : 'NO';
}

function printSize(size, monitors, flood, idle) {
  const [cols, rows] = size;
  console.log(`\n== ${cols}x${rows}, window ${WINDOW_S} s, flood ${1000} lines/s ==`);
  const header = ['monitor', 'first paint ms', 'list shown ms', 'CPU s', 'CPU %', 'peak RSS MB', 'term B/s', 'lag mean ms', 'lag p95 ms', 'idle CPU %', 'idle B/s'];
  const rowsOut = monitors.map((m) => {
    const f = flood.get(m.id);
    const i = idle.get(m.id);
    return [m.label, fmt(m.firstPaintMs, 0), fmt(m.firstFrameMs, 0), fmt(f.cpuSeconds, 2), fmt(f.cpuPercent), fmt(f.peakRssMb), fmt(f.bytesPerSecond, 0), fmt(f.lagMeanMs, 0), fmt(f.lagP95Ms, 0), fmt(i.cpuPercent), fmt(i.bytesPerSecond, 0)];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...rowsOut.map((r) => r[k].length)));
  const line = (cells) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  console.log(line(header));
  for (const r of rowsOut) console.log(line(r));
  const p = monitors.find((m) => m.id === 'pm2monit');
  if (!p) return null;
  const all = {};
  for (const g of monitors.filter((m) => m.id.startsWith('gakuco'))) all[g.id] = printRatios(g, p, flood, idle);
  return all;
}

function printRatios(g, p, flood, idle) {
  const gf = flood.get(g.id);
  const pf = flood.get(p.id);
  const gi = idle.get(g.id);
  const pi = idle.get(p.id);
  const ratios = {
    cpu: ratio(gf.cpuSeconds, pf.cpuSeconds),
    lag: ratio(gf.lagMeanMs, pf.lagMeanMs),
    bytes: ratio(gf.bytesPerSecond, pf.bytesPerSecond),
    rss: ratio(gf.peakRssMb, pf.peakRssMb),
    idleCpu: ratio(gi.cpuSeconds, pi.cpuSeconds),
  };
  console.log(`${g.label} / pm2 monit (target):`);
  console.log(
    `  flood CPU ${fmt(ratios.cpu, 2)}x (<= ${TARGETS.flood.cpu}) ${verdict(ratios.cpu, TARGETS.flood.cpu)}` +
      ` | lag ${fmt(ratios.lag, 2)}x (<= ${TARGETS.flood.lag}) ${verdict(ratios.lag, TARGETS.flood.lag)}` +
      ` | bytes/s ${fmt(ratios.bytes, 2)}x (<= ${TARGETS.flood.bytes}) ${verdict(ratios.bytes, TARGETS.flood.bytes)}` +
      ` | peak RSS ${fmt(ratios.rss, 2)}x (<= ${TARGETS.flood.rss}) ${verdict(ratios.rss, TARGETS.flood.rss)}`,
  );
  console.log(
    `  idle CPU ${fmt(ratios.idleCpu, 2)}x (<= ${TARGETS.idle.cpu}) ${verdict(ratios.idleCpu, TARGETS.idle.cpu)}` +
      ` | idle ${fmt(gi.bytesPerSecond, 0)} B/s (<= ${TARGETS.idle.bytesAbs}) ${verdict(gi.bytesPerSecond, TARGETS.idle.bytesAbs)}` +
      ` | first frame ${fmt(g.firstPaintMs, 0)} ms, list ${fmt(g.firstFrameMs, 0)} ms (<= ${TARGETS.firstFrameMs}) ${verdict(g.firstPaintMs, TARGETS.firstFrameMs)}`,
  );
  return ratios;
}

// ---------- main ----------
async function main() {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
  } catch {
    console.error('bench:tui needs tmux (apt-get install tmux)');
    process.exit(1);
  }
  const cli = args.cli ? resolve(args.cli) : CLI;
  const hasCli = existsSync(cli);
  if (!hasCli) console.error(`note: ${cli} is missing (npm run build); measuring pm2 monit only`);

  const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-pm2-'));
  const dir = join(home, 'bench');
  mkdirSync(dir);
  const pauseFile = join(dir, 'flood.pause');
  const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', LANG: process.env.LANG || 'C.UTF-8' };
  delete env.CI;
  delete env.NO_COLOR;

  const monitors = [
    { id: 'pm2monit', label: 'pm2 monit', command: `exec '${process.execPath}' '${PM2_BIN}' monit` },
    ...(hasCli ? [{ id: 'gakuco', label: 'gakuco-monit', command: `exec '${process.execPath}' '${cli}' ${args.cliArgs ?? ''}` }] : []),
    // --variants 'name=K=V,K=V;name2=...': more gakuco runs with extra environment (experiments); CLI=path in a
    // variant runs that build instead (A/B in one run).
    ...(hasCli && args.variants
      ? String(args.variants)
          .split(';')
          .map((v) => {
            const [name, ...rest] = v.split('=');
            const pairs = rest.join('=').split(',').filter(Boolean);
            // CLI=<path> runs another build (an A/B comparison in one run); the other pairs are environment.
            const script = pairs.find((p) => p.startsWith('CLI='))?.slice(4) ?? cli;
            const vars = pairs.filter((p) => !p.startsWith('CLI=')).join(' ');
            return { id: `gakuco:${name}`, label: `gakuco ${name}`, command: `exec env ${vars} '${process.execPath}' '${resolve(script)}' ${args.cliArgs ?? ''}` };
          })
      : []),
  ].filter((m) => !args.only || m.id.startsWith(args.only));

  const results = [];
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await tmux('kill-server').catch(() => {});
    await stopWorkload(home, env);
    rmSync(home, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    console.log(`PM2_HOME ${home}; starting 4 apps (flood 1000 lines/s, quiet-a, quiet-b, web)`);
    await startWorkload(home, env, pauseFile);
    await sleep(1500);
    await tmux('-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'default-terminal', 'xterm-256color', ';', 'set-option', '-g', 'status', 'off', ';', 'set-option', '-g', 'exit-empty', 'off');
    for (const size of SIZES) {
      rmSync(pauseFile, { force: true });
      const running = [];
      // One after the other, so neither start-up competes with the other for the CPU.
      for (const monitor of monitors) running.push(await startMonitor(monitor, size, env, dir));
      for (const m of running) {
        if (m.firstFrameMs === null) console.error(`${m.label}: no first frame within 15 s`);
        if (!(await selectFlood(m))) console.error(`${m.label}: the flood's lines never showed; lag is not measured`);
      }
      await sleep(WARMUP_S * 1000);
      const flood = await measureWindow(running, WINDOW_S, true);
      writeFileSync(pauseFile, '');
      await sleep(WARMUP_S * 1000);
      const idle = await measureWindow(running, WINDOW_S, false);
      const ratios = printSize(size, running, flood, idle);
      results.push({
        size: `${size[0]}x${size[1]}`,
        monitors: running.map((m) => ({ id: m.id, firstPaintMs: m.firstPaintMs, firstFrameMs: m.firstFrameMs, flood: flood.get(m.id), idle: idle.get(m.id) })),
        ratios,
      });
      for (const m of running) await tmux('kill-session', '-t', m.session).catch(() => {});
      await sleep(300);
      for (const m of running) if (isAlive(m.pid)) process.kill(m.pid, 'SIGKILL');
    }
  } finally {
    await cleanup();
  }
  const outDir = join(root, '.bench');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `tui-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(outFile, JSON.stringify({ windowSeconds: WINDOW_S, results }, null, 2));
  console.log(`\nraw figures: ${outFile}`);
}

await main();

#!/usr/bin/env node
// npm run bench:tui [-- --window 20 --sizes 120x40,80x24 --scenarios flood,sixty,scale --long 60 --only gakuco|pm2]
//
// gakuco-monit (dist/cli.js) and `pm2 monit` side by side, in one run, on the same PM2 workload in a private
// PM2_HOME, each monitor in its own session of a private tmux server. Scenarios:
//   flood  four apps, `flood` writing 1000 log lines/s and selected in both; at each size: time to first frame
//          (each monitor started alone, a few rounds), then both at once: CPU, peak RSS, terminal bytes/s and the
//          lag of the newest visible log line over the window; then the flood paused (idle CPU and bytes), then the
//          daemon's CPU with each monitor attached alone (the others SIGSTOPped) against none attached, in
//          --daemonRounds interleaved rounds of --daemonWindow seconds (3 x 6 s by default), summed. Each monitor
//          talks to the daemon through its own proxy home (bench/daemon-proxy.mjs), which counts its RPC calls by
//          method and its new connections over the idle window; what those cost the daemon is the count times the
//          daemon's CPU per request, measured on the same daemon right after (300 requests in a row each).
//   sixty  60 small apps; the 45th selected in both (the table scrolls; the selection must stay on screen): idle
//          CPU, bytes and RSS, and the daemon's calls and CPU per monitor as above.
//   scale  `flood` at 10,000 lines/s for --long seconds (default 60; --long 600 for the 10-minute run): lag, CPU
//          and RSS sampled every second over the run (RSS must stay flat: the second half's peak against the first's).
// Every figure is printed beside pm2 monit's with the ratio, the target (issue 12) and ok / MISS. Raw figures go
// to .bench/tui-*.json. A benchmark, not a test: it exits 0 whatever the figures are.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDaemonProxy } from './daemon-proxy.mjs';
import {
  PM2_BIN,
  cpuMs,
  cpuOfRequests,
  createTmux,
  daemonRequestCosts,
  daemonPid,
  deleteAllApps,
  fileSize,
  freePort,
  isAlive,
  killDaemon,
  mean,
  median,
  newestStamp,
  now,
  parseArgs,
  quantile,
  root,
  signalTree,
  startApps,
  treeCpuSeconds,
  treePeakRssMb,
  treeRssMb,
  waitForScreen,
} from './tui-lib.mjs';

const args = parseArgs(process.argv.slice(2));
const WINDOW_S = Number(args.window ?? process.env.BENCH_WINDOW ?? 20);
const WARMUP_S = Number(args.warmup ?? 3);
const DAEMON_S = Number(args.daemonWindow ?? 6);
const DAEMON_ROUNDS = Number(args.daemonRounds ?? 3);
const LONG_S = Number(args.long ?? 60);
const FIRST_ROUNDS = Number(args.firstRounds ?? 3);
const SIZES = parseSizes(args.sizes ?? '120x40,80x24');
const SIXTY_SIZES = parseSizes(args.sixtySizes ?? '120x40');
const SCENARIOS = new Set(String(args.scenarios ?? 'flood,sixty,scale').split(','));
const SAMPLE_MS = 200;
const SELECT_NTH = 45;

// Issue 12: ratios are gakuco / pm2 monit in the same run; `abs` targets are gakuco's own figure.
const TARGETS = {
  cpu: { max: 0.7, text: '<= 0.7x' },
  lag: { max: 0.5, text: '<= 0.5x' },
  bytes: { max: 1.0, text: '<= 1.0x' },
  rss: { max: 1.0, text: '<= 1.0x' },
  firstFrame: { max: 0.8, text: '<= 0.8x' },
  idleCpu: { max: 0.5, text: '<= 0.5x' },
  idleBytes: { abs: 50, text: '<= 50 B/s' },
  sixtyIdleCpu: { max: 1.0, text: '<= 1.0x' },
  daemonCpu: { text: "<= pm2 monit's" },
  selectionShown: { abs: 1, text: 'on screen' },
  scaleLag: { abs: 1000, text: '<= 1000 ms' },
  scaleRssGrowth: { abs: 10, text: '<= +10 %' },
};

function parseSizes(text) {
  return String(text)
    .split(',')
    .filter(Boolean)
    .map((s) => s.split('x').map(Number));
}

const { tmux, start: startTmux, capture, keys, panePid, killServer } = createTmux();

// ---------- monitors ----------
function monitorList(cli) {
  const list = [
    { id: 'pm2monit', label: 'pm2 monit', command: `exec '${process.execPath}' '${PM2_BIN}' monit` },
    { id: 'gakuco', label: 'gakuco-monit', command: `exec '${process.execPath}' '${cli}' ${args.cliArgs ?? ''}` },
  ];
  // --variants 'name=K=V,K=V;name2=...': more gakuco runs with extra environment; CLI=<path> in a variant runs that
  // build instead (an A/B comparison in one run), NODE=<flags> adds node flags.
  for (const v of args.variants ? String(args.variants).split(';') : []) {
    const [name, ...rest] = v.split('=');
    const pairs = rest.join('=').split(',').filter(Boolean);
    const script = pairs.find((p) => p.startsWith('CLI='))?.slice(4) ?? cli;
    const nodeFlags = pairs.find((p) => p.startsWith('NODE='))?.slice(5).replaceAll('+', ' ') ?? '';
    const vars = pairs.filter((p) => !p.startsWith('CLI=') && !p.startsWith('NODE=')).join(' ');
    list.push({ id: `gakuco:${name}`, label: `gakuco ${name}`, command: `exec env ${vars} '${process.execPath}' ${nodeFlags} '${resolve(script)}' ${args.cliArgs ?? ''}` });
  }
  return list.filter((m) => !args.only || m.id.startsWith(args.only));
}

function envArgs(env) {
  const out = [];
  for (const key of ['PM2_HOME', 'PATH', 'LANG', 'HOME']) if (env[key]) out.push('-e', `${key}=${env[key]}`);
  return out;
}

let sessionCount = 0;
/** Starts a monitor in a new tmux session; measures first paint (any text) and list shown (`ready(screen)`). */
async function startMonitor(monitor, size, env, dir, ready) {
  const [cols, rows] = size;
  const session = `${monitor.id.replace(/[^a-zA-Z0-9-]/g, '-')}-${++sessionCount}`;
  const pipeFile = join(dir, `${session}-${cols}x${rows}.out`);
  writeFileSync(pipeFile, '');
  const started = now();
  await tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), ...envArgs(env), monitor.command);
  await tmux('pipe-pane', '-t', session, `cat >> '${pipeFile}'`);
  const pid = await panePid(session);
  let firstPaintMs = null;
  let listShownMs = null;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const text = await capture(session).catch(() => '');
    if (firstPaintMs === null && text.trim() !== '') firstPaintMs = now() - started;
    if (ready(text)) {
      listShownMs = now() - started;
      break;
    }
    await sleep(20);
  }
  if (listShownMs === null) console.error(`${monitor.label}: the list never showed within 20 s`);
  return { ...monitor, session, pid, pipeFile, firstPaintMs, listShownMs };
}

async function stopMonitor(m) {
  await tmux('kill-session', '-t', m.session).catch(() => {});
  await sleep(200);
  if (isAlive(m.pid)) process.kill(m.pid, 'SIGKILL');
}

/** Each monitor started alone FIRST_ROUNDS times (order alternating): medians of first paint and list shown. */
async function measureFirstFrames(monitors, size, env, dir, ready) {
  const samples = new Map(monitors.map((m) => [m.id, { paint: [], list: [] }]));
  for (let round = 0; round < FIRST_ROUNDS; round++) {
    const order = round % 2 === 0 ? monitors : [...monitors].reverse();
    for (const monitor of order) {
      const m = await startMonitor(monitor, size, env, dir, ready);
      await stopMonitor(m);
      if (m.firstPaintMs !== null) samples.get(m.id).paint.push(m.firstPaintMs);
      if (m.listShownMs !== null) samples.get(m.id).list.push(m.listShownMs);
      await sleep(300);
    }
  }
  return new Map([...samples].map(([id, s]) => [id, { firstPaintMs: median(s.paint), listShownMs: median(s.list) }]));
}

/** Waits for the flood's lines on the monitor's screen; presses Down (next app) only when they never come. */
async function selectFlood(m) {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await waitForScreen(capture, m.session, (t) => newestStamp(t) > 0, attempt === 0 ? 6000 : 3000)) return true;
    await keys(m.session, 'Down').catch(() => {});
  }
  console.error(`${m.label}: the flood's lines never showed; lag is not measured`);
  return false;
}

/** CPU, bytes, peak RSS and (when sampleLag) the lag of the newest visible flood line, over `seconds`. */
async function measureWindow(monitors, seconds, sampleLag) {
  const start = new Map(monitors.map((m) => [m.id, { cpu: treeCpuSeconds(m.pid), bytes: fileSize(m.pipeFile), at: now() }]));
  const lags = new Map(monitors.map((m) => [m.id, []]));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    for (const m of sampleLag ? monitors : []) {
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
      const elapsed = (now() - s.at) / 1000;
      const cpu = treeCpuSeconds(m.pid) - s.cpu;
      const l = lags.get(m.id);
      return [
        m.id,
        {
          seconds: elapsed,
          cpuSeconds: cpu,
          cpuPercent: (cpu / elapsed) * 100,
          bytesPerSecond: (fileSize(m.pipeFile) - s.bytes) / elapsed,
          lagMeanMs: mean(l),
          lagP95Ms: quantile(l, 0.95),
          lagSamples: l.length,
          peakRssMb: treePeakRssMb(m.pid),
        },
      ];
    }),
  );
}

/**
 * The PM2 daemon's own CPU (not its apps') per second: with every monitor stopped (SIGSTOP), then with each one
 * running alone. The figure per monitor is what it adds to the daemon: alone minus none. The windows are interleaved
 * over DAEMON_ROUNDS rounds (none, then each monitor, again and again) and summed, so the daemon's own periodic work
 * (its worker pass every 30 s, pidusage) falls as much into each monitor's windows as into the baseline's.
 */
async function measureDaemon(monitors, home) {
  const pid = daemonPid(home);
  const window = async () => {
    await sleep(1000);
    const c0 = cpuMs(pid);
    const t0 = now();
    await sleep(DAEMON_S * 1000);
    return { cpu: (cpuMs(pid) - c0) / 1000, seconds: (now() - t0) / 1000 };
  };
  const totals = new Map([['none', { cpu: 0, seconds: 0 }], ...monitors.map((m) => [m.id, { cpu: 0, seconds: 0 }])]);
  const add = (id, w) => {
    const t = totals.get(id);
    t.cpu += w.cpu;
    t.seconds += w.seconds;
  };
  for (const m of monitors) signalTree(m.pid, 'SIGSTOP');
  for (let round = 0; round < DAEMON_ROUNDS; round++) {
    add('none', await window());
    const order = round % 2 === 0 ? monitors : [...monitors].reverse();
    for (const m of order) {
      signalTree(m.pid, 'SIGCONT');
      add(m.id, await window());
      signalTree(m.pid, 'SIGSTOP');
    }
  }
  for (const m of monitors) signalTree(m.pid, 'SIGCONT');
  const percent = (t) => (t.cpu / t.seconds) * 100;
  const nonePercent = percent(totals.get('none'));
  return new Map(
    monitors.map((m) => {
      const alonePercent = percent(totals.get(m.id));
      return [m.id, { alonePercent, nonePercent, addedPercent: Math.max(0, alonePercent - nonePercent) }];
    }),
  );
}

/**
 * 10 ms of the daemon's CPU over all of a monitor's daemon windows, in percent: the measured "added" figure moves by
 * more than this from run to run with the daemon's own work (schedstat has no tick to round to, the daemon's own
 * passes still land unevenly), so a ratio to a base below it says nothing.
 */
const daemonTolerance = () => 1 / (DAEMON_S * DAEMON_ROUNDS);

/** Starts the scenario's monitors together, each through its own counting proxy home. */
async function startCounted(monitors, size, env, dir, ready, home) {
  const running = [];
  for (const monitor of monitors) {
    const proxy = await startDaemonProxy(home);
    running.push({ ...(await startMonitor(monitor, size, { ...env, PM2_HOME: proxy.home }, dir, ready)), proxy });
  }
  return running;
}

/** Stops the monitors and their proxies. */
async function stopCounted(running) {
  for (const m of running) {
    await stopMonitor(m);
    await m.proxy.close();
  }
}

/** What each monitor's counted requests over `seconds` cost the daemon, at the per-request costs measured now. */
async function daemonCallFigures(running, counts, seconds, home) {
  const costs = await daemonRequestCosts(home, daemonPid(home), ['getMonitorData', 'ping']);
  return {
    costs,
    byMonitor: new Map(
      running.map((m) => {
        const c = counts.get(m.id);
        const requests = Object.values(c.calls).reduce((a, b) => a + b, 0) + c.rpcConnections;
        const { percent, unpriced } = cpuOfRequests(c, costs, seconds);
        if (unpriced.length) console.error(`${m.label}: daemon calls without a measured cost: ${unpriced.join(', ')}`);
        return [m.id, { counts: c, requestsPerMinute: (requests * 60) / seconds, cpuPercent: percent }];
      }),
    ),
  };
}

/** The idle window, with each monitor's daemon requests counted over it. */
async function countedIdleWindow(running) {
  for (const m of running) m.proxy.reset();
  const idle = await measureWindow(running, WINDOW_S, false);
  return { idle, counts: new Map(running.map((m) => [m.id, m.proxy.counts()])), seconds: mean([...idle.values()].map((w) => w.seconds)) };
}

/** The daemon rows of a scenario's table: calls counted at idle, their CPU (the target), the interleaved measure. */
function daemonRows(monitors, calls, daemon) {
  return [
    { name: 'daemon requests, idle', unit: '/min', digits: 1, values: valuesOf(monitors, (id) => calls.byMonitor.get(id)?.requestsPerMinute) },
    { name: 'daemon CPU of those requests', unit: '%', digits: 3, values: valuesOf(monitors, (id) => calls.byMonitor.get(id)?.cpuPercent), target: 'daemonCpu', tolerance: 0.001 },
    { name: 'daemon CPU added, measured', unit: '%', digits: 2, values: valuesOf(monitors, (id) => daemon.get(id).addedPercent), tolerance: daemonTolerance() },
  ];
}

// ---------- report ----------
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b);

/** A row: { name, unit, digits, values: Map(id -> number), target?: key of TARGETS, ratioOf?: bool }. */
function printTable(title, monitors, rows) {
  const pm2 = monitors.find((m) => m.id === 'pm2monit');
  const ours = monitors.filter((m) => m.id !== 'pm2monit');
  const header = ['', ...monitors.map((m) => m.label), ...ours.flatMap((m) => [`ratio${ours.length > 1 ? ` ${m.label}` : ''}`, 'target', ''])];
  const verdicts = [];
  const body = rows.map((row) => {
    const cells = [`${row.name}${row.unit ? ` (${row.unit})` : ''}`, ...monitors.map((m) => fmt(row.values.get(m.id), row.digits ?? 1))];
    for (const g of ours) {
      const value = row.values.get(g.id);
      // A ratio to a figure within the measuring resolution (the daemon's added CPU at idle) says nothing.
      const base = pm2 ? row.values.get(pm2.id) : null;
      const r = pm2 && !(row.tolerance !== undefined && (base ?? 0) < row.tolerance) ? ratio(value, base) : null;
      const target = row.target ? TARGETS[row.target] : null;
      let verdict = '';
      if (target && target.max !== undefined && r !== null) verdict = r <= target.max ? 'ok' : 'MISS';
      if (target && target.abs !== undefined && value !== null && value !== undefined) verdict = value <= target.abs ? 'ok' : 'MISS';
      if (row.target === 'selectionShown') verdict = value === 1 ? 'ok' : 'MISS';
      // The daemon's added CPU is often 0 for both at idle: compared as values, within the 10 ms tick of /proc.
      if (row.target === 'daemonCpu' && pm2 && value !== null && value !== undefined) verdict = value <= (row.values.get(pm2.id) ?? 0) + row.tolerance ? 'ok' : 'MISS';
      if (verdict) verdicts.push({ monitor: g.id, metric: row.name, value, ratio: r, target: target.text, ok: verdict === 'ok' });
      cells.push(r === null || row.noRatio ? '' : `${fmt(r, 2)}x`, target ? target.text : '', verdict);
    }
    return cells;
  });
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((r) => r[k].length)));
  const line = (cells) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();
  console.log(`\n== ${title} ==`);
  console.log(line(header));
  for (const r of body) console.log(line(r));
  return verdicts;
}

const valuesOf = (monitors, pick) => new Map(monitors.map((m) => [m.id, pick(m.id) ?? null]));

// ---------- scenarios ----------
async function floodScenario(ctx, size) {
  const { monitors, env, dir, pauseFile, home } = ctx;
  const ready = (t) => t.includes('flood') && t.includes('quiet-b');
  rmSync(pauseFile, { force: true });
  const first = await measureFirstFrames(monitors, size, env, dir, ready);
  const running = await startCounted(monitors, size, env, dir, ready, home);
  let flood, idle, counts, seconds, daemon;
  try {
    for (const m of running) await selectFlood(m);
    await sleep(WARMUP_S * 1000);
    flood = await measureWindow(running, WINDOW_S, true);
    writeFileSync(pauseFile, '');
    await sleep(WARMUP_S * 1000);
    ({ idle, counts, seconds } = await countedIdleWindow(running));
    daemon = await measureDaemon(running, home);
  } finally {
    await stopCounted(running);
  }
  const calls = await daemonCallFigures(running, counts, seconds, home);
  const [cols, rows] = size;
  const verdicts = printTable(`flood, ${cols}x${rows}: 1000 lines/s for ${WINDOW_S} s, then idle ${WINDOW_S} s`, monitors, [
    { name: 'first paint', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => first.get(id).firstPaintMs), target: 'firstFrame' },
    { name: 'list shown', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => first.get(id).listShownMs), target: 'firstFrame' },
    { name: 'flood CPU', unit: '%', values: valuesOf(monitors, (id) => flood.get(id).cpuPercent), target: 'cpu' },
    { name: 'log lag mean', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => flood.get(id).lagMeanMs), target: 'lag' },
    { name: 'log lag p95', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => flood.get(id).lagP95Ms) },
    { name: 'flood terminal', unit: 'B/s', digits: 0, values: valuesOf(monitors, (id) => flood.get(id).bytesPerSecond), target: 'bytes' },
    { name: 'peak RSS', unit: 'MB', values: valuesOf(monitors, (id) => flood.get(id).peakRssMb), target: 'rss' },
    { name: 'idle CPU', unit: '%', digits: 2, values: valuesOf(monitors, (id) => idle.get(id).cpuPercent), target: 'idleCpu' },
    { name: 'idle terminal', unit: 'B/s', digits: 0, values: valuesOf(monitors, (id) => idle.get(id).bytesPerSecond), target: 'idleBytes' },
    ...daemonRows(monitors, calls, daemon),
  ]);
  const daemonCalls = { costs: calls.costs, byMonitor: Object.fromEntries(calls.byMonitor) };
  return { scenario: 'flood', size: `${cols}x${rows}`, first: Object.fromEntries(first), flood: Object.fromEntries(flood), idle: Object.fromEntries(idle), daemon: Object.fromEntries(daemon), daemonCalls, verdicts };
}

async function sixtyScenario(ctx, size) {
  const { monitors, env, dir, home } = ctx;
  const name = (n) => `svc-${String(n).padStart(2, '0')}`;
  const target = name(SELECT_NTH);
  const ready = (t) => t.includes(name(1)) && t.includes(name(3));
  // Ours marks the selected row (▶, or > with --ascii); pm2 monit names the selected app in its log box title.
  const selectionShown = (m, t) => (m.id === 'pm2monit' ? t.includes(`${target} Logs`) && t.includes(`] ${target}`) : new RegExp(`[▶>]\\s+${target}\\b`).test(t));
  const running = await startCounted(monitors, size, env, dir, ready, home);
  const shown = new Map();
  let idle, counts, seconds, daemon;
  try {
    for (const m of running) {
      for (let i = 1; i < SELECT_NTH; i++) await keys(m.session, 'Down');
      const text = await waitForScreen(capture, m.session, (t) => selectionShown(m, t), 8000);
      shown.set(m.id, text === null ? 0 : 1);
      if (text === null) console.error(`${m.label}: ${target} selected but not on screen:\n${await capture(m.session)}`);
    }
    await sleep(WARMUP_S * 1000);
    ({ idle, counts, seconds } = await countedIdleWindow(running));
    for (const m of running) {
      const text = await capture(m.session).catch(() => '');
      if (!selectionShown(m, text)) shown.set(m.id, 0);
    }
    daemon = await measureDaemon(running, home);
  } finally {
    await stopCounted(running);
  }
  const calls = await daemonCallFigures(running, counts, seconds, home);
  const [cols, rows] = size;
  const verdicts = printTable(`sixty, ${cols}x${rows}: 60 apps, ${target} selected, idle ${WINDOW_S} s`, monitors, [
    { name: 'selection on screen', unit: '1 = yes', digits: 0, values: valuesOf(monitors, (id) => shown.get(id)), target: 'selectionShown', noRatio: true },
    { name: 'idle CPU', unit: '%', digits: 2, values: valuesOf(monitors, (id) => idle.get(id).cpuPercent), target: 'sixtyIdleCpu' },
    { name: 'idle terminal', unit: 'B/s', digits: 0, values: valuesOf(monitors, (id) => idle.get(id).bytesPerSecond) },
    { name: 'peak RSS', unit: 'MB', values: valuesOf(monitors, (id) => idle.get(id).peakRssMb) },
    { name: 'daemon CPU, monitors paused', unit: '%', digits: 2, values: valuesOf(monitors, (id) => daemon.get(id).nonePercent), noRatio: true },
    { name: 'daemon CPU, this one alone', unit: '%', digits: 2, values: valuesOf(monitors, (id) => daemon.get(id).alonePercent) },
    ...daemonRows(monitors, calls, daemon),
  ]);
  const daemonCalls = { costs: calls.costs, byMonitor: Object.fromEntries(calls.byMonitor) };
  return { scenario: 'sixty', size: `${cols}x${rows}`, shown: Object.fromEntries(shown), idle: Object.fromEntries(idle), daemon: Object.fromEntries(daemon), daemonCalls, verdicts };
}

async function scaleScenario(ctx, size) {
  const { monitors, env, dir } = ctx;
  const ready = (t) => t.includes('flood') && t.includes('quiet-a');
  const running = [];
  for (const monitor of monitors) running.push(await startMonitor(monitor, size, env, dir, ready));
  for (const m of running) await selectFlood(m);
  await sleep(10_000);
  const samples = new Map(running.map((m) => [m.id, { lag: [], rss: [] }]));
  const c0 = new Map(running.map((m) => [m.id, treeCpuSeconds(m.pid)]));
  const t0 = now();
  const end = Date.now() + LONG_S * 1000;
  while (Date.now() < end) {
    for (const m of running) {
      const before = Date.now();
      const text = await capture(m.session).catch(() => '');
      const newest = newestStamp(text);
      const s = samples.get(m.id);
      if (newest > 0) s.lag.push((before + Date.now()) / 2 - newest);
      s.rss.push(treeRssMb(m.pid));
    }
    await sleep(1000);
  }
  const elapsed = (now() - t0) / 1000;
  const figures = new Map(
    running.map((m) => {
      const { lag, rss } = samples.get(m.id);
      // RSS saws up and down with V8's major GCs: compare the highest point of each half of the run, so one GC
      // landing near either end does not read as growth or as shrinking.
      const half = Math.max(1, Math.floor(rss.length / 2));
      const early = rss.length ? Math.max(...rss.slice(0, half)) : null;
      const late = rss.length ? Math.max(...rss.slice(half)) : null;
      return [
        m.id,
        {
          cpuPercent: ((treeCpuSeconds(m.pid) - c0.get(m.id)) / elapsed) * 100,
          lagMeanMs: mean(lag),
          lagP95Ms: quantile(lag, 0.95),
          lagMaxMs: lag.length ? Math.max(...lag) : null,
          rssEarlyMb: early,
          rssLateMb: late,
          rssGrowthPercent: early ? ((late - early) / early) * 100 : null,
          peakRssMb: treePeakRssMb(m.pid),
          samples: lag.length,
        },
      ];
    }),
  );
  for (const m of running) await stopMonitor(m);
  const [cols, rows] = size;
  const verdicts = printTable(`scale, ${cols}x${rows}: 10,000 lines/s for ${LONG_S} s`, monitors, [
    { name: 'CPU', unit: '%', values: valuesOf(monitors, (id) => figures.get(id).cpuPercent) },
    { name: 'log lag mean', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => figures.get(id).lagMeanMs) },
    { name: 'log lag p95', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => figures.get(id).lagP95Ms), target: 'scaleLag' },
    { name: 'log lag max', unit: 'ms', digits: 0, values: valuesOf(monitors, (id) => figures.get(id).lagMaxMs) },
    { name: 'RSS, highest in the first half', unit: 'MB', values: valuesOf(monitors, (id) => figures.get(id).rssEarlyMb) },
    { name: 'RSS, highest in the second half', unit: 'MB', values: valuesOf(monitors, (id) => figures.get(id).rssLateMb) },
    { name: 'RSS growth', unit: '%', values: valuesOf(monitors, (id) => figures.get(id).rssGrowthPercent), target: 'scaleRssGrowth', noRatio: true },
    { name: 'peak RSS', unit: 'MB', values: valuesOf(monitors, (id) => figures.get(id).peakRssMb) },
  ]);
  return { scenario: 'scale', size: `${cols}x${rows}`, seconds: LONG_S, figures: Object.fromEntries(figures), verdicts };
}

// ---------- main ----------
async function main() {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
  } catch {
    console.error('bench:tui needs tmux (apt-get install tmux)');
    process.exit(1);
  }
  const cli = args.cli ? resolve(args.cli) : join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.error(`${cli} is missing: npm run build first (npm run bench:tui does)`);
    process.exit(1);
  }
  const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-pm2-'));
  const dir = join(home, 'bench');
  mkdirSync(dir);
  const pauseFile = join(dir, 'flood.pause');
  const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', LANG: process.env.LANG || 'C.UTF-8' };
  delete env.CI;
  delete env.NO_COLOR;
  const monitors = monitorList(cli);
  const ctx = { monitors, env, dir, pauseFile, home };
  const results = [];
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await killServer().catch(() => {});
    await killDaemon(home, env);
    // --keepPipes DIR: what each monitor wrote to its terminal, kept for a look at the frames.
    if (args.keepPipes) {
      mkdirSync(String(args.keepPipes), { recursive: true });
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.out'))) copyFileSync(join(dir, file), join(String(args.keepPipes), file));
    }
    rmSync(home, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  const loads = [loadavg()[0]];
  const app = (name, file, extra = {}) => ({ name, script: join(root, 'bench/apps', file), ...extra });
  try {
    console.log(`PM2_HOME ${home}; scenarios ${[...SCENARIOS].join(', ')}; window ${WINDOW_S} s; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    await startTmux();
    if (SCENARIOS.has('flood')) {
      const port = await freePort();
      await startApps(home, env, [
        app('flood', 'flood.cjs', { env: { BENCH_FLOOD_PAUSE: pauseFile } }),
        app('quiet-a', 'quiet.cjs', { env: { BENCH_QUIET_MS: '2000' } }),
        app('quiet-b', 'quiet.cjs', { env: { BENCH_QUIET_MS: '5000' } }),
        app('web', 'web.cjs', { env: { PORT: String(port) } }),
      ]);
      await sleep(1500);
      for (const size of SIZES) results.push(await floodScenario(ctx, size));
      loads.push(loadavg()[0]);
      await deleteAllApps(env);
    }
    if (SCENARIOS.has('sixty')) {
      const apps = Array.from({ length: 60 }, (_, i) =>
        app(`svc-${String(i + 1).padStart(2, '0')}`, 'tick.sh', { interpreter: '/bin/sh', env: { BENCH_TICK_S: String(3 + (i % 5)) } }),
      );
      await startApps(home, env, apps);
      await sleep(3000);
      for (const size of SIXTY_SIZES) results.push(await sixtyScenario(ctx, size));
      loads.push(loadavg()[0]);
      await deleteAllApps(env);
    }
    if (SCENARIOS.has('scale')) {
      await startApps(home, env, [
        app('flood', 'flood.cjs', { env: { BENCH_FLOOD_RATE: '10000' } }),
        app('quiet-a', 'quiet.cjs', { env: { BENCH_QUIET_MS: '2000' } }),
      ]);
      await sleep(1500);
      results.push(await scaleScenario(ctx, SIZES[0]));
      loads.push(loadavg()[0]);
    }
  } finally {
    await cleanup();
  }
  const verdicts = results.flatMap((r) => r.verdicts.map((v) => ({ ...v, scenario: `${r.scenario} ${r.size}` })));
  const missed = verdicts.filter((v) => !v.ok);
  console.log(`\nload average during the run: ${loads.map((l) => l.toFixed(1)).join(' -> ')} (2 cores: above ~1.5 the CPU and lag figures are noisy)`);
  console.log(`targets: ${verdicts.length - missed.length} of ${verdicts.length} met${missed.length ? `; missed: ${missed.map((v) => `${v.scenario} ${v.metric}${v.monitor === 'gakuco' ? '' : ` (${v.monitor})`}`).join(', ')}` : ''}`);
  const outDir = join(root, '.bench');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `tui-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(outFile, JSON.stringify({ node: process.version, windowSeconds: WINDOW_S, longSeconds: LONG_S, loads, results }, null, 2));
  console.log(`raw figures: ${outFile}`);
}

await main();

#!/usr/bin/env node
// npm run bench:servers: our two MCP servers beside the peer @notionhq/notion-mcp-server, in one run, interleaved
// (each round starts every server in turn, the order rotating from round to round), medians over the rounds.
//
// Per server and round: start to ready (spawn -> first HTTP answer, and the CPU the process used until then, which
// a loaded machine does not inflate as much), idle RSS (1 s after ready), the first session (initialize and
// initialized, 1 s after ready: the SDK and tools our servers load after listening are in by then), tools/list
// latency p50/p99 and server CPU per tools/list (utime+stime from /proc/PID/stat over N calls in one session),
// RSS 2 s and 10 s after 300 sessions were opened (initialize) and abandoned (no DELETE).
// The peer is installed by this script into a temp dir (npm install --prefix), never a dependency of the project.
// Then, for our servers (bench/servers-lifecycle.mjs): the cost of rebuilding a session, calls across a
// `pm2 restart`, tools/list throughput with 1 and 2 cluster workers, and calls lost in a rolling `pm2 reload`.
//   BENCH_ROUNDS (default 3), BENCH_CALLS (tools/list calls per round, default 1000), BENCH_PEER_DIR,
//   BENCH_ONLY (a name part: that server and the peer), BENCH_LIFECYCLE=0 (skip the lifecycle part),
//   BENCH_CONCURRENCY (clients in the cluster runs, default 8), BENCH_SECONDS (per cluster run, default 5), --json
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { setTimeout, clearTimeout } from 'node:timers';
import { clusterScaling, createMcpClient, rebuildCost, restartWait } from './servers-lifecycle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const ABANDONED = 300;
const PEER = '@notionhq/notion-mcp-server@2.5';
const peerDir = process.env.BENCH_PEER_DIR ?? join(tmpdir(), 'gakuco-bench-peer');
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const apiKey = randomBytes(16).toString('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function ensureBuilt() {
  const entries = ['dist/servers/notion/index.js', 'dist/servers/google-calendar/index.js'];
  if (!entries.every((e) => existsSync(join(root, e)))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  }
}

function ensurePeer() {
  const cli = join(peerDir, 'node_modules', '@notionhq', 'notion-mcp-server', 'bin', 'cli.mjs');
  if (!existsSync(cli)) {
    mkdirSync(peerDir, { recursive: true });
    process.stderr.write(`installing ${PEER} into ${peerDir} (npm install --prefix; needs the npm registry)...\n`);
    execFileSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', '--no-save', PEER], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const version = JSON.parse(readFileSync(join(dirname(cli), '..', 'package.json'), 'utf8')).version;
  return { cli, version };
}

/** Our servers run with the node_args PM2 gives them in ecosystem.config.js (BENCH_NODE_ARGS overrides). */
async function nodeArgsOf(name) {
  if (process.env.BENCH_NODE_ARGS !== undefined) return process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean);
  const { apps } = await import(pathToFileURL(join(root, 'ecosystem.config.js')).href);
  const args = apps.find((app) => app.name === name)?.node_args ?? [];
  return Array.isArray(args) ? args : String(args).split(' ').filter(Boolean);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function http(port, { method = 'POST', path = '/mcp', headers = {}, body, agent }) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers, agent: agent ?? false },
      (res) => {
        const parts = [];
        res.on('data', (c) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const mcp = createMcpClient(apiKey);
const mcpHeaders = mcp.headers;
const initialize = mcp.initialize;
const openSession = (port, agent) => mcp.open(port, agent);

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of stat)
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(server) {
  const port = await freePort();
  const { command, args, env } = server.launch(port);
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    let readyMs = null;
    let readyCpuMs = null;
    while (readyMs === null) {
      if (child.exitCode !== null) throw new Error(`${server.name} exited: ${stderr.slice(0, 300)}`);
      try {
        await http(port, { method: 'GET', path: '/mcp' });
        readyMs = performance.now() - started;
        readyCpuMs = cpuTicks(child.pid) * (1000 / CLK_TCK);
      } catch {
        await sleep(2);
      }
      if (performance.now() - started > 20_000) throw new Error(`${server.name} not ready after 20 s`);
    }
    await sleep(1_000);
    const idleRss = rssMb(child.pid);

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const initStarted = performance.now();
    const session = await openSession(port, agent);
    const firstSessionMs = performance.now() - initStarted;
    const list = (i) =>
      http(port, {
        headers: mcpHeaders(session),
        body: JSON.stringify({ jsonrpc: '2.0', id: 100 + i, method: 'tools/list' }),
        agent,
      });
    const first = await list(0);
    if (first.status !== 200 || !first.text.includes('"tools"')) {
      throw new Error(`${server.name} tools/list: ${first.status} ${first.text.slice(0, 200)}`);
    }
    const toolsListBytes = Buffer.byteLength(first.text);
    for (let i = 0; i < 50; i += 1) await list(i);
    const latencies = [];
    const cpuBefore = cpuTicks(child.pid);
    for (let i = 0; i < CALLS; i += 1) {
      const t = performance.now();
      const res = await list(i);
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${server.name} tools/list ${res.status}`);
    }
    const cpuMsPerCall = ((cpuTicks(child.pid) - cpuBefore) * (1000 / CLK_TCK)) / CALLS;
    latencies.sort((a, b) => a - b);
    agent.destroy();

    for (let i = 0; i < ABANDONED; i += 10) {
      await Promise.all(Array.from({ length: 10 }, () => http(port, { headers: mcpHeaders(), body: initialize })));
    }
    await sleep(2_000);
    const rssAfterAbandoned = rssMb(child.pid);
    await sleep(8_000);
    const rssAfterAbandoned10s = rssMb(child.pid);
    return {
      readyMs,
      readyCpuMs,
      idleRss,
      firstSessionMs,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuMsPerCall,
      rssAfterAbandoned,
      rssAfterAbandoned10s,
      toolsListBytes,
    };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts one of our servers with a cap of one session, so that two sessions used in turn rebuild on every call. */
async function measureRebuild(server) {
  const port = await freePort();
  const { command, args, env } = server.launch(port);
  const child = spawn(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, MCP_MAX_SESSIONS: '1', MCP_RATE_LIMIT: '0' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (let waited = 0; ; waited += 10) {
      try {
        await http(port, { method: 'GET', path: '/health' });
        break;
      } catch {
        if (waited > 20_000) throw new Error(`${server.name} not ready`);
        await sleep(10);
      }
    }
    await sleep(1_000);
    return await rebuildCost({ client: mcp, port, pid: child.pid, clkTck: CLK_TCK, calls: Math.min(CALLS, 500) });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  ensureBuilt();
  const peer = ensurePeer();
  const notionArgs = await nodeArgsOf('notion-mcp');
  const calendarArgs = await nodeArgsOf('google-calendar-mcp');
  const servers = [
    {
      name: 'notion-mcp (ours)',
      launch: (port) => ({
        command: process.execPath,
        args: [...notionArgs, join(root, 'dist/servers/notion/index.js')],
        env: { PORT: String(port), MCP_API_KEY: apiKey, NOTION_TOKEN: 'ntn_bench_not_a_real_token' },
      }),
    },
    {
      name: 'google-calendar-mcp (ours)',
      launch: (port) => ({
        command: process.execPath,
        args: [...calendarArgs, join(root, 'dist/servers/google-calendar/index.js')],
        env: {
          PORT: String(port),
          MCP_API_KEY: apiKey,
          GOOGLE_CLIENT_ID: 'bench.apps.googleusercontent.com',
          GOOGLE_CLIENT_SECRET: 'bench-secret',
          GOOGLE_REFRESH_TOKEN: 'bench-refresh',
          GOOGLE_TOKEN_FILE: join(tmpdir(), 'gakuco-bench-no-token.json'),
        },
      }),
    },
    {
      name: `@notionhq/notion-mcp-server ${peer.version} (peer)`,
      peer: true,
      launch: (port) => ({
        command: process.execPath,
        args: [peer.cli, '--transport', 'http', '--port', String(port), '--auth-token', apiKey],
        env: { NOTION_TOKEN: 'ntn_bench_not_a_real_token' },
      }),
    },
  ];
  const only = process.env.BENCH_ONLY;
  if (only) servers.splice(0, servers.length, ...servers.filter((s) => s.peer || s.name.includes(only)));
  const results = new Map(servers.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length]);
    for (const server of order) {
      process.stderr.write(`round ${round + 1}/${ROUNDS}: ${server.name}\n`);
      results.get(server.name).push(await measure(server));
    }
  }
  const summary = servers.map((server) => {
    const runs = results.get(server.name);
    const pick = (key) => median(runs.map((r) => r[key]));
    return {
      name: server.name,
      peer: Boolean(server.peer),
      readyMs: pick('readyMs'),
      readyCpuMs: pick('readyCpuMs'),
      idleRssMb: pick('idleRss'),
      firstSessionMs: pick('firstSessionMs'),
      rssAfter300Mb: pick('rssAfterAbandoned'),
      rssAfter300At10sMb: pick('rssAfterAbandoned10s'),
      p50Ms: pick('p50'),
      p99Ms: pick('p99'),
      cpuMsPerToolsList: pick('cpuMsPerCall'),
      toolsListKb: pick('toolsListBytes') / 1024,
    };
  });
  const peerRow = summary.find((s) => s.peer);
  for (const row of summary) {
    row.cpuVsPeer = row.cpuMsPerToolsList / peerRow.cpuMsPerToolsList;
    row.targets = row.peer
      ? null
      : {
          startLe250ms: row.readyMs <= 250,
          idleRssLe70Mb: row.idleRssMb <= 70,
          cpuLe05xPeer: row.cpuVsPeer <= 0.5,
          rssAfter300LeIdlePlus30Mb: row.rssAfter300Mb <= row.idleRssMb + 30,
          rssAfter300At10sLeIdlePlus30Mb: row.rssAfter300At10sMb <= row.idleRssMb + 30,
        };
  }
  const lifecycle = process.env.BENCH_LIFECYCLE === '0' ? null : await measureLifecycle(servers.filter((s) => !s.peer));
  if (process.argv.includes('--json')) {
    const machine = { cpus: cpus().length, loadavg: loadavg() };
    const report = { rounds: ROUNDS, calls: CALLS, node: process.version, machine, summary, lifecycle };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const f = (n, d = 1) => n.toFixed(d);
  const mark = (ok) => (ok === undefined ? '' : ok ? ' ok' : ' MISS');
  const header = ['server', 'start ms', 'start CPU ms', 'idle RSS MB', '1st session ms', 'RSS 300 sess +2s', 'RSS 300 sess +10s', 'list p50 ms', 'list p99 ms', 'CPU ms/list', 'vs peer', 'list KB'];
  const rows = summary.map((r) => [
    r.name,
    f(r.readyMs, 0) + mark(r.targets?.startLe250ms),
    f(r.readyCpuMs, 0),
    f(r.idleRssMb) + mark(r.targets?.idleRssLe70Mb),
    f(r.firstSessionMs, 0),
    f(r.rssAfter300Mb) + mark(r.targets?.rssAfter300LeIdlePlus30Mb),
    f(r.rssAfter300At10sMb) + mark(r.targets?.rssAfter300At10sLeIdlePlus30Mb),
    f(r.p50Ms, 2),
    f(r.p99Ms, 2),
    f(r.cpuMsPerToolsList, 3),
    f(r.cpuVsPeer, 2) + 'x' + mark(r.targets?.cpuLe05xPeer),
    f(r.toolsListKb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `MCP servers, ${ROUNDS} rounds interleaved, medians; ${CALLS} tools/list per round; Node ${process.version}; ` +
      `${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('targets: start <= 250 ms, idle RSS <= 70 MB, RSS after 300 abandoned sessions <= idle + 30 MB, CPU per tools/list <= 0.5x the peer');
  if (lifecycle !== null) printLifecycle(lifecycle, f, mark);
}

async function measureLifecycle(ours) {
  const rebuild = [];
  for (const server of ours) {
    process.stderr.write(`rebuild cost: ${server.name}\n`);
    rebuild.push({ name: server.name, ...(await measureRebuild(server)) });
  }
  process.stderr.write('calls across pm2 restart (notion-mcp, fork mode)\n');
  const restart = await restartWait({ root, apiKey, port: await freePort() });
  process.stderr.write('cluster: 1 vs 2 workers, rolling reload (notion-mcp)\n');
  const cluster = await clusterScaling({
    root,
    apiKey,
    port: await freePort(),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
  });
  return { rebuild, restart, cluster };
}

function printLifecycle({ rebuild, restart, cluster }, f, mark) {
  console.log('');
  for (const r of rebuild) {
    console.log(
      `rebuild a session, ${r.name}: +${f(r.extraMs, 2)} ms latency (p50 ${f(r.rebuildP50Ms, 2)} vs ${f(r.heldP50Ms, 2)} ms held), ` +
        `+${f(r.extraCpuMs, 2)} ms server CPU${mark(r.extraMs < 5)}`,
    );
  }
  console.log(
    `pm2 restart (fork), one client calling back to back: ${restart.calls} calls, ${restart.failures} failed (connection errors in the gap), ` +
      `longest wait ${f(restart.longestWaitMs, 0)} ms, port answering -> next answer ` +
      `${restart.portBackToAnswerMs === null ? 'n/a' : `${f(restart.portBackToAnswerMs, 0)} ms`}`,
  );
  console.log(
    `cluster tools/list throughput: 1 worker ${f(cluster.workers1.perSecond, 0)}/s, 2 workers ${f(cluster.workers2.perSecond, 0)}/s ` +
      `= ${f(cluster.speedup, 2)}x${mark(cluster.speedup >= 1.6)} (failures ${cluster.workers1.failures + cluster.workers2.failures})`,
  );
  console.log(
    `cluster ping throughput (the whole SDK path): 1 worker ${f(cluster.pingWorkers1.perSecond, 0)}/s, ` +
      `2 workers ${f(cluster.pingWorkers2.perSecond, 0)}/s = ${f(cluster.pingSpeedup, 2)}x${mark(cluster.pingSpeedup >= 1.6)} ` +
      `(failures ${cluster.pingWorkers1.failures + cluster.pingWorkers2.failures})`,
  );
  console.log(
    `rolling pm2 reload, 2 workers: ${cluster.reload.calls} calls during ${f(cluster.reload.reloadMs, 0)} ms, ` +
      `${cluster.reload.failures} failed${mark(cluster.reload.failures === 0)}`,
  );
  console.log('targets: rebuild < 5 ms, 2 workers >= 1.6x one, a rolling reload costs no call');
}

await main();

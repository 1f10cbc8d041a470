// The lifecycle half of `npm run bench:servers` (issue 7): what a client sees when the server restarts, how the
// servers scale with cluster workers, and what rebuilding a session costs. Each server runs under a real PM2 daemon
// in a private PM2_HOME (killed afterwards), started from ecosystem.config.js with the key in a 0600 env file.
//
//   restart: one client calls tools/list back to back in one session (never re-initializing) while
//            `pm2 restart notion-mcp` (fork mode) runs: failed calls, the longest wait between two answers, and
//            from the port answering again to the client's next answer.
//   cluster: tools/list throughput with MCP_INSTANCES=1 and 2 (BENCH_CONCURRENCY clients, each its own session
//            and keep-alive connection, for BENCH_SECONDS), then calls lost during a rolling `pm2 reload`.
//   rebuild: with MCP_MAX_SESSIONS=1, two sessions used in turn evict each other, so every call rebuilds a session;
//            its extra latency and server CPU over calls in a held session.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const PM2 = join(require.resolve('pm2/package.json'), '..', 'bin', 'pm2');

function http(port, { method = 'POST', path = '/mcp', headers = {}, body, agent }) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: agent ?? false }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(parts).toString() }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

function pm2Home(root, apiKey, env) {
  const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-pm2-'));
  const envFile = join(home, 'mcp.env');
  writeFileSync(envFile, `MCP_API_KEY=${apiKey}\n`, { mode: 0o600 });
  const base = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', MCP_ENV_FILE: envFile, MCP_LOG_DIR: join(home, 'logs'), ...env };
  for (const name of ['MCP_API_KEY', 'NOTION_TOKEN']) delete base[name];
  const pm2 = (args, extra = {}) =>
    new Promise((resolve) => {
      execFile(process.execPath, [PM2, ...args], { cwd: root, env: { ...base, ...extra }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout: String(stdout), stderr: String(stderr) }),
      );
    });
  const kill = async () => {
    await pm2(['kill']);
    rmSync(home, { recursive: true, force: true });
  };
  return { home, pm2, kill };
}

export function createMcpClient(apiKey) {
  const headers = (sessionId) => ({
    accept: 'application/json, text/event-stream',
    'content-type': 'application/json',
    authorization: `Bearer ${apiKey}`,
    ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' } : {}),
  });
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } },
  });
  const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
  const ping = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' });
  return {
    headers,
    initialize,
    async open(port, agent) {
      const res = await http(port, { headers: headers(), body: initialize, agent });
      const id = res.headers['mcp-session-id'];
      if (res.status !== 200 || !id) throw new Error(`initialize: ${res.status} ${res.text.slice(0, 200)}`);
      await http(port, { headers: headers(id), body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), agent });
      return id;
    },
    async list(port, sessionId, agent) {
      const res = await http(port, { headers: headers(sessionId), body: list, agent });
      if (res.status !== 200 || !res.text.includes('"tools"')) throw new Error(`tools/list: ${res.status}`);
    },
    /** A ping: the smallest request that goes the whole way through the SDK's transport and protocol. */
    async ping(port, sessionId, agent) {
      const res = await http(port, { headers: headers(sessionId), body: ping, agent });
      if (res.status !== 200 || !res.text.includes('"result"')) throw new Error(`ping: ${res.status}`);
    },
  };
}

async function waitHealth(port, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await http(port, { method: 'GET', path: '/health' })).status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`port ${port} not answering`);
    await sleep(10);
  }
}

/** Calls in one session while `pm2 restart` runs. */
export async function restartWait({ root, apiKey, port }) {
  const { pm2, kill } = pm2Home(root, apiKey, { NOTION_MCP_PORT: String(port), GCAL_MCP_PORT: String(port + 1) });
  try {
    const started = await pm2(['start', 'ecosystem.config.js', '--env', 'test', '--only', 'notion-mcp']);
    if (started.code !== 0) throw new Error(started.stderr);
    await waitHealth(port);
    const client = createMcpClient(apiKey);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const session = await client.open(port, agent);
    let running = true;
    let failures = 0;
    let calls = 0;
    let lastOk = performance.now();
    let longestWait = 0;
    let portBackAt = null;
    let firstOkAfterBack = null;
    let restarting = false;
    let sawDown = false;
    const loop = (async () => {
      while (running) {
        try {
          await client.list(port, session, agent);
          const now = performance.now();
          longestWait = Math.max(longestWait, now - lastOk);
          lastOk = now;
          calls += 1;
          if (portBackAt !== null && firstOkAfterBack === null) firstOkAfterBack = now;
        } catch {
          failures += 1;
          await sleep(5);
        }
      }
    })();
    const watcher = (async () => {
      // The moment the new process answers /health (a second connection, like a monitor's probe).
      while (running && portBackAt === null) {
        if (restarting) {
          try {
            if ((await http(port, { method: 'GET', path: '/health' })).status === 200 && sawDown) portBackAt = performance.now();
          } catch {
            sawDown = true;
          }
        }
        await sleep(2);
      }
    })();
    await sleep(500);
    restarting = true;
    const restarted = await pm2(['restart', 'notion-mcp']);
    if (restarted.code !== 0) throw new Error(restarted.stderr);
    await waitHealth(port);
    await sleep(500);
    running = false;
    await Promise.all([loop, watcher]);
    agent.destroy();
    return {
      calls,
      failures,
      longestWaitMs: longestWait,
      portBackToAnswerMs: portBackAt !== null && firstOkAfterBack !== null ? Math.max(0, firstOkAfterBack - portBackAt) : null,
    };
  } finally {
    await kill();
  }
}

async function throughput(client, port, concurrency, seconds, call = 'list') {
  const workers = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      return { agent, session: await client.open(port, agent) };
    }),
  );
  let calls = 0;
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    workers.map(async ({ agent, session }) => {
      while (performance.now() < until) {
        try {
          await client[call](port, session, agent);
          calls += 1;
        } catch {
          failures += 1;
        }
      }
    }),
  );
  for (const { agent } of workers) agent.destroy();
  return { perSecond: calls / seconds, failures };
}

/**
 * tools/list and ping throughput with 1 and 2 workers, and the calls a rolling reload of 2 workers loses. A cached
 * tools/list costs a worker about what the load generator spends on it, so on 2 cores its figure is bound by the
 * client; ping goes the whole way through the SDK and shows how the workers themselves scale.
 */
export async function clusterScaling({ root, apiKey, port, concurrency, seconds }) {
  const client = createMcpClient(apiKey);
  const result = {};
  for (const instances of [1, 2]) {
    const { pm2, kill } = pm2Home(root, apiKey, {
      NOTION_MCP_PORT: String(port),
      GCAL_MCP_PORT: String(port + 1),
      MCP_INSTANCES: String(instances),
      MCP_RATE_LIMIT: '0',
    });
    try {
      const started = await pm2(['start', 'ecosystem.config.js', '--env', 'test', '--only', 'notion-mcp']);
      if (started.code !== 0) throw new Error(started.stderr);
      await waitHealth(port);
      await sleep(1_000);
      await throughput(client, port, concurrency, 1); // warm-up
      result[`workers${instances}`] = await throughput(client, port, concurrency, seconds);
      result[`pingWorkers${instances}`] = await throughput(client, port, concurrency, seconds, 'ping');
      if (instances === 2) {
        let reloading = true;
        let calls = 0;
        let failures = 0;
        const agents = [];
        const loops = await Promise.all(
          Array.from({ length: concurrency }, async () => {
            const agent = new Agent({ keepAlive: true, maxSockets: 1 });
            agents.push(agent);
            const session = await client.open(port, agent);
            // Wrapped: an async function returning the loop's promise would wait for the loop itself.
            return {
              done: (async () => {
                while (reloading) {
                  try {
                    await client.list(port, session, agent);
                    calls += 1;
                  } catch {
                    failures += 1;
                  }
                }
              })(),
            };
          }),
        );
        const started = performance.now();
        const reloaded = await pm2(['reload', 'notion-mcp']);
        const reloadMs = performance.now() - started;
        reloading = false;
        await Promise.all(loops.map((loop) => loop.done));
        for (const agent of agents) agent.destroy();
        if (reloaded.code !== 0) throw new Error(reloaded.stderr);
        result.reload = { calls, failures, reloadMs };
      }
    } finally {
      await kill();
    }
  }
  result.speedup = result.workers2.perSecond / result.workers1.perSecond;
  result.pingSpeedup = result.pingWorkers2.perSecond / result.pingWorkers1.perSecond;
  return result;
}

function cpuMs(pid, clkTck) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clkTck;
}

/**
 * Rebuild cost in a running server (pid, port, started with MCP_MAX_SESSIONS=1): calls alternating between two
 * sessions (each call rebuilds) against calls in one held session.
 */
export async function rebuildCost({ client, port, pid, clkTck, calls }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const a = await client.open(port, agent);
  const b = await client.open(port, agent);
  const run = async (pick) => {
    for (let i = 0; i < 30; i += 1) await client.list(port, pick(i), agent);
    const latencies = [];
    const cpuBefore = cpuMs(pid, clkTck);
    for (let i = 0; i < calls; i += 1) {
      const t = performance.now();
      await client.list(port, pick(i), agent);
      latencies.push(performance.now() - t);
    }
    latencies.sort((x, y) => x - y);
    return { p50: latencies[Math.floor(latencies.length / 2)], cpuMsPerCall: (cpuMs(pid, clkTck) - cpuBefore) / calls };
  };
  const held = await run(() => b);
  const rebuilding = await run((i) => (i % 2 === 0 ? a : b));
  agent.destroy();
  return {
    heldP50Ms: held.p50,
    rebuildP50Ms: rebuilding.p50,
    extraMs: rebuilding.p50 - held.p50,
    extraCpuMs: rebuilding.cpuMsPerCall - held.cpuMsPerCall,
  };
}

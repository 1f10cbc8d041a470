// The two built servers under a real PM2 daemon (private PM2_HOME), started exactly as operators do:
// `pm2 start ecosystem.config.js --env test`. Needs dist/ (`npm test` builds first; built here when missing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../helpers/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createPrivatePm2Home, isAlive, PM2_BIN, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './shared/raw-http.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ecosystem = join(root, 'ecosystem.config.js');
const KILL_TIMEOUT_MS = 10_000;
/** A fork-mode server stops in well under 1 s (a cluster worker drains for longer); the pm2 CLI's own start counts too. */
const FORK_STOP_MS = 5_000;
const apiKey = randomBytes(24).toString('hex');

let home: PrivatePm2Home;
let logDir: string;
let elsewhere: string;
const ports = { notion: 0, gcal: 0 };

interface Pm2Proc {
  name: string;
  pid: number;
  pm2_env: {
    status: string;
    exit_code?: number;
    restart_time: number;
    axm_monitor?: Record<string, { value: unknown }>;
    kill_timeout?: number;
  };
}

/** Ports, env file (only the key) and log dir for this test; no credentials, so both servers run "degraded". */
function startEnv(): NodeJS.ProcessEnv {
  const envFile = join(elsewhere, 'mcp.env');
  writeFileSync(envFile, `MCP_API_KEY=${apiKey}\n`, { mode: 0o600 });
  return {
    NOTION_MCP_PORT: String(ports.notion),
    GCAL_MCP_PORT: String(ports.gcal),
    MCP_LOG_DIR: logDir,
    MCP_ENV_FILE: envFile,
    NOTION_TOKEN: '',
    GOOGLE_CLIENT_ID: '',
    GOOGLE_APPLICATION_CREDENTIALS: '',
    GOOGLE_TOKEN_FILE: join(elsewhere, 'no-token.json'),
  };
}

async function jlist(): Promise<Pm2Proc[]> {
  const result = await home.pm2(['jlist']);
  return JSON.parse(result.stdout) as Pm2Proc[];
}

async function health(port: number): Promise<Record<string, unknown> | null> {
  try {
    const res = await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path: '/health' });
    return res.status === 200 ? (res.json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function connect(port: number): Promise<Client> {
  const client = new Client({ name: 'pm2-test', version: '0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
      requestInit: { headers: { 'x-api-key': apiKey } },
    }),
  );
  return client;
}

beforeAll(async () => {
  const entries = ['dist/servers/notion/index.js', 'dist/servers/google-calendar/index.js'];
  if (!entries.every((entry) => existsSync(join(root, entry)))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  }
  home = createPrivatePm2Home('gakuco-pm2-servers-');
  logDir = join(home.home, 'logs');
  elsewhere = mkdtempSync(join(tmpdir(), 'gakuco-cwd-'));
  ports.notion = await freePort();
  ports.gcal = await freePort();
});

afterAll(async () => {
  await home?.cleanup();
  if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
});

describe('under PM2', () => {
  it('`pm2 start ecosystem.config.js --env test` from another directory brings both online with /health', async () => {
    const started = await home.pm2(['start', ecosystem, '--env', 'test'], { cwd: elsewhere, env: startEnv() });
    expect(started.code, started.stderr).toBe(0);
    const list = await jlist();
    expect(list.map((p) => [p.name, p.pm2_env.status]).sort()).toEqual([
      ['google-calendar-mcp', 'online'],
      ['notion-mcp', 'online'],
    ]);
    const notion = await waitFor(() => health(ports.notion), 'notion-mcp /health');
    const gcal = await waitFor(() => health(ports.gcal), 'google-calendar-mcp /health');
    expect(notion).toMatchObject({ service: 'notion-mcp', upstream: { configured: false } });
    expect(gcal).toMatchObject({ service: 'google-calendar-mcp', upstream: { configured: false } });
    expect(readFileSync(join(logDir, 'notion-mcp-out.log'), 'utf8')).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d: notion-mcp .* listening on http:\/\/127\.0\.0\.1:\d+\/mcp \(API key required/m,
    );
  });

  it('publishes the custom metrics to PM2', async () => {
    const client = await connect(ports.notion);
    await client.listTools();
    const metrics = await waitFor(async () => {
      const proc = (await jlist()).find((p) => p.name === 'notion-mcp');
      const monitor = proc?.pm2_env.axm_monitor ?? {};
      return monitor['Open sessions'] && Number(monitor['Open sessions'].value) >= 1 ? monitor : null;
    }, 'axm_monitor metrics');
    expect(Object.keys(metrics)).toEqual(
      expect.arrayContaining(['Open sessions', 'Requests/min', 'Tool errors', 'Upstream latency']),
    );
    expect(Number(metrics['Requests/min']!.value)).toBeGreaterThanOrEqual(2);
    await client.close();
  });

  it('after `pm2 restart`, an old session id still works (rebuilt from the id) and a fresh client works too', async () => {
    const init = await rawRequest(`http://127.0.0.1:${ports.notion}`, {
      headers: { ...MCP_ACCEPT, 'x-api-key': apiKey },
      body: initializeBody(),
    });
    expect(init.status).toBe(200);
    const oldSession = String(init.headers['mcp-session-id']);
    const before = (await jlist()).find((p) => p.name === 'notion-mcp')!;

    const restarted = await home.pm2(['restart', 'notion-mcp']);
    expect(restarted.code, restarted.stderr).toBe(0);
    // With wait_ready, `pm2 restart` returns once the new process has said it listens.
    const after = (await jlist()).find((p) => p.name === 'notion-mcp')!;
    expect(after.pm2_env.status).toBe('online');
    expect(after.pid).not.toBe(before.pid);
    expect(after.pm2_env.restart_time).toBe(before.pm2_env.restart_time + 1);
    await waitFor(() => health(ports.notion), 'notion-mcp /health after restart');

    const stale = await rawRequest(`http://127.0.0.1:${ports.notion}`, {
      headers: { ...MCP_ACCEPT, 'x-api-key': apiKey, 'mcp-session-id': oldSession },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(stale.status).toBe(200);
    expect((stale.json as { result: { tools: unknown[] } }).result.tools.length).toBeGreaterThan(0);
    const fresh = await connect(ports.notion);
    expect((await fresh.listTools()).tools.length).toBeGreaterThan(0);
    await fresh.close();
  });

  it('`pm2 stop` ends both with exit code 0 inside kill_timeout, sessions open', async () => {
    const clients = [await connect(ports.notion), await connect(ports.gcal)];
    const pids = (await jlist()).map((p) => p.pid);
    expect(pids.every((pid) => pid > 0 && isAlive(pid))).toBe(true);
    const started = Date.now();
    const stopped = await home.pm2(['stop', 'all']);
    const elapsed = Date.now() - started;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(elapsed).toBeLessThan(FORK_STOP_MS);
    const list = await jlist();
    for (const proc of list) {
      expect(proc.pm2_env.status).toBe('stopped');
      expect(proc.pm2_env.exit_code).toBe(0);
      expect(proc.pm2_env.kill_timeout).toBe(KILL_TIMEOUT_MS);
    }
    expect(pids.some((pid) => isAlive(pid))).toBe(false);
    for (const name of ['notion-mcp', 'google-calendar-mcp']) {
      const out = readFileSync(join(logDir, `${name}-out.log`), 'utf8');
      expect(out).toMatch(new RegExp(`${name}: SIGINT received, shutting down[\\s\\S]*${name}: stopped`));
      expect(out + readFileSync(join(logDir, `${name}-error.log`), 'utf8')).not.toContain(apiKey);
    }
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
  });

  it('scripts/start-mcp-servers.sh --env test, run from another directory, replaces both, shows status, saves', async () => {
    const script = join(root, 'scripts', 'start-mcp-servers.sh');
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'bash',
        [script, '--env', 'test'],
        { cwd: elsewhere, env: { ...home.env, ...startEnv(), PM2_CLI: PM2_BIN }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/notion-mcp[\s\S]*google-calendar-mcp|google-calendar-mcp[\s\S]*notion-mcp/);
    const list = await jlist();
    expect(list.map((p) => [p.name, p.pm2_env.status]).sort()).toEqual([
      ['google-calendar-mcp', 'online'],
      ['notion-mcp', 'online'],
    ]);
    expect(existsSync(join(home.home, 'dump.pm2'))).toBe(true);
    await waitFor(() => health(ports.notion), 'notion-mcp /health');
    await waitFor(() => health(ports.gcal), 'google-calendar-mcp /health');
  });
});

// What the servers publish to PM2 (src/servers/shared/pm2-metrics.ts), as deployed: the built servers under a real
// PM2 daemon, read back through pm2's own process list (pm2_env.axm_monitor / axm_actions) after real MCP calls, and
// the actions run through `pm2 trigger` (PM2's msgProcess RPC, the reply over its bus): the reply arrives and the
// thing is done. No secret in a metric, a reply or a log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEED } from '../../fakes/notion-api.js';
import { PM2_BIN, waitFor } from '../../helpers/pm2-home.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from '../shared/raw-http.js';
import { createDeployment, ECOSYSTEM, type Deployment } from './deployment.js';
import { ACTION_NAMES, METRIC_NAMES } from '../../../src/servers/shared/pm2-metrics.js';

let d: Deployment;
let client: Client;

beforeAll(async () => {
  d = await createDeployment('gakuco-pm2-axm-', { MCP_RATE_LIMIT: '1', MCP_RATE_BURST: '8' });
  const started = await d.home.pm2(['start', ECOSYSTEM, '--env', 'test'], { env: d.startEnv });
  expect(started.code, started.stderr).toBe(0);
  await d.waitOnline('notion-mcp', d.ports.notion);
  await d.waitOnline('google-calendar-mcp', d.ports.gcal);
  client = await d.connect(d.ports.notion);
}, 60_000);

afterAll(async () => {
  await d?.cleanup();
});

type Monitor = Record<string, { value: unknown; unit?: string }>;

async function notionEnv(): Promise<{ axm_monitor?: Monitor; axm_actions?: { action_name: string }[] }> {
  const proc = (await d.jlist()).find((p) => p.name === 'notion-mcp');
  return (proc?.pm2_env ?? {}) as { axm_monitor?: Monitor; axm_actions?: { action_name: string }[] };
}

const value = (monitor: Monitor | undefined, name: string): unknown => monitor?.[name]?.value;

/**
 * `pm2 trigger notion-mcp ACTION [PARAM]`: the reply pm2 prints as [name:id:namespace]={json}. Read as soon as that
 * line is printed, then the CLI is ended: pm2 7.0.4's trigger counts replies against the number of processes the
 * daemon's msgProcess answer reports, and when the app's reply on the bus comes before that answer (a loaded
 * machine), it prints the reply and then waits forever (lib/API/Extra.js, `++counter == process_wait_count`).
 */
async function trigger(action: string, param?: string): Promise<Record<string, unknown>> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [PM2_BIN, 'trigger', 'notion-mcp', action, ...(param === undefined ? [] : [param])], {
      env: d.home.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pm2 trigger printed no reply in ${TRIGGER_TIMEOUT_MS} ms: ${out} ${err}`));
    }, TRIGGER_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve(out);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (REPLY_LINE.test(out)) {
        child.kill();
        done();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => (code === 0 || REPLY_LINE.test(out) ? done() : (clearTimeout(timer), reject(new Error(`pm2 trigger exited ${code}: ${err}`)))));
  });
  const json = REPLY_LINE.exec(stdout)?.[1];
  expect(json, stdout).toBeDefined();
  assertNoSecret(stdout);
  return JSON.parse(json!) as Record<string, unknown>;
}

const TRIGGER_TIMEOUT_MS = 20_000;
const REPLY_LINE = /\[notion-mcp:\d+:[^\]]*\]=(\{.*\})\s*$/m;

function assertNoSecret(text: string): void {
  for (const secret of [SEED.token, d.apiKey]) expect(text).not.toContain(secret);
}

const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

describe('metrics in pm2_env.axm_monitor', () => {
  it('move after real MCP calls: sessions, tool calls and failures per minute, upstream latency, refusals', async () => {
    for (let i = 0; i < 3; i += 1) expect((await call('notion_search', { query: 'project' })).isError).toBeFalsy();
    expect((await call('notion_get_page', { page_id: 'not an id' })).isError).toBe(true);
    const monitor = await waitFor(async () => {
      const m = (await notionEnv()).axm_monitor;
      return Number(value(m, METRIC_NAMES.toolCallsPerMinute)) >= 4 && typeof value(m, METRIC_NAMES.upstreamLatency) === 'number'
        ? m
        : null;
    }, 'the metrics to reach PM2', 15_000);
    expect(Number(value(monitor, METRIC_NAMES.openSessions))).toBeGreaterThanOrEqual(1);
    expect(Number(value(monitor, METRIC_NAMES.toolFailuresPerMinute))).toBeGreaterThanOrEqual(1);
    expect(Number(value(monitor, METRIC_NAMES.toolErrors))).toBeGreaterThanOrEqual(1);
    expect(Number(value(monitor, METRIC_NAMES.requestsPerMinute))).toBeGreaterThanOrEqual(4);
    expect(monitor[METRIC_NAMES.upstreamLatency]?.unit).toBe('ms');
    assertNoSecret(JSON.stringify(monitor));
  });
});

describe('actions in pm2_env.axm_actions, run by pm2 trigger', () => {
  it('lists both actions', async () => {
    const actions = await waitFor(async () => (await notionEnv()).axm_actions ?? null, 'axm_actions', 10_000);
    // Beside PM2's own (km:heapdump, ...).
    expect(actions.map((a) => a.action_name)).toEqual(expect.arrayContaining(Object.values(ACTION_NAMES)));
  });

  it('"close idle sessions" closes sessions with nothing running and says how many', async () => {
    const headers = { ...MCP_ACCEPT, 'x-api-key': d.apiKey };
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await rawRequest(`http://127.0.0.1:${d.ports.notion}`, { headers, body: initializeBody() });
      expect(res.status).toBe(200);
      ids.push(String(res.headers['mcp-session-id']));
    }
    const before = (await d.health(d.ports.notion))!.sessions as number;
    expect(before).toBeGreaterThanOrEqual(4); // the client's (its GET stream open) and the three
    const reply = await trigger(ACTION_NAMES.closeIdleSessions, '0');
    expect(reply).toMatchObject({ ok: true });
    expect(reply.closed).toBeGreaterThanOrEqual(3);
    expect((await d.health(d.ports.notion))!.sessions).toBe(reply.open);
    expect(reply.open).toBe(before - (reply.closed as number));
    // The client that held its stream is still served; a closed id is rebuilt on its next request.
    expect((await call('notion_search', { query: 'project' })).isError).toBeFalsy();
    const again = await rawRequest(`http://127.0.0.1:${d.ports.notion}`, {
      headers: { ...headers, 'mcp-session-id': ids[0]!, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(again.status).toBe(200);
    expect(await trigger(ACTION_NAMES.closeIdleSessions, 'soon')).toMatchObject({ ok: false });
  });

  it('"re-read credentials" applies the env file as it is now, to the sessions already open', async () => {
    const envFile = d.startEnv.MCP_ENV_FILE!;
    const original = readFileSync(envFile, 'utf8');
    try {
      writeFileSync(envFile, original.replace(/^NOTION_TOKEN=.*\n/m, ''), { mode: 0o600 });
      const without = await trigger(ACTION_NAMES.rereadCredentials);
      expect(without).toMatchObject({ ok: true, file: envFile, configured: false, missing: ['NOTION_TOKEN'] });
      const refused = await call('notion_search', { query: 'project' });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('NOTION_TOKEN is not set');
      expect((await d.health(d.ports.notion))!.upstream).toMatchObject({ configured: false });
    } finally {
      writeFileSync(envFile, original, { mode: 0o600 });
    }
    const back = await trigger(ACTION_NAMES.rereadCredentials);
    expect(back).toMatchObject({ ok: true, configured: true, missing: [] });
    expect(back.fromFile).toContain('NOTION_TOKEN');
    expect((await call('notion_search', { query: 'project' })).isError).toBeFalsy();
    for (const log of ['notion-mcp-out.log', 'notion-mcp-error.log']) assertNoSecret(readFileSync(join(d.logDir, log), 'utf8'));
  });
});

// Last in the file: it empties the key's bucket (burst 8 at 1/s), and a test after it would be refused until it refills.
describe('refusals in pm2_env.axm_monitor', () => {
  it('counts calls past the burst, refused with 429', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => call('notion_list_users', {}).then(() => 'ok', () => 'refused')));
    expect(burst).toContain('refused');
    const monitor = await waitFor(async () => {
      const m = (await notionEnv()).axm_monitor;
      return Number(value(m, METRIC_NAMES.rateLimited)) >= 1 ? m : null;
    }, 'the refusals to reach PM2', 15_000);
    assertNoSecret(JSON.stringify(monitor));
  });
});

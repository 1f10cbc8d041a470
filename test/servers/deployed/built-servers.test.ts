// Both servers as PM2 runs them (deployment.ts: the built dist entries from ecosystem.config.js, credentials from
// the 0600 env file, the fake Notion and Google APIs): every tool answers through the SDK client; one client that
// never re-initializes keeps working across `pm2 restart`, `pm2 reload`, a crash and autorestart, and eviction by
// 300 other sessions; forged ids get 404, a wrong key 401; too many tool calls get 429 with Retry-After.
// MCP_MAX_SESSIONS=1, so any other session evicts a client's: each case exercises rebuilding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEED } from '../../fakes/notion-api.js';
import { waitFor } from '../../helpers/pm2-home.js';
import { TEAM } from '../../fakes/google-calendar-api.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from '../shared/raw-http.js';
import { createDeployment, ECOSYSTEM, type Deployment } from './deployment.js';

let d: Deployment;

beforeAll(async () => {
  d = await createDeployment('gakuco-pm2-built-', { MCP_MAX_SESSIONS: '1', MCP_RATE_LIMIT: '2', MCP_RATE_BURST: '40' });
  const started = await d.home.pm2(['start', ECOSYSTEM, '--env', 'test'], { env: d.startEnv });
  expect(started.code, started.stderr).toBe(0);
  await d.waitOnline('notion-mcp', d.ports.notion);
  await d.waitOnline('google-calendar-mcp', d.ports.gcal);
}, 60_000);

afterAll(async () => {
  await d?.cleanup();
});

/** One call per tool, with arguments the fakes answer successfully. A tool with no case here fails the test. */
const NOTION_CALLS: Record<string, Record<string, unknown>> = {
  notion_search: { query: 'project' },
  notion_get_page: { page_id: SEED.page },
  notion_read_page: { page_id: SEED.page },
  notion_query_database: { database_id: SEED.database },
  notion_create_page: { parent_page_id: SEED.page, title: 'Made under PM2', markdown: 'hello' },
  notion_update_page: { page_id: SEED.task1, properties: { Status: 'Done' } },
  notion_append_content: { page_id: SEED.emptyPage, markdown: '- one\n- two' },
  notion_list_comments: { page_id: SEED.page },
  notion_add_comment: { page_id: SEED.emptyPage, text: 'from PM2' },
  notion_list_users: {},
  notion_get_database: { database_id: SEED.database },
  notion_update_block: { block_id: SEED.heading, markdown: 'Aims' },
  notion_delete_block: { block_id: SEED.code },
  notion_replace_content: { page_id: SEED.emptyPage, markdown: '# Replaced under PM2' },
  notion_move_page: { page_id: SEED.childPage, parent_page_id: SEED.emptyPage },
};
const CALENDAR_CALLS: Record<string, Record<string, unknown>> = {
  calendar_get_current_time: {},
  calendar_list_calendars: {},
  calendar_list_colors: {},
  calendar_list_events: { timeMin: '2025-06-01', timeMax: '2025-06-08' },
  calendar_get_event: { eventId: 'lunch' },
  calendar_find_free_busy: { timeMin: '2025-06-03', timeMax: '2025-06-04', calendarIds: ['primary', TEAM] },
  calendar_create_event: { summary: 'Made under PM2', start: '2025-06-20T10:00', end: '2025-06-20T11:00' },
  calendar_update_event: { eventId: 'lunch', location: 'Ebisu' },
  calendar_respond_to_event: { eventId: 'review', response: 'accepted' },
  calendar_delete_event: { eventId: 'offsite' },
};

async function callEvery(client: Client, calls: Record<string, Record<string, unknown>>): Promise<void> {
  const names = (await client.listTools()).tools.map((tool) => tool.name).sort();
  expect(names).toEqual(Object.keys(calls).sort());
  for (const [name, args] of Object.entries(calls)) {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBeFalsy();
  }
}

function outLog(name: string): string {
  return readFileSync(join(d.logDir, `${name}-out.log`), 'utf8');
}

describe('the built servers under PM2', () => {
  it('every tool of both servers answers through the SDK client; nothing fails inside a server', async () => {
    await callEvery(await d.connect(d.ports.notion), NOTION_CALLS);
    await callEvery(await d.connect(d.ports.gcal), CALENDAR_CALLS);
    for (const [name, port] of [['notion-mcp', d.ports.notion], ['google-calendar-mcp', d.ports.gcal]] as const) {
      expect(await d.health(port)).toMatchObject({ status: 'ok', internal_errors: 0, upstream: { configured: true } });
      expect(outLog(name)).toMatch(/POST \/mcp tools\/call tool=\w+ 200 ok \d+ms/);
      expect(outLog(name)).not.toMatch(/ (error|internal-error) \d+ms/);
    }
    expect(d.calendar.requestsTo('token').length).toBeGreaterThanOrEqual(1);
  });

  it('one SDK client, never re-initialized, works across restart, reload, a crash and 300 other sessions', async () => {
    const client = await d.connect(d.ports.notion);
    const search = async (): Promise<void> => {
      const result = (await client.callTool({ name: 'notion_search', arguments: { query: 'project' } })) as CallToolResult;
      expect(result.isError).toBeFalsy();
    };
    await search();
    for (const action of [['restart', 'notion-mcp'], ['reload', 'notion-mcp']]) {
      const done = await d.home.pm2(action);
      expect(done.code, done.stderr).toBe(0);
      await d.waitOnline('notion-mcp', d.ports.notion);
      await search();
    }
    const [before] = await d.waitOnline('notion-mcp', d.ports.notion);
    process.kill(before!.pid, 'SIGKILL'); // a crash: PM2 restarts it (autorestart)
    const after = await waitFor(async () => {
      const proc = (await d.jlist()).find((p) => p.name === 'notion-mcp');
      const back = proc && proc.pid !== before!.pid && proc.pm2_env.status === 'online';
      return back && (await d.health(d.ports.notion)) ? proc : null;
    }, 'the autorestart after a crash', 20_000);
    expect(after.pid).not.toBe(before!.pid);
    expect(after.pm2_env.restart_time).toBeGreaterThan(before!.pm2_env.restart_time);
    await search();
    const rebuiltBefore = Number((await d.health(d.ports.notion))!.sessions_rebuilt);
    for (let i = 0; i < 300; i += 1) {
      const init = await rawRequest(`http://127.0.0.1:${d.ports.notion}`, {
        headers: { ...MCP_ACCEPT, 'x-api-key': d.apiKey },
        body: initializeBody(),
      });
      expect(init.status).toBe(200);
    }
    await search();
    const health = (await d.health(d.ports.notion))!;
    expect(health.sessions).toBe(1);
    expect(Number(health.sessions_rebuilt)).toBeGreaterThan(rebuiltBefore);
  }, 90_000);

  it('ids the server never issued or that were altered get 404; an issued id with a wrong key gets 401', async () => {
    const url = `http://127.0.0.1:${d.ports.gcal}`;
    const init = await rawRequest(url, { headers: { ...MCP_ACCEPT, 'x-api-key': d.apiKey }, body: initializeBody() });
    const id = String(init.headers['mcp-session-id']);
    const list = (sessionId: string, key = d.apiKey) =>
      rawRequest(url, {
        headers: { ...MCP_ACCEPT, 'x-api-key': key, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    const altered = id.slice(0, 5) + (id[5] === 'x' ? 'y' : 'x') + id.slice(6);
    for (const forged of ['0f8fad5b-d9cb-469f-a165-70867728950e', altered, `${id.split('.')[0]}.${'A'.repeat(22)}`]) {
      expect((await list(forged)).status, forged).toBe(404);
    }
    expect((await list(id, 'not-the-key')).status).toBe(401);
    expect((await list(id)).status).toBe(200);
  });

  it('over the tool-call rate limit: 429 with Retry-After and a JSON-RPC error at once, counted in /health', async () => {
    const url = `http://127.0.0.1:${d.ports.gcal}`;
    const headers = { ...MCP_ACCEPT, 'x-api-key': d.apiKey, 'mcp-protocol-version': '2025-06-18' };
    const init = await rawRequest(url, { headers, body: initializeBody() });
    const session = { ...headers, 'mcp-session-id': String(init.headers['mcp-session-id']) };
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        rawRequest(url, {
          headers: session,
          body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'calendar_get_current_time', arguments: {} } }),
        }),
      ),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(15);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused[0]!.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32000, message: expect.stringMatching(/^Rate limit exceeded/) } });
    expect(Number((await d.health(d.ports.gcal))!.rate_limited)).toBe(refused.length);
  });
});

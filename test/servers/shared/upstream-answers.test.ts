// Odd upstream answers, from the local fakes to the real @notionhq/client and Google client: a body over the limit
// (declared or streamed) is cut off with a tool error naming the limit, JSON cut in the middle is an error (never an
// empty success), and the built servers' peak RSS stays under 150 MB (max_memory_restart is 200M) while four calls get
// 50 MB answers at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEED, type FakeNotion } from '../../fakes/notion-api.js';
import type { FakeCalendarApi } from '../../fakes/google-calendar-api.js';
import { textOf, type NotionHarness } from '../notion/harness.js';
import { fakeEnv, serveCalendar } from '../google-calendar/harness.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';
import { builtServerEntry, type BuiltServer } from './built-entry.js';
import { startBothServers, type BothServers } from './both-servers.js';

const MB = 1024 * 1024;
let both: BothServers;
let notionApi: FakeNotion;
let calendarApi: FakeCalendarApi;
let notion: NotionHarness;
let calendar: ServiceOverHttp;

beforeAll(async () => {
  both = await startBothServers({ upstreamMaxBytes: 1 * MB });
  ({ notionApi, calendarApi, notion, calendar } = both);
});
afterAll(() => both?.close());

const calendarCall = async (): Promise<CallToolResult> =>
  (await calendar.client.callTool({ name: 'calendar_list_calendars', arguments: {} })) as CallToolResult;

describe('an answer over the limit', () => {
  it.each([false, true])('Notion (Content-Length sent: %s): a tool error naming the limit', async (declared) => {
    notionApi.addFault({ path: /^\/search/, times: 1, odd: { huge: 3 * MB, declared } });
    const result = await notion.call('notion_search', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Notion's the answer is larger than the limit of 1 MB (MCP_UPSTREAM_MAX_BYTES)");
    expect((await notion.call('notion_search', {})).isError ?? false).toBe(false);
  });

  it.each([false, true])('Google (Content-Length sent: %s): a tool error naming the limit', async (declared) => {
    calendarApi.inject({ route: 'calendarList.list', huge: 3 * MB, declared });
    const result = await calendarCall();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Google's answer is larger than the limit of 1 MB (MCP_UPSTREAM_MAX_BYTES)");
    expect((await calendarCall()).isError ?? false).toBe(false);
  });
});

describe('a token answer over the limit', () => {
  it('Google: the token request is bounded too, and the tool says so', async () => {
    const fresh = await serveCalendar(fakeEnv(calendarApi, { MCP_UPSTREAM_MAX_BYTES: String(1 * MB) }));
    try {
      calendarApi.inject({ route: 'token', huge: 3 * MB, times: 10 });
      const result = (await fresh.client.callTool({ name: 'calendar_list_calendars', arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('larger than the limit of 1 MB (MCP_UPSTREAM_MAX_BYTES)');
    } finally {
      calendarApi.clearFaults();
      await fresh.close();
    }
  });
});

describe('JSON cut off in the middle', () => {
  it('Notion: an error, not a result', async () => {
    notionApi.addFault({ path: /^\/search/, times: 1, odd: { truncated: true } });
    const result = await notion.call('notion_search', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Notion's answer is not valid JSON");
  });

  it('Google: an error, never an empty list', async () => {
    calendarApi.inject({ route: 'calendarList.list', truncated: true });
    const result = await calendarCall();
    expect(result.isError, textOf(result)).toBe(true);
    expect(textOf(result)).toContain("Google's answer is not valid JSON");
    expect(result.structuredContent).toBeUndefined();
  });
});

/** Starts a built server against its fake; resolves with its URL once it listens. */
async function startBuilt(server: BuiltServer, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [builtServerEntry(server)], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent', PORT: '0', MCP_API_KEY: 'rss-test-key-0123456789abcdef', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server} did not start: ${out}`)), 15_000);
    child.on('exit', () => reject(new Error(`${server} exited: ${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)\/mcp/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url };
}

/** Peak resident memory of a process so far (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line![1]) * 1024;
}

describe('built servers under four 50 MB answers at once', () => {
  const cases: { server: BuiltServer; tool: string; fault: () => void; env: () => Record<string, string> }[] = [
    {
      server: 'notion',
      tool: 'notion_search',
      fault: () => notionApi.addFault({ path: /^\/search/, times: 4, odd: { huge: 50 * MB } }),
      env: () => ({ NOTION_TOKEN: SEED.token, NOTION_BASE_URL: notionApi.url }),
    },
    {
      server: 'google-calendar',
      tool: 'calendar_list_calendars',
      fault: () => calendarApi.inject({ route: 'calendarList.list', times: 4, huge: 50 * MB }),
      env: () => fakeEnv(calendarApi),
    },
  ];
  it.each(cases)('$server: peak RSS stays under 150 MB (200M is the restart limit), each call a clear error', async ({ server, tool, fault, env }) => {
    const { child, url } = await startBuilt(server, env());
    try {
      const client = new Client({ name: 'rss-test', version: '0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
          requestInit: { headers: { 'x-api-key': 'rss-test-key-0123456789abcdef' } },
        }),
      );
      await client.callTool({ name: tool, arguments: {} }); // loads everything once, so the peak is the answers'
      const before = peakRss(child.pid!);
      fault();
      const results = (await Promise.all(
        Array.from({ length: 4 }, () => client.callTool({ name: tool, arguments: {} })),
      )) as CallToolResult[];
      for (const result of results) {
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain('larger than the limit of 4 MB (MCP_UPSTREAM_MAX_BYTES)');
      }
      const peak = peakRss(child.pid!);
      console.log(`${server}: peak RSS ${Math.round(before / MB)} MB before, ${Math.round(peak / MB)} MB under four 50 MB answers`);
      expect(peak).toBeLessThan(150 * MB);
      await client.close();
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a clean stop with calls in flight', () => {
  it('at SIGINT a call that ends in the grace time gets its result, a slower one a JSON-RPC error saying to retry; exit 0 in kill_timeout', async () => {
    const { child, url } = await startBuilt('notion', { NOTION_TOKEN: SEED.token, NOTION_BASE_URL: notionApi.url });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const client = new Client({ name: 'sigint-test', version: '0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
          requestInit: { headers: { 'x-api-key': 'rss-test-key-0123456789abcdef' } },
        }),
      );
      notionApi.addFault({ path: /^\/users/, times: 1, odd: { delayMs: 600 } });
      notionApi.addFault({ path: /^\/search/, times: 1, odd: { delayMs: 9_000 } });
      const seen = notionApi.requests.length;
      const fast = client.callTool({ name: 'notion_list_users', arguments: {} });
      const slow = client.callTool({ name: 'notion_search', arguments: {} }).then(
        () => 'answered',
        (error: unknown) => String(error),
      );
      while (notionApi.requests.length < seen + 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const signalled = Date.now();
      child.kill('SIGINT');
      const fastResult = (await fast) as CallToolResult;
      expect(fastResult.isError ?? false, textOf(fastResult)).toBe(false);
      const slowOutcome = await slow;
      expect(slowOutcome).toContain('"error":{"code":-32000');
      expect(slowOutcome).toContain('Server is restarting and could not finish this request: retry it');
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

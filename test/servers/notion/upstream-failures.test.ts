// Upstream failures become isError answers the model can act on, never crashes or hangs, and never carry the
// token: 429 (retried, Retry-After honoured), 401, 404, a stalled upstream, connection refused, no token.
import { freePort as closedPort } from '../../helpers/free-port.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED, startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import { startNotionHarness, testConfig, textOf, type NotionHarness } from './harness.js';

let fake: FakeNotion;
let h: NotionHarness;
beforeAll(async () => {
  fake = await startFakeNotion();
  h = await startNotionHarness(testConfig(fake.url, { timeoutMs: 300 }));
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
afterEach(() => {
  fake.clearFaults();
});

function requestsTo(path: string, from: number) {
  return fake.requests.slice(from).filter((r) => r.path === path);
}

describe('429 rate limits', () => {
  it('retries, then answers normally once Notion lets it through', async () => {
    const mark = fake.requests.length;
    fake.addFault({ path: /^\/users$/, status: 429, code: 'rate_limited', headers: { 'retry-after': '0' }, times: 1 });
    const result = await h.json<{ users: unknown[] }>('notion_list_users');
    expect(result.users).toHaveLength(3);
    expect(requestsTo('/users', mark)).toHaveLength(2);
  });

  it('waits as long as Retry-After says (within the configured cap)', async () => {
    const patient = await startNotionHarness(testConfig(fake.url, { maxRetryDelayMs: 5_000 }));
    try {
      fake.addFault({ path: /^\/users$/, status: 429, code: 'rate_limited', headers: { 'retry-after': '1' }, times: 1 });
      const started = performance.now();
      await patient.json('notion_list_users');
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await patient.close();
    }
  });

  it('after the retries, says when to retry', async () => {
    const mark = fake.requests.length;
    const errorsBefore = h.http.server.metrics.toolErrors;
    fake.addFault({ path: /^\/search$/, status: 429, code: 'rate_limited', headers: { 'retry-after': '30' } });
    const result = await h.call('notion_search', { query: 'x' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('rate limited by Notion (429)');
    expect(textOf(result)).toContain('Retry after 30 s');
    expect(requestsTo('/search', mark)).toHaveLength(3); // first try + maxRetries 2
    expect(h.http.server.metrics.toolErrors).toBe(errorsBefore + 1);
  });
});

describe('401, 404 and other answers', () => {
  it('401: the token is invalid or expired, and what to do; the token never appears', async () => {
    const wrong = await startNotionHarness(testConfig(fake.url, { token: 'secret_wrong_token_zzzzzzzz' }));
    try {
      const result = await wrong.call('notion_get_page', { page_id: SEED.page });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('the token is invalid or expired (401)');
      expect(textOf(result)).toContain('NOTION_TOKEN');
      expect(textOf(result)).not.toContain('secret_wrong_token');
      expect(wrong.upstreamLog.join('\n')).not.toContain('secret_wrong_token');
      expect(wrong.http.logLines.join('\n')).not.toContain('secret_wrong_token');
    } finally {
      await wrong.close();
    }
  });

  it('404: not found or not shared with the integration', async () => {
    const result = await h.call('notion_read_page', { page_id: '99999999999949998999999999999999' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('not found or not shared with the integration');
    expect(textOf(result)).toContain('Connections');
  });

  it('400 validation errors carry Notion\'s reason', async () => {
    const result = await h.call('notion_query_database', {
      database_id: SEED.database,
      filter: { property: 'Nope', checkbox: { equals: true } },
    });
    expect(textOf(result)).toContain('rejected the request as invalid (400)');
    expect(textOf(result)).toContain('Could not find property with name or id: Nope');
  });

  it('a 500 on a read is retried', async () => {
    const mark = fake.requests.length;
    fake.addFault({ method: 'GET', path: /^\/pages\//, status: 500, times: 2 });
    const page = await h.json('notion_get_page', { page_id: SEED.page });
    expect(page.title).toBe('Project plan');
    expect(requestsTo(`/pages/${SEED.page}`, mark)).toHaveLength(3);
  });
});

describe('unreachable upstream', () => {
  it('a stalled Notion hits the timeout and the tool answers in time', async () => {
    fake.addFault({ path: /^\/pages\//, stall: true });
    const started = performance.now();
    const result = await h.call('notion_get_page', { page_id: SEED.page });
    const elapsed = performance.now() - started;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('did not answer within 300 ms (timeout)');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('connection refused is a network error result', async () => {
    const refused = await startNotionHarness(testConfig(`http://127.0.0.1:${await closedPort()}`));
    try {
      const result = await refused.call('notion_list_users');
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('could not reach Notion (network error ECONNREFUSED)');
      // The server keeps serving after the failure.
      expect((await refused.http.client.listTools()).tools.length).toBe(15);
    } finally {
      await refused.close();
    }
  });
});

describe('missing NOTION_TOKEN', () => {
  it('the server starts, /health says what is missing, and every tool says how to set it', async () => {
    const unset = await startNotionHarness(testConfig(fake.url, { token: null }));
    try {
      const health = (await (await fetch(`${unset.http.url}/health`)).json()) as { upstream: unknown };
      expect(health.upstream).toEqual({ configured: false, missing: ['NOTION_TOKEN'] });
      const mark = fake.requests.length;
      const { tools } = await unset.http.client.listTools();
      for (const tool of tools) {
        const result = await unset.call(tool.name, {
          page_id: SEED.page,
          block_id: SEED.heading,
          parent_page_id: SEED.emptyPage,
          database_id: SEED.database,
          title: 't',
          markdown: 'm',
          text: 't',
        });
        expect(result.isError, tool.name).toBe(true);
        expect(textOf(result), tool.name).toContain('NOTION_TOKEN is not set');
      }
      expect(fake.requests.length).toBe(mark);
    } finally {
      await unset.close();
    }
  });
});

describe('logging', () => {
  it('the Notion client never prints to the console; its warnings come out as one secret-free line each', async () => {
    const consoleCalls = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'log'), vi.spyOn(console, 'error')];
    try {
      fake.addFault({ path: /^\/users$/, status: 429, code: 'rate_limited', headers: { 'retry-after': '0' }, times: 1 });
      const before = h.upstreamLog.length;
      await h.json('notion_list_users');
      await h.call('notion_get_page', { page_id: '99999999999949998999999999999999' });
      const lines = h.upstreamLog.slice(before);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        expect(line).toMatch(/^\[notion-mcp\] upstream warn: request fail code=\w+/);
        expect(line).not.toContain('\n');
        expect(line).not.toContain(SEED.token);
      }
      expect(lines.some((l) => l.includes('code=rate_limited'))).toBe(true);
      expect(lines.some((l) => l.includes('code=object_not_found'))).toBe(true);
      const printed = consoleCalls.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')));
      expect(printed.filter((text) => text.includes('notionhq'))).toEqual([]);
    } finally {
      for (const spy of consoleCalls) spy.mockRestore();
    }
  });

  it('every upstream call reports its latency', async () => {
    const started = performance.now();
    await h.json('notion_list_users');
    const latency = h.http.server.metrics.upstreamMs();
    expect(latency).not.toBeNull();
    expect(latency!).toBeLessThanOrEqual(performance.now() - started + 1);
  });
});

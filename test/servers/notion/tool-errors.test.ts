// Every Notion tool against every upstream failure, table-driven through the one error mapping (errors.ts):
// 401, 403, 404, 409, 429 with Retry-After, 5xx and a stalled answer each give the same clear message whichever
// tool hit them, without the token; and each tool answers invalid arguments without calling Notion.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startFakeNotion, type Fault, type FakeNotion } from '../../fakes/notion-api.js';
import { startNotionHarness, testConfig, textOf, type NotionHarness } from './harness.js';

interface ToolCase {
  tool: string;
  args: Record<string, unknown>;
  invalid: Record<string, unknown>;
  invalidSays: RegExp;
}

const NOT_AN_ID = /is not a Notion \w+( \w+)? id or URL/;

const TOOLS: ToolCase[] = [
  { tool: 'notion_search', args: { query: 'plan' }, invalid: { page_size: 0 }, invalidSays: /page_size/ },
  { tool: 'notion_get_page', args: { page_id: SEED.page }, invalid: { page_id: 'nope' }, invalidSays: NOT_AN_ID },
  { tool: 'notion_read_page', args: { page_id: SEED.page }, invalid: { page_id: SEED.page, max_depth: 9 }, invalidSays: /max_depth/ },
  { tool: 'notion_query_database', args: { database_id: SEED.database }, invalid: { database_id: 'x' }, invalidSays: NOT_AN_ID },
  { tool: 'notion_get_database', args: { database_id: SEED.database }, invalid: { database_id: 'x' }, invalidSays: NOT_AN_ID },
  {
    tool: 'notion_create_page',
    args: { parent_page_id: SEED.page, title: 'New', content: '# x' },
    invalid: { title: 'New' },
    invalidSays: /exactly one of parent_page_id or database_id/,
  },
  { tool: 'notion_update_page', args: { page_id: SEED.page, title: 'T' }, invalid: { page_id: SEED.page }, invalidSays: /nothing to change/ },
  {
    tool: 'notion_move_page',
    args: { page_id: SEED.childPage, parent_page_id: SEED.emptyPage },
    invalid: { page_id: SEED.childPage },
    invalidSays: /exactly one of parent_page_id or database_id/,
  },
  { tool: 'notion_append_content', args: { page_id: SEED.page, markdown: 'more' }, invalid: { page_id: SEED.page, markdown: '' }, invalidSays: /markdown/ },
  { tool: 'notion_replace_content', args: { page_id: SEED.page, markdown: '# x' }, invalid: { page_id: 'x', markdown: '# x' }, invalidSays: NOT_AN_ID },
  { tool: 'notion_update_block', args: { block_id: SEED.heading, markdown: 'x' }, invalid: { block_id: 'x', markdown: 'x' }, invalidSays: NOT_AN_ID },
  { tool: 'notion_delete_block', args: { block_id: SEED.code }, invalid: { block_id: 'x' }, invalidSays: NOT_AN_ID },
  { tool: 'notion_list_comments', args: { page_id: SEED.page }, invalid: { page_id: SEED.page, page_size: 500 }, invalidSays: /page_size/ },
  { tool: 'notion_add_comment', args: { page_id: SEED.page, text: 'hi' }, invalid: { page_id: SEED.page, text: '' }, invalidSays: /text/ },
  { tool: 'notion_list_users', args: {}, invalid: { page_size: -1 }, invalidSays: /page_size/ },
];

interface FailureCase {
  name: string;
  fault: Fault;
  says: RegExp;
}

const FAILURES: FailureCase[] = [
  { name: '401', fault: { status: 401, code: 'unauthorized' }, says: /the token is invalid or expired \(401\)\. Check NOTION_TOKEN/ },
  { name: '403', fault: { status: 403, code: 'restricted_resource' }, says: /lacks the capability for this \(403\)\. Enable it in the integration settings/ },
  { name: '404', fault: { status: 404, code: 'object_not_found' }, says: /not found or not shared with the integration \(404\).*Connections/ },
  { name: '409', fault: { status: 409, code: 'conflict_error' }, says: /changed by someone else at the same time \(409\)\. Try again/ },
  {
    name: '429 with Retry-After',
    fault: { status: 429, code: 'rate_limited', headers: { 'retry-after': '30' } },
    says: /rate limited by Notion \(429\) even after retrying\. Retry after 30 s/,
  },
  { name: '5xx', fault: { status: 503, code: 'service_unavailable' }, says: /Notion had a server error \(503 service_unavailable\)\. Try again later/ },
  { name: 'timeout', fault: { stall: true }, says: /did not answer within 500 ms \(timeout\).*NOTION_TIMEOUT_MS/ },
];

let fake: FakeNotion;
let h: NotionHarness;
beforeAll(async () => {
  fake = await startFakeNotion();
  h = await startNotionHarness(testConfig(fake.url, { timeoutMs: 500, maxRetries: 1 }));
  // The Notion client loads before the first case, so that no case's time limit is spent on it.
  expect((await h.call('notion_list_users')).isError).toBeFalsy();
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
afterEach(() => fake.clearFaults());

describe.each(TOOLS)('$tool', (tool) => {
  it.each(FAILURES)('$name from Notion: a message that says what happened and what to do', async (failure) => {
    fake.addFault(failure.fault);
    const result = await h.call(tool.tool, tool.args);
    expect(result.isError, textOf(result)).toBe(true);
    expect(textOf(result)).toMatch(failure.says);
    expect(textOf(result)).not.toContain(SEED.token);
  });

  it('invalid arguments: an isError answer naming the problem, and no call to Notion', async () => {
    const before = fake.requests.length;
    const result = await h.call(tool.tool, tool.invalid);
    expect(result.isError, textOf(result)).toBe(true);
    expect(textOf(result)).toMatch(tool.invalidSays);
    expect(fake.requests.length).toBe(before);
  });
});

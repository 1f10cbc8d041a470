// Every tool of both servers declares an outputSchema (an object schema) and answers with structuredContent beside
// its text; the SDK Client, having listed the tools, checks each result against the declared schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEED } from '../../fakes/notion-api.js';
import { startBothServers, type BothServers } from './both-servers.js';

let both: BothServers;
beforeAll(async () => {
  both = await startBothServers();
});
afterAll(() => both?.close());

describe('structured results', () => {
  it('every tool of both servers declares an object outputSchema', async () => {
    for (const client of [both.notion.http.client, both.calendar.client]) {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(5);
      for (const tool of tools) expect(tool.outputSchema, tool.name).toMatchObject({ type: 'object', properties: expect.any(Object) });
    }
  });

  it('a result carries the same data as structuredContent and as JSON text; a failure has no structuredContent', async () => {
    const ok = (await both.notion.http.client.callTool({ name: 'notion_get_page', arguments: { page_id: SEED.page } })) as CallToolResult;
    expect(ok.isError ?? false).toBe(false);
    expect(ok.structuredContent).toEqual(JSON.parse((ok.content[0] as { text: string }).text));
    expect(ok.structuredContent).toMatchObject({ id: SEED.page });
    const now = (await both.calendar.client.callTool({ name: 'calendar_get_current_time', arguments: { timeZone: 'Asia/Tokyo' } })) as CallToolResult;
    expect(now.structuredContent).toMatchObject({ timeZone: 'Asia/Tokyo', utcOffset: '+09:00' });
    const failed = (await both.notion.http.client.callTool({ name: 'notion_get_page', arguments: { page_id: 'nope' } })) as CallToolResult;
    expect(failed.isError).toBe(true);
    expect(failed.structuredContent).toBeUndefined();
  });
});

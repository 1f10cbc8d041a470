// MCP_ENABLED_TOOLS and MCP_READ_ONLY, through the shared kit, on both real servers over HTTP: a switched-off tool
// is not listed and its call is refused before any upstream request; /health names the tools that are on.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv as calendarConfigFromEnv } from '../../../src/servers/google-calendar/config.js';
import { createCalendarService } from '../../../src/servers/google-calendar/server.js';
import { createNotionService } from '../../../src/servers/notion/server.js';
import { isToolEnabled, toolFilterFromEnv, type ToolsReport } from '../../../src/servers/shared/tool-filter.js';
import { startFakeCalendarApi } from '../../fakes/google-calendar-api.js';
import { SEED, startFakeNotion } from '../../fakes/notion-api.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { fakeEnv } from '../google-calendar/harness.js';
import { testConfig } from '../notion/harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function notionWith(env: Record<string, string>): Promise<{ h: ServiceOverHttp; requests: () => number }> {
  const fake = await startFakeNotion();
  cleanups.push(() => fake.close());
  const h = await startServiceOverHttp(createNotionService(testConfig(fake.url), { logSink: () => {} }), {
    toolFilter: toolFilterFromEnv(env),
  });
  cleanups.push(() => h.close());
  return { h, requests: () => fake.requests.length };
}

async function health(h: ServiceOverHttp): Promise<{ tools: ToolsReport | null }> {
  return (await (await fetch(`${h.url}/health`)).json()) as { tools: ToolsReport | null };
}

describe('reading the settings', () => {
  it('takes names and globs, comma or space separated, and MCP_READ_ONLY=1/true', () => {
    const filter = toolFilterFromEnv({ MCP_ENABLED_TOOLS: 'notion_get_*, notion_search  calendar_list_?vents', MCP_READ_ONLY: 'true' });
    expect(filter).toEqual({ patterns: ['notion_get_*', 'notion_search', 'calendar_list_?vents'], readOnly: true });
    expect(toolFilterFromEnv({})).toEqual({ patterns: null, readOnly: false });
    expect(toolFilterFromEnv({ MCP_READ_ONLY: '0', MCP_ENABLED_TOOLS: ' ' })).toEqual({ patterns: null, readOnly: false });
    const ro = { readOnlyHint: true };
    expect(isToolEnabled(filter, 'notion_get_page', ro)).toBe(true);
    expect(isToolEnabled(filter, 'notion_get_page', { readOnlyHint: false })).toBe(false);
    expect(isToolEnabled(filter, 'notion_read_page', ro)).toBe(false);
    expect(isToolEnabled(filter, 'calendar_list_events', ro)).toBe(true);
    expect(isToolEnabled({ patterns: ['a.b'], readOnly: false }, 'aXb', ro)).toBe(false);
  });
});

describe('MCP_READ_ONLY=1', () => {
  it('offers only read-only tools, refuses a write without calling Notion, and /health says which are on', async () => {
    const { h, requests } = await notionWith({ MCP_READ_ONLY: '1' });
    const { tools } = await h.client.listTools();
    expect(tools.length).toBeGreaterThan(3);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    const before = requests();
    const result = (await h.client.callTool({ name: 'notion_update_page', arguments: { page_id: SEED.page, title: 'x' } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(
      /notion_update_page is switched off on this server by MCP_READ_ONLY=1 \(it is not read-only\), so nothing was done\. Use the tools that tools\/list offers/,
    );
    expect(requests()).toBe(before);
    expect(h.server.metrics.toolErrors).toBe(1);
    expect(h.logLines).toContainEqual(expect.stringMatching(/^POST \/mcp tools\/call tool=notion_update_page 200 error \d+ms$/));
    const report = (await health(h)).tools!;
    expect(report.filter).toEqual({ MCP_ENABLED_TOOLS: null, MCP_READ_ONLY: true });
    expect(report.enabled.sort()).toEqual(tools.map((t) => t.name).sort());
    expect(report.disabled).toContain('notion_update_page');
    expect(report.disabled).toContain('notion_delete_block');
  });
});

describe('MCP_ENABLED_TOOLS', () => {
  it('offers just the named and matching tools', async () => {
    const { h } = await notionWith({ MCP_ENABLED_TOOLS: 'notion_get_*,notion_search' });
    const names = (await h.client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(['notion_get_database', 'notion_get_page', 'notion_search']);
    const result = (await h.client.callTool({ name: 'notion_search', arguments: { query: 'plan' } })) as CallToolResult;
    expect(result.isError ?? false).toBe(false);
  });

  it('applies to the Calendar server the same way, and /health lists the tools before any session', async () => {
    const fake = await startFakeCalendarApi();
    cleanups.push(() => fake.close());
    const h = await startServiceOverHttp(createCalendarService(calendarConfigFromEnv(fakeEnv(fake))), {
      toolFilter: toolFilterFromEnv({ MCP_ENABLED_TOOLS: '*_events calendar_get_current_time', MCP_READ_ONLY: '1' }),
    });
    cleanups.push(() => h.close());
    const names = (await h.client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(['calendar_get_current_time', 'calendar_list_events']);
    await h.server.loadTools();
    expect((await health(h)).tools?.enabled.sort()).toEqual(names);
  });
});

describe('/health before the tools have loaded', () => {
  it('says null, then the list once loadTools ran (run.ts calls it after the SDK has loaded)', async () => {
    const fake = await startFakeNotion();
    cleanups.push(() => fake.close());
    const { startMcpHttpServer } = await import('../../../src/servers/shared/http-server.js');
    const server = await startMcpHttpServer(createNotionService(testConfig(fake.url), { logSink: () => {} }), {
      host: '127.0.0.1',
      port: 0,
      apiKey: null,
      log: () => {},
      toolFilter: toolFilterFromEnv({ MCP_READ_ONLY: '1' }),
    });
    cleanups.push(() => server.close());
    const read = async () => ((await (await fetch(`${server.url}/health`)).json()) as { tools: ToolsReport | null }).tools;
    expect(await read()).toBeNull();
    await server.loadTools();
    expect((await read())?.enabled).toContain('notion_search');
  });
});

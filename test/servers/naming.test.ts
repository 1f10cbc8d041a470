// One naming convention across both servers, so an assistant with several servers can tell their tools apart:
// every tool, prompt and resource starts with its service's prefix, every title names the service, and every tool
// states all four annotations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startBothServers, type BothServers } from './shared/both-servers.js';

let both: BothServers;
beforeAll(async () => {
  both = await startBothServers();
});
afterAll(async () => {
  await both?.close();
});

const SERVICES = [
  { name: 'Notion', prefix: 'notion_', uri: 'notion://', title: /Notion/, client: () => both.notion.http.client },
  { name: 'Google Calendar', prefix: 'calendar_', uri: 'calendar://', title: /Google Calendar/, client: () => both.calendar.client },
];

describe.each(SERVICES)('$name', (service) => {
  const client = (): Client => service.client();

  it('every tool has the service prefix, a title naming the service, and all four annotations', async () => {
    const { tools } = await client().listTools();
    expect(tools.length).toBeGreaterThan(8);
    for (const tool of tools) {
      expect(tool.name).toMatch(new RegExp(`^${service.prefix}[a-z]+(_[a-z]+)*$`));
      expect(tool.title, tool.name).toMatch(service.title);
      const a = tool.annotations ?? {};
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
        expect(typeof a[hint], `${tool.name} ${hint}`).toBe('boolean');
      }
      if (a.readOnlyHint) expect(a.destructiveHint, tool.name).toBe(false);
    }
  });

  it('prompts and resources carry the prefix too', async () => {
    for (const prompt of (await client().listPrompts()).prompts) expect(prompt.name).toMatch(new RegExp(`^${service.prefix}`));
    // Listed resources are named by what they hold (a page's title); their addresses carry the service's scheme.
    for (const resource of (await client().listResources()).resources) {
      expect(resource.uri.startsWith(service.uri), resource.uri).toBe(true);
    }
    for (const template of (await client().listResourceTemplates()).resourceTemplates) {
      expect(template.name).toMatch(new RegExp(`^${service.prefix}`));
      expect(template.uriTemplate.startsWith(service.uri)).toBe(true);
    }
  });
});

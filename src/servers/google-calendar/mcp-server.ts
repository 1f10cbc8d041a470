// The heavy half of the Google Calendar service, loaded on the first session (server.ts): the SDK's McpServer
// and every tool's zod schema. A fresh McpServer per session.
import { ToolCatalogServer } from '../shared/tool-catalog.js';
import type { ToolContext } from './context.js';
import { registerCalendarPrompts } from './prompts.js';
import { registerCalendarResources } from './resources.js';
import { registerCalendarTools } from './tools/index.js';

export function createCalendarMcpServer(identity: { name: string; version: string }, ctx: ToolContext): ToolCatalogServer {
  const server = new ToolCatalogServer(
    { name: identity.name, version: identity.version },
    {
      instructions:
        'Google Calendar of the configured account. Call calendar_get_current_time first to resolve relative dates; calendar_list_calendars gives calendar ids; calendar_list_events gives event ids for get/update/delete/respond.',
    },
  );
  registerCalendarTools(server, ctx);
  registerCalendarPrompts(server);
  registerCalendarResources(server, ctx);
  return server;
}

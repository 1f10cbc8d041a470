// Every Calendar tool, registered on one McpServer.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { registerCreateEventTool } from './create-event.js';
import { registerDeleteEventTool } from './delete-event.js';
import { registerFreeBusyTool } from './free-busy.js';
import { registerGetCurrentTimeTool } from './get-current-time.js';
import { registerGetEventTool } from './get-event.js';
import { registerListCalendarsTool } from './list-calendars.js';
import { registerListColorsTool } from './list-colors.js';
import { registerListEventsTool } from './list-events.js';
import { registerRespondToEventTool } from './respond-to-event.js';
import { registerUpdateEventTool } from './update-event.js';

export function registerCalendarTools(server: McpServer, ctx: ToolContext): void {
  registerListCalendarsTool(server, ctx);
  registerListEventsTool(server, ctx);
  registerGetEventTool(server, ctx);
  registerCreateEventTool(server, ctx);
  registerUpdateEventTool(server, ctx);
  registerDeleteEventTool(server, ctx);
  registerRespondToEventTool(server, ctx);
  registerFreeBusyTool(server, ctx);
  registerListColorsTool(server, ctx);
  registerGetCurrentTimeTool(server, ctx);
}

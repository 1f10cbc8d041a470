import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toolJson } from '../../shared/tool-result.js';
import type { ToolContext } from '../context.js';
import { currentTime } from '../time.js';
import { timeZoneSchema } from './common.js';
import { currentTimeOutput } from './outputs.js';

export const getCurrentTimeInput = { timeZone: timeZoneSchema };

export function registerGetCurrentTimeTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_get_current_time',
    {
      title: 'Current time (Google Calendar)',
      description:
        'The current date, time, weekday and UTC offset in a time zone. Call it before resolving "today", "tomorrow" or "next Monday" into dates. Needs no Google access.',
      inputSchema: getCurrentTimeInput,
      outputSchema: currentTimeOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) => toolJson(currentTime(ctx.now(), args.timeZone ?? ctx.config.defaultTimeZone)),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { compactEvent } from '../event-view.js';
import { calendarIdSchema, eventIdSchema, timeZoneSchema } from './common.js';
import { eventOutput } from './outputs.js';

export const getEventInput = { calendarId: calendarIdSchema, eventId: eventIdSchema, timeZone: timeZoneSchema };

export function registerGetEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_get_event',
    {
      title: 'Get a Google Calendar event',
      description:
        'One event in full: description, attendees with their responses, reminders, recurrence rule (for a series), conference link. For an occurrence of a recurring event, seriesId is the id of the whole series.',
      inputSchema: getEventInput,
      outputSchema: eventOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'get event', async () => {
        const data = await ctx.upstream.call('get event', (api, options) =>
          api.events.get(
            { calendarId: args.calendarId, eventId: args.eventId, timeZone: args.timeZone ?? ctx.config.defaultTimeZone },
            options,
          ),
        );
        return toolJson(compactEvent(data, { full: true }));
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { compactEvent } from '../event-view.js';
import {
  attendeesSchema,
  calendarIdSchema,
  recurrenceSchema,
  remindersSchema,
  sendUpdatesSchema,
  timeInputDescription,
  timeZoneSchema,
} from './common.js';
import { checkedRange, eventFields, eventTime, googleTime } from './event-fields.js';

export const createEventInput = {
  calendarId: calendarIdSchema,
  summary: z.string().min(1).max(1024).describe('Title of the event.'),
  start: z.string().describe(`Start: ${timeInputDescription}`),
  end: z
    .string()
    .optional()
    .describe('End, same format as start. All-day: the day AFTER the last day (exclusive). Default: +1 hour, or +1 day when all-day.'),
  timeZone: timeZoneSchema,
  description: z.string().max(8192).optional(),
  location: z.string().max(1024).optional(),
  attendees: attendeesSchema.optional(),
  reminders: remindersSchema.optional(),
  recurrence: recurrenceSchema.optional(),
  sendUpdates: sendUpdatesSchema.default('none'),
};

export function registerCreateEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'create_event',
    {
      title: 'Create event',
      description:
        'Creates an event: timed (start "2025-06-01T10:00") or all-day (start "2025-06-01"), with optional attendees, location, description, reminders and a recurrence rule. Set sendUpdates "all" to email invitations to the attendees. Returns the created event with its id.',
      inputSchema: createEventInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'create event', async () => {
        const zone = args.timeZone ?? ctx.config.defaultTimeZone;
        const { start, end } = checkedRange(
          eventTime(args.start, zone, 'start'),
          args.end === undefined ? undefined : eventTime(args.end, zone, 'end'),
        );
        const data = await ctx.upstream.call(
          'create event',
          (api, options) =>
            api.events.insert(
              {
                calendarId: args.calendarId,
                sendUpdates: args.sendUpdates,
                requestBody: {
                  ...eventFields(args),
                  start: googleTime(start),
                  end: googleTime(end),
                },
              },
              options,
            ),
          // A repeated insert after a server error could make the event twice.
          { idempotent: false },
        );
        return toolJson({ created: compactEvent(data, { full: true }) });
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { compactEvent } from '../event-view.js';
import {
  attendeesSchema,
  calendarIdSchema,
  colorIdSchema,
  eventTypeSchema,
  meetSchema,
  recurrenceSchema,
  remindersSchema,
  sendUpdatesSchema,
  statusEventFields,
  timeInputDescription,
  timeZoneSchema,
  toGoogleAttendees,
} from './common.js';
import { checkedRange, conferenceVersion, eventFields, eventTime, googleTime } from './event-fields.js';
import { eventTypeFields } from './event-types.js';
import { checkSchedule, scheduleWarnings } from './schedule-check.js';
import { createEventOutput } from './outputs.js';

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
  colorId: colorIdSchema.optional(),
  meet: meetSchema.optional(),
  eventType: eventTypeSchema.default('default'),
  ...statusEventFields,
  checkConflicts: z
    .boolean()
    .default(true)
    .describe('Look first for overlapping events, the same event already there, and busy attendees (default true).'),
  allowDuplicate: z
    .boolean()
    .default(false)
    .describe('Create even when an event with the same title, start and end is already in the calendar.'),
  sendUpdates: sendUpdatesSchema.default('none'),
};

export function registerCreateEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_create_event',
    {
      title: 'Create a Google Calendar event',
      description:
        'Creates an event: timed (start "2025-06-01T10:00") or all-day (start "2025-06-01"), with optional attendees, location, description, reminders, colour, a Google Meet link (meet true) and a recurrence rule; or a focus time, out of office or working location event (eventType). First checks the time: the answer lists overlapping events (conflicts) and busy attendees; an identical event already there stops the create unless allowDuplicate is true. Set sendUpdates "all" to email invitations. Returns the created event with its id.',
      inputSchema: createEventInput,
      outputSchema: createEventOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'create event', async () => {
        const zone = args.timeZone ?? ctx.config.defaultTimeZone;
        const { start, end } = checkedRange(
          eventTime(args.start, zone, 'start'),
          args.end === undefined ? undefined : eventTime(args.end, zone, 'end'),
        );
        if (args.meet === false) throw new ToolInputError('meet false only removes a link on update; leave it out here');
        const typeFields = eventTypeFields(args, start);
        const check = args.checkConflicts
          ? await checkSchedule(ctx, 'create event', {
              calendarId: args.calendarId,
              start,
              end,
              zone,
              summary: args.summary,
              attendees: toGoogleAttendees(args.attendees ?? []).map((a) => a.email),
              ignoreIds: [],
            })
          : undefined;
        if (check && check.duplicates.length > 0 && !args.allowDuplicate) {
          const [first] = check.duplicates;
          throw new ToolInputError(
            `Not created: "${first!.summary}" is already in this calendar at that time (id ${first!.id}). It may have been created by an earlier call. To make a second one anyway, call again with allowDuplicate true.`,
          );
        }
        const data = await ctx.upstream.call(
          'create event',
          (api, options) =>
            api.events.insert(
              {
                calendarId: args.calendarId,
                sendUpdates: args.sendUpdates,
                ...conferenceVersion(args),
                requestBody: {
                  ...eventFields(args),
                  ...typeFields,
                  start: googleTime(start),
                  end: googleTime(end),
                },
              },
              options,
            ),
          // A repeated insert after a server error could make the event twice.
          { idempotent: false },
        );
        return toolJson({ created: compactEvent(data, { full: true }), ...(check ? scheduleWarnings(check) : {}) });
      }),
  );
}

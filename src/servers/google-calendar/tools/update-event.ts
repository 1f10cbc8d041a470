import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { compactEvent } from '../event-view.js';
import { eventRangeProblem } from '../time.js';
import {
  attendeesSchema,
  calendarIdSchema,
  colorIdSchema,
  eventIdSchema,
  meetSchema,
  recurrenceSchema,
  remindersSchema,
  scopeSchema,
  sendUpdatesSchema,
  timeInputDescription,
  timeZoneSchema,
  toGoogleAttendees,
} from './common.js';
import { conferenceVersion, endKeepingDuration, eventFields, eventTime, fromGoogleTime, googleTime } from './event-fields.js';
import { resolveTarget, scopeLabel } from './resolve-target.js';
import { checkSchedule, scheduleWarnings } from './schedule-check.js';
import { splitSeries } from './series-split.js';
import { updateEventOutput } from './outputs.js';

export const updateEventInput = {
  calendarId: calendarIdSchema,
  eventId: eventIdSchema,
  scope: scopeSchema,
  summary: z.string().min(1).max(1024).optional(),
  start: z.string().optional().describe(`New start: ${timeInputDescription} Without end, the event keeps its length.`),
  end: z.string().optional().describe('New end, same format as start (all-day: exclusive).'),
  timeZone: timeZoneSchema,
  description: z.string().max(8192).optional().describe('New description ("" clears it).'),
  location: z.string().max(1024).optional().describe('New location ("" clears it).'),
  attendees: attendeesSchema.optional().describe('The complete new guest list (replaces the old one).'),
  reminders: remindersSchema.optional(),
  recurrence: recurrenceSchema
    .optional()
    .describe('New recurrence rule (only with scope "all" or "thisAndFollowing").'),
  colorId: colorIdSchema.optional(),
  meet: meetSchema.optional(),
  checkConflicts: z
    .boolean()
    .default(true)
    .describe('When the time or the guests change, list overlapping events and busy attendees (default true).'),
  sendUpdates: sendUpdatesSchema.default('none'),
};

export function registerUpdateEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_update_event',
    {
      title: 'Update a Google Calendar event',
      description:
        'Changes the given fields of an event (title, time, guests, reminders, colour, Meet link, recurrence) and leaves the others as they are. For a recurring event: scope "this" changes only the occurrence whose id you pass; "thisAndFollowing" changes that occurrence and every later one (the series is split there: the answer gives the new series\' id); "all" changes the whole series (an occurrence id is enough; a new start/end then applies to the series\' first occurrence). When the time or guests change, the answer lists overlapping events and busy attendees. Returns the updated event.',
      inputSchema: updateEventInput,
      outputSchema: updateEventOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'update event', async () => {
        const zone = args.timeZone ?? ctx.config.defaultTimeZone;
        if (args.recurrence && args.scope === 'this') {
          throw new ToolInputError('recurrence belongs to a series: pass scope "all" or "thisAndFollowing" to change it');
        }
        const target = await resolveTarget(ctx, 'update event', args.calendarId, args.eventId, args.scope);
        const current = target.splitAt ?? target.event;
        const oldStart = fromGoogleTime(current.start, zone);
        const oldEnd = fromGoogleTime(current.end, zone);
        const newStart = args.start === undefined ? undefined : eventTime(args.start, zone, 'start');
        let newEnd = args.end === undefined ? undefined : eventTime(args.end, zone, 'end');
        if (newStart && !newEnd) newEnd = endKeepingDuration(newStart, oldStart, oldEnd);
        const finalStart = newStart ?? oldStart;
        const finalEnd = newEnd ?? oldEnd;
        if (finalStart && newEnd) {
          const problem = eventRangeProblem(finalStart, newEnd);
          if (problem) throw new ToolInputError(problem);
        }
        const fields = eventFields(args);
        const patch = {
          ...fields,
          ...(newStart ? { start: googleTime(newStart, { patch: true }) } : {}),
          ...(newEnd ? { end: googleTime(newEnd, { patch: true }) } : {}),
        };
        if (Object.keys(patch).length === 0) throw new ToolInputError('nothing to change: give at least one field');

        const moved = newStart !== undefined || newEnd !== undefined || args.attendees !== undefined;
        const check =
          args.checkConflicts && moved && finalStart && finalEnd
            ? await checkSchedule(ctx, 'update event', {
                calendarId: args.calendarId,
                start: finalStart,
                end: finalEnd,
                zone,
                summary: undefined,
                attendees: args.attendees
                  ? toGoogleAttendees(args.attendees).map((a) => a.email)
                  : (current.attendees ?? []).flatMap((a) => (a.email && !a.self ? [a.email] : [])),
                ignoreIds: [target.id, args.eventId],
              })
            : undefined;
        const warnings = check ? scheduleWarnings(check) : {};

        if (target.splitAt) {
          const split = await splitSeries(
            ctx,
            'update event',
            target,
            {
              fields,
              ...(newStart ? { start: newStart } : {}),
              ...(newEnd ? { end: newEnd } : {}),
              ...(args.recurrence ? { recurrence: args.recurrence } : {}),
            },
            zone,
            args.sendUpdates,
          );
          return toolJson({
            scope: scopeLabel(target),
            updated: compactEvent(split.created, { full: true }),
            previousSeries: split.previousSeries,
            ...warnings,
          });
        }
        const data = await ctx.upstream.call('update event', (api, options) =>
          api.events.patch(
            {
              calendarId: args.calendarId,
              eventId: target.id,
              sendUpdates: args.sendUpdates,
              ...conferenceVersion(args),
              requestBody: patch,
            },
            options,
          ),
        );
        return toolJson({ scope: scopeLabel(target), updated: compactEvent(data, { full: true }), ...warnings });
      }),
  );
}

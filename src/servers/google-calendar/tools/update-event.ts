import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, ToolInputError, type ToolContext } from '../context.js';
import { compactEvent } from '../event-view.js';
import { eventRangeProblem } from '../time.js';
import {
  attendeesSchema,
  calendarIdSchema,
  eventIdSchema,
  recurrenceSchema,
  remindersSchema,
  scopeSchema,
  sendUpdatesSchema,
  timeInputDescription,
  timeZoneSchema,
} from './common.js';
import { endKeepingDuration, eventFields, eventTime, fromGoogleTime, googleTime } from './event-fields.js';
import { resolveTarget } from './resolve-target.js';

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
  recurrence: recurrenceSchema.optional().describe('New recurrence rule for the series (only with scope "all").'),
  sendUpdates: sendUpdatesSchema.default('none'),
};

export function registerUpdateEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'update_event',
    {
      title: 'Update event',
      description:
        'Changes the given fields of an event and leaves the others as they are. For a recurring event, scope "this" changes only the occurrence whose id you pass, scope "all" changes the whole series (an occurrence id is enough; the series is found from it; a new start/end then applies to the series\' first occurrence). Returns the updated event.',
      inputSchema: updateEventInput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'update event', async () => {
        const zone = args.timeZone ?? ctx.config.defaultTimeZone;
        if (args.recurrence && args.scope !== 'all') {
          throw new ToolInputError('recurrence belongs to the whole series: pass scope "all" to change it');
        }
        const target = await resolveTarget(ctx, 'update event', args.calendarId, args.eventId, args.scope);
        const oldStart = fromGoogleTime(target.event.start, zone);
        const oldEnd = fromGoogleTime(target.event.end, zone);
        const newStart = args.start === undefined ? undefined : eventTime(args.start, zone, 'start');
        let newEnd = args.end === undefined ? undefined : eventTime(args.end, zone, 'end');
        if (newStart && !newEnd) newEnd = endKeepingDuration(newStart, oldStart, oldEnd);
        const finalStart = newStart ?? oldStart;
        if (finalStart && newEnd) {
          const problem = eventRangeProblem(finalStart, newEnd);
          if (problem) throw new ToolInputError(problem);
        }
        const patch = {
          ...eventFields(args),
          ...(newStart ? { start: googleTime(newStart, { patch: true }) } : {}),
          ...(newEnd ? { end: googleTime(newEnd, { patch: true }) } : {}),
        };
        if (Object.keys(patch).length === 0) throw new ToolInputError('nothing to change: give at least one field');
        const data = await ctx.upstream.call('update event', (api, options) =>
          api.events.patch(
            { calendarId: args.calendarId, eventId: target.id, sendUpdates: args.sendUpdates, requestBody: patch },
            options,
          ),
        );
        return toolJson({ scope: target.isSeries ? 'series' : 'this event', updated: compactEvent(data, { full: true }) });
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { compactEvent } from '../event-view.js';
import { answerScopeSchema, calendarIdSchema, eventIdSchema, sendUpdatesSchema } from './common.js';
import { resolveTarget, scopeLabel } from './resolve-target.js';
import { respondOutput } from './outputs.js';

export const respondToEventInput = {
  calendarId: calendarIdSchema,
  eventId: eventIdSchema,
  response: z.enum(['accepted', 'declined', 'tentative']).describe('Your answer to the invitation.'),
  comment: z.string().max(1000).optional().describe('A note to the organizer.'),
  scope: answerScopeSchema,
  sendUpdates: sendUpdatesSchema.default('all'),
};

export function registerRespondToEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_respond_to_event',
    {
      title: 'Respond to a Google Calendar invitation',
      description:
        'Accepts, declines or tentatively accepts an event you are invited to (sets your own attendee response; the organizer is told unless sendUpdates is "none"). For a recurring invitation, scope "this" answers one occurrence, "all" the whole series.',
      inputSchema: respondToEventInput,
      outputSchema: respondOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'respond to event', async () => {
        const target = await resolveTarget(ctx, 'respond to event', args.calendarId, args.eventId, args.scope);
        const attendees = target.event.attendees ?? [];
        if (!attendees.some((a) => a.self)) {
          throw new ToolInputError(
            'You are not on the guest list of this event (you may be its organizer, or it has no guests), so there is no invitation to answer.',
          );
        }
        const updated = attendees.map((a) =>
          a.self ? { ...a, responseStatus: args.response, ...(args.comment !== undefined ? { comment: args.comment } : {}) } : a,
        );
        const data = await ctx.upstream.call('respond to event', (api, options) =>
          api.events.patch(
            { calendarId: args.calendarId, eventId: target.id, sendUpdates: args.sendUpdates, requestBody: { attendees: updated } },
            options,
          ),
        );
        const view = compactEvent(data);
        return toolJson({
          response: view.myResponse ?? args.response,
          scope: scopeLabel(target),
          event: { id: view.id, summary: view.summary, start: view.start, end: view.end, organizer: view.organizer },
        });
      }),
  );
}

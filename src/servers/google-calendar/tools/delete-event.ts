import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { calendarIdSchema, eventIdSchema, scopeSchema, sendUpdatesSchema } from './common.js';
import { resolveTarget, scopeLabel } from './resolve-target.js';
import { cutSeries } from './series-split.js';
import { deleteEventOutput } from './outputs.js';

export const deleteEventInput = {
  calendarId: calendarIdSchema,
  eventId: eventIdSchema,
  scope: scopeSchema,
  sendUpdates: sendUpdatesSchema.default('none'),
};

export function registerDeleteEventTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_delete_event',
    {
      title: 'Delete a Google Calendar event',
      description:
        'Deletes an event. For a recurring event, scope "this" deletes only the occurrence whose id you pass, "thisAndFollowing" that occurrence and every later one (the series then ends before it), "all" the whole series. Set sendUpdates "all" to tell the attendees it is cancelled. Cannot be undone from here: confirm with the user first.',
      inputSchema: deleteEventInput,
      outputSchema: deleteEventOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'delete event', async () => {
        const target = await resolveTarget(ctx, 'delete event', args.calendarId, args.eventId, args.scope);
        if (target.splitAt) {
          // Deleting "this and following" ends the series just before the occurrence.
          const recurrence = await cutSeries(ctx, 'delete event', target, ctx.config.defaultTimeZone, args.sendUpdates);
          return toolJson({
            deleted: args.eventId,
            scope: scopeLabel(target),
            summary: target.event.summary ?? '(no title)',
            series: { id: target.id, recurrence },
          });
        }
        await ctx.upstream.call('delete event', (api, options) =>
          api.events.delete({ calendarId: args.calendarId, eventId: target.id, sendUpdates: args.sendUpdates }, options),
        );
        return toolJson({ deleted: target.id, scope: scopeLabel(target), summary: target.event.summary ?? '(no title)' });
      }),
  );
}

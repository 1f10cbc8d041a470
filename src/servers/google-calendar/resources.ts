// The Calendar resources: the calendar list, and one calendar's events on one day. Read through the tools' own
// code (answer + the same listing), so failures read as the tools' do. Google's change notifications (events.watch)
// need a public HTTPS webhook, which a server on 127.0.0.1 cannot receive: subscriptions poll instead
// (shared/resource-subscriptions.ts).
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { resourceFromToolResult } from '../shared/resource-result.js';
import { registerSubscribableResources } from '../shared/resource-subscriptions.js';
import { toolJson } from '../shared/tool-result.js';
import { answer, type ToolContext } from './context.js';
import { ToolInputError } from '../shared/tool-input-error.js';
import { compactCalendar } from './event-view.js';
import { addDays, parseTimeInput } from './time.js';
import { listEvents } from './tools/list-events.js';

export function registerCalendarResources(server: McpServer, ctx: ToolContext): void {
  const readCalendars = async (uri: URL) =>
    resourceFromToolResult(
      uri,
      await answer(ctx, 'read calendars', async () => {
        const data = await ctx.upstream.call('read calendars', (api, options) => api.calendarList.list({ maxResults: 250 }, options));
        return toolJson({ calendars: (data.items ?? []).map(compactCalendar) });
      }),
    );
  const readDay = async (uri: URL, variables: Variables) => {
    const calendarId = decodeURIComponent(String(variables.calendarId ?? 'primary'));
    const date = String(variables.date ?? '');
    return resourceFromToolResult(
      uri,
      await answer(ctx, 'read the day', async () => {
        let input;
        try {
          input = parseTimeInput(date);
        } catch (err) {
          throw new ToolInputError((err as Error).message);
        }
        if (input.kind !== 'date') throw new ToolInputError(`"${date}" is not a day: use "YYYY-MM-DD"`);
        return toolJson(
          await listEvents(ctx, {
            calendarIds: [calendarId],
            timeMin: input.date,
            timeMax: addDays(input.date, 1),
            expandRecurring: true,
            maxResults: 250,
          }),
        );
      }),
    );
  };
  const dayTemplate = new ResourceTemplate('calendar://calendars/{calendarId}/days/{date}', { list: undefined });
  registerSubscribableResources(server, [
    {
      name: 'calendar_calendars',
      uri: 'calendar://calendars',
      metadata: {
        title: 'Calendars',
        description: 'The calendars this account can see: id, name, primary, access role, time zone.',
        mimeType: 'application/json',
      },
      read: readCalendars,
    },
    {
      name: 'calendar_day',
      template: dayTemplate,
      metadata: {
        title: 'Events of a day',
        description: 'One calendar\'s events on one day ("YYYY-MM-DD"), e.g. calendar://calendars/primary/days/2025-06-03.',
        mimeType: 'application/json',
      },
      read: readDay,
    },
  ]);
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { compactCalendar } from '../event-view.js';
import { listCalendarsOutput } from './outputs.js';

export const listCalendarsInput = {
  pageToken: z.string().optional().describe('nextPageToken from a previous answer, to get the next page.'),
  maxResults: z.number().int().min(1).max(250).default(100).describe('Calendars per page.'),
  showHidden: z.boolean().default(false).describe('Include calendars hidden from the list in Google Calendar.'),
};

export function registerListCalendarsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_list_calendars',
    {
      title: 'List Google Calendar calendars',
      description:
        'Lists the calendars this account can see: id (use it as calendarId in other tools), name, whether it is the primary one, access role (owner/writer can change events; reader/freeBusyReader cannot) and time zone.',
      inputSchema: listCalendarsInput,
      outputSchema: listCalendarsOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'list calendars', async () => {
        const data = await ctx.upstream.call('list calendars', (api, options) =>
          api.calendarList.list(
            {
              maxResults: args.maxResults,
              showHidden: args.showHidden,
              ...(args.pageToken ? { pageToken: args.pageToken } : {}),
            },
            options,
          ),
        );
        return toolJson({
          calendars: (data.items ?? []).map(compactCalendar),
          ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
        });
      }),
  );
}

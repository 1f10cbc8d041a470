import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { freeGaps, mergeBusy, type Interval } from '../busy.js';
import { answer, type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { toInstantRfc3339, toZonedRfc3339 } from '../time.js';
import { timeZoneSchema } from './common.js';
import { freeBusyOutput } from './outputs.js';

export const freeBusyInput = {
  calendarIds: z
    .array(z.string().min(1))
    .min(1)
    .max(50)
    .default(['primary'])
    .describe('Calendars (or people\'s email addresses whose calendars you can see) to check. Default ["primary"].'),
  timeMin: z.string().describe('Start of the window: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (in timeZone) or RFC 3339.'),
  timeMax: z.string().describe('End of the window (exclusive), same formats.'),
  timeZone: timeZoneSchema,
  minFreeMinutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(0)
    .describe('Only report free gaps at least this long (e.g. 30 to find a 30-minute meeting slot).'),
};

export function registerFreeBusyTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_find_free_busy',
    {
      title: 'Google Calendar free/busy',
      description:
        'When the given calendars are busy between timeMin and timeMax, and the gaps when all of them are free. Use it to find a meeting slot; it shows no event details.',
      inputSchema: freeBusyInput,
      outputSchema: freeBusyOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'free/busy', async () => {
        const zone = args.timeZone ?? ctx.config.defaultTimeZone;
        let timeMin: string;
        let timeMax: string;
        try {
          timeMin = toInstantRfc3339(args.timeMin, zone);
          timeMax = toInstantRfc3339(args.timeMax, zone);
        } catch (err) {
          throw new ToolInputError((err as Error).message);
        }
        if (Date.parse(timeMax) <= Date.parse(timeMin)) throw new ToolInputError('timeMax must be after timeMin');
        const data = await ctx.upstream.call('free/busy', (api, options) =>
          api.freebusy.query(
            { requestBody: { timeMin, timeMax, timeZone: zone, items: args.calendarIds.map((id) => ({ id })) } },
            options,
          ),
        );
        const zoned = (ms: number): string => toZonedRfc3339(new Date(ms), zone);
        const allBusy: Interval[] = [];
        const calendars = args.calendarIds.map((calendarId) => {
          const entry = data.calendars?.[calendarId];
          const busy = (entry?.busy ?? []).flatMap((b) => (b.start && b.end ? [{ start: b.start, end: b.end }] : []));
          allBusy.push(...busy);
          const errors = (entry?.errors ?? []).map((e) => e.reason ?? 'unknown');
          return {
            calendarId,
            busy: mergeBusy(busy).map((s) => ({ start: zoned(s.start), end: zoned(s.end) })),
            ...(errors.length ? { errors } : {}),
            ...(!entry ? { errors: ['notFound'] } : {}),
          };
        });
        const free = freeGaps(mergeBusy(allBusy), Date.parse(timeMin), Date.parse(timeMax), args.minFreeMinutes).map((s) => ({
          start: zoned(s.start),
          end: zoned(s.end),
        }));
        return toolJson({ timeZone: zone, timeMin, timeMax, calendars, freeForAll: free });
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { UpstreamError, describeFailure } from '../errors.js';
import { compactEvent, type CompactEvent } from '../event-view.js';
import { decodeCursor, encodeCursor, type CalendarCursors } from '../pagination.js';
import { allDayWithin, coveredDays, toInstantRfc3339, toZonedRfc3339 } from '../time.js';
import { timeZoneSchema } from './common.js';
import { listEventsOutput } from './outputs.js';

export const listEventsInput = {
  calendarIds: z
    .array(z.string().min(1))
    .min(1)
    .max(10)
    .default(['primary'])
    .describe('Calendars to read (ids from calendar_list_calendars). Default ["primary"].'),
  timeMin: z
    .string()
    .optional()
    .describe('Start of the range: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (in timeZone) or RFC 3339. Default: now.'),
  timeMax: z.string().optional().describe('End of the range (exclusive), same formats. Default: no end.'),
  query: z.string().optional().describe('Free text matched against title, description, location and attendees.'),
  timeZone: timeZoneSchema,
  expandRecurring: z
    .boolean()
    .default(true)
    .describe('true: each occurrence of a recurring event is its own item, sorted by start. false: one item per series.'),
  eventTypes: z
    .array(z.enum(['default', 'focusTime', 'outOfOffice', 'workingLocation', 'birthday', 'fromGmail']))
    .min(1)
    .optional()
    .describe('Only events of these kinds, e.g. ["outOfOffice"] to see who is away. Default: every kind.'),
  maxResults: z.number().int().min(1).max(250).default(25).describe('Events per calendar per page.'),
  pageToken: z.string().optional().describe('nextPageToken from a previous answer with the same arguments.'),
};

interface CalendarPage {
  calendarId: string;
  events: CompactEvent[];
  nextPageToken?: string;
  error?: string;
}

function startKey(event: CompactEvent): number {
  return event.start ? Date.parse(event.start) : Number.POSITIVE_INFINITY;
}

export type ListEventsArgs = z.output<z.ZodObject<typeof listEventsInput>>;

/** The events of the given calendars in a range: what calendar_list_events answers (and the agenda resource reads). */
export async function listEvents(ctx: ToolContext, args: ListEventsArgs): Promise<object> {
  const zone = args.timeZone ?? ctx.config.defaultTimeZone;
  let timeMin: string;
  let timeMax: string | undefined;
  try {
    timeMin = args.timeMin ? toInstantRfc3339(args.timeMin, zone) : toZonedRfc3339(ctx.now(), zone);
    timeMax = args.timeMax ? toInstantRfc3339(args.timeMax, zone) : undefined;
    if (timeMax && Date.parse(timeMax) <= Date.parse(timeMin)) throw new Error('timeMax must be after timeMin');
  } catch (err) {
    throw new ToolInputError((err as Error).message);
  }
  let cursors: CalendarCursors | undefined;
  if (args.pageToken) {
    try {
      cursors = decodeCursor(args.pageToken);
    } catch (err) {
      throw new ToolInputError((err as Error).message);
    }
  }
  const days = coveredDays(timeMin, timeMax, zone);
  // On a follow-up page only the calendars that still have pages are read.
  const calendarIds = cursors ? args.calendarIds.filter((id) => cursors[id]) : args.calendarIds;
  if (calendarIds.length === 0) {
    throw new ToolInputError('pageToken belongs to a listing of other calendars: call again with the same calendarIds as before');
  }

  const pages = await Promise.all(
    calendarIds.map(async (calendarId): Promise<CalendarPage> => {
      try {
        const pageToken = cursors?.[calendarId];
        const data = await ctx.upstream.call('list events', (api, options) =>
          api.events.list(
            {
              calendarId,
              timeMin,
              ...(timeMax ? { timeMax } : {}),
              ...(args.query ? { q: args.query } : {}),
              ...(args.eventTypes ? { eventTypes: args.eventTypes } : {}),
              timeZone: zone,
              singleEvents: args.expandRecurring,
              ...(args.expandRecurring ? { orderBy: 'startTime' } : {}),
              maxResults: args.maxResults,
              ...(pageToken ? { pageToken } : {}),
            },
            options,
          ),
        );
        return {
          calendarId,
          events: (data.items ?? [])
            .map((event) => compactEvent(event))
            .filter((event) => !event.allDay || !event.start || !event.end || allDayWithin(event.start, event.end, days)),
          ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
        };
      } catch (err) {
        // With several calendars, one that fails is reported beside the others' events.
        if (calendarIds.length === 1 || !(err instanceof UpstreamError)) throw err;
        return { calendarId, events: [], error: describeFailure(err.failure, `list events (${calendarId})`, ctx.now()) };
      }
    }),
  );
  if (pages.every((page) => page.error)) throw new ToolInputError(pages.map((page) => page.error).join('\n'));

  const multiple = args.calendarIds.length > 1;
  const events = pages
    .flatMap((page) => page.events.map((event) => (multiple ? { calendarId: page.calendarId, ...event } : event)))
    .sort((a, b) => startKey(a) - startKey(b));
  const next: CalendarCursors = {};
  for (const page of pages) if (page.nextPageToken) next[page.calendarId] = page.nextPageToken;
  const nextPageToken = encodeCursor(next);
  const errors = pages.filter((page) => page.error).map((page) => ({ calendarId: page.calendarId, error: page.error }));
  return {
    timeZone: zone,
    timeMin,
    ...(timeMax ? { timeMax } : {}),
    count: events.length,
    events,
    ...(nextPageToken ? { nextPageToken } : {}),
    ...(errors.length ? { errors } : {}),
  };
}

export function registerListEventsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_list_events',
    {
      title: 'List Google Calendar events',
      description:
        'Lists events in one or more calendars within a time range, optionally filtered by text or by kind (eventTypes: focus time, out of office, working location). Returns compact events (id, seriesId for an occurrence of a recurring event, title, start/end, all-day flag with lastDay, kind, colour, location, attendees with their responses and your own, Meet link). All-day events are those on the days of the range in timeZone. When nextPageToken is present, call again with it to get more.',
      inputSchema: listEventsInput,
      outputSchema: listEventsOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (args) =>
      answer(ctx, 'list events', async () => toolJson(await listEvents(ctx, args))),
  );
}

// Before an event is created or moved: what else is in that time on the calendar (by name), whether the same
// event is already there (same title, same start and end), and which attendees are busy (free/busy of their
// calendars, which shows times only). The answer lists them; a duplicate stops a create unless allowed.
import type { calendar_v3 } from '@googleapis/calendar';
import { mergeBusy } from '../busy.js';
import type { ToolContext } from '../context.js';
import { toInstantRfc3339, toZonedRfc3339, type EventTime } from '../time.js';

export interface Overlap {
  id: string;
  summary: string;
  start: string;
  end: string;
}

export interface ScheduleCheck {
  /** Events of the same calendar that overlap the new time. */
  conflicts: Overlap[];
  /** Events of the same calendar with the same title, start and end. */
  duplicates: Overlap[];
  /** Attendees whose calendars are busy in that time, with the busy blocks. */
  attendeesBusy: { email: string; busy: { start: string; end: string }[] }[];
  /** Attendees whose free/busy Google would not give (not shared, other domain). */
  attendeesUnknown: string[];
}

export interface ScheduleCheckInput {
  calendarId: string;
  start: EventTime;
  end: EventTime;
  zone: string;
  summary: string | undefined;
  attendees: string[];
  /** The event being changed (and, for a series, its occurrences), which cannot conflict with itself. */
  ignoreIds: string[];
}

function instant(time: EventTime, zone: string): string {
  return 'date' in time ? toInstantRfc3339(time.date, zone) : time.dateTime;
}

function edge(time: calendar_v3.Schema$EventDateTime | undefined): string {
  return time?.date ?? time?.dateTime ?? '';
}

function sameTime(a: string, b: EventTime): boolean {
  if ('date' in b) return a === b.date;
  return Date.parse(a) === Date.parse(b.dateTime);
}

function takesTime(event: calendar_v3.Schema$Event, ignore: Set<string>): boolean {
  if (event.status === 'cancelled' || event.transparency === 'transparent') return false;
  if (ignore.has(event.id ?? '') || (event.recurringEventId && ignore.has(event.recurringEventId))) return false;
  return !event.attendees?.some((a) => a.self && a.responseStatus === 'declined');
}

export async function checkSchedule(ctx: ToolContext, operation: string, input: ScheduleCheckInput): Promise<ScheduleCheck> {
  const timeMin = instant(input.start, input.zone);
  const timeMax = instant(input.end, input.zone);
  const ignore = new Set(input.ignoreIds);
  const others = input.attendees.filter((email) => email.toLowerCase() !== input.calendarId.toLowerCase());
  const [events, freeBusy] = await Promise.all([
    ctx.upstream.call(operation, (api, options) =>
      api.events.list(
        { calendarId: input.calendarId, timeMin, timeMax, singleEvents: true, maxResults: 50, timeZone: input.zone },
        options,
      ),
    ),
    others.length === 0
      ? undefined
      : ctx.upstream.call(operation, (api, options) =>
          api.freebusy.query({ requestBody: { timeMin, timeMax, timeZone: input.zone, items: others.map((id) => ({ id })) } }, options),
        ),
  ]);
  const title = input.summary?.trim().toLowerCase();
  const conflicts: Overlap[] = [];
  const duplicates: Overlap[] = [];
  for (const event of events.items ?? []) {
    if (!takesTime(event, ignore)) continue;
    const overlap = { id: event.id ?? '', summary: event.summary ?? '(no title)', start: edge(event.start), end: edge(event.end) };
    const same =
      title !== undefined &&
      (event.summary ?? '').trim().toLowerCase() === title &&
      sameTime(overlap.start, input.start) &&
      sameTime(overlap.end, input.end);
    (same ? duplicates : conflicts).push(overlap);
  }
  const attendeesBusy: ScheduleCheck['attendeesBusy'] = [];
  const attendeesUnknown: string[] = [];
  for (const email of others) {
    const entry = freeBusy?.calendars?.[email];
    if (!entry || (entry.errors?.length ?? 0) > 0) {
      attendeesUnknown.push(email);
      continue;
    }
    const busy = (entry.busy ?? []).flatMap((b) => (b.start && b.end ? [{ start: b.start, end: b.end }] : []));
    if (busy.length === 0) continue;
    attendeesBusy.push({
      email,
      busy: mergeBusy(busy).map((s) => ({
        start: toZonedRfc3339(new Date(s.start), input.zone),
        end: toZonedRfc3339(new Date(s.end), input.zone),
      })),
    });
  }
  return { conflicts, duplicates, attendeesBusy, attendeesUnknown };
}

/** The check's findings for the answer: only the lists that have something in them. */
export function scheduleWarnings(check: ScheduleCheck): Partial<ScheduleCheck> {
  return {
    ...(check.conflicts.length ? { conflicts: check.conflicts } : {}),
    ...(check.duplicates.length ? { duplicates: check.duplicates } : {}),
    ...(check.attendeesBusy.length ? { attendeesBusy: check.attendeesBusy } : {}),
    ...(check.attendeesUnknown.length ? { attendeesUnknown: check.attendeesUnknown } : {}),
  };
}

// Calendar API objects reduced to what a model needs to read and act on: ids, times, who, where, my answer.
import type { calendar_v3 } from '@googleapis/calendar';
import { addDays } from './time.js';

export interface CompactAttendee {
  email: string;
  name?: string;
  response: string;
  self?: true;
  organizer?: true;
  optional?: true;
  comment?: string;
}

/** How many guests gave each answer. */
export type ResponseCounts = Partial<Record<'accepted' | 'declined' | 'tentative' | 'needsAction', number>>;

export interface CompactEvent {
  id: string;
  /** Set on one occurrence of a recurring event: the id of its series. */
  seriesId?: string;
  summary: string;
  start?: string;
  end?: string;
  allDay: boolean;
  /** All-day events: the last day the event covers (end is exclusive, so one day before it). */
  lastDay?: string;
  timeZone?: string;
  /** Set unless a normal event: focusTime, outOfOffice, workingLocation, birthday, fromGmail. */
  eventType?: string;
  /** workingLocation events: "home office" or the place's label. */
  workingLocation?: string;
  colorId?: string;
  status?: string;
  location?: string;
  description?: string;
  organizer?: string;
  myResponse?: string;
  attendees?: CompactAttendee[];
  responses?: ResponseCounts;
  recurrence?: string[];
  reminders?: { useDefault: boolean; overrides?: { method: string; minutes: number }[] };
  conference?: string;
  /** Google is still making the Meet link (ask for the event again in a moment). */
  conferencePending?: true;
  link?: string;
}

const LIST_DESCRIPTION_LIMIT = 300;

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function compactAttendee(a: calendar_v3.Schema$EventAttendee): CompactAttendee {
  return {
    email: a.email ?? '',
    ...(a.displayName ? { name: a.displayName } : {}),
    response: a.responseStatus ?? 'needsAction',
    ...(a.self ? { self: true as const } : {}),
    ...(a.organizer ? { organizer: true as const } : {}),
    ...(a.optional ? { optional: true as const } : {}),
    ...(a.comment ? { comment: a.comment } : {}),
  };
}

function responseCounts(attendees: calendar_v3.Schema$EventAttendee[]): ResponseCounts {
  const counts: ResponseCounts = {};
  for (const a of attendees) {
    const key = (a.responseStatus ?? 'needsAction') as keyof ResponseCounts;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function workingLocationName(event: calendar_v3.Schema$Event): string | undefined {
  const where = event.workingLocationProperties;
  if (!where) return undefined;
  if (where.type === 'homeOffice') return 'home office';
  return where.officeLocation?.label ?? where.customLocation?.label ?? where.type ?? undefined;
}

/** `full`: whole description and reminders (calendar_get_event); otherwise a list row with a shortened description. */
export function compactEvent(event: calendar_v3.Schema$Event, { full = false } = {}): CompactEvent {
  const allDay = !!event.start?.date;
  const start = event.start?.date ?? event.start?.dateTime ?? undefined;
  const end = event.end?.date ?? event.end?.dateTime ?? undefined;
  const me = event.attendees?.find((a) => a.self);
  const conference =
    event.hangoutLink ?? event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? undefined;
  const pending = !conference && event.conferenceData?.createRequest?.status?.statusCode === 'pending';
  const place = workingLocationName(event);
  const view: CompactEvent = {
    id: event.id ?? '',
    ...(event.recurringEventId ? { seriesId: event.recurringEventId } : {}),
    summary: event.summary ?? '(no title)',
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    allDay,
    ...(allDay && event.end?.date ? { lastDay: addDays(event.end.date, -1) } : {}),
    ...(event.start?.timeZone ? { timeZone: event.start.timeZone } : {}),
    ...(event.eventType && event.eventType !== 'default' ? { eventType: event.eventType } : {}),
    ...(place ? { workingLocation: place } : {}),
    ...(event.colorId ? { colorId: event.colorId } : {}),
    ...(event.status ? { status: event.status } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.description
      ? { description: full ? event.description : truncate(event.description, LIST_DESCRIPTION_LIMIT) }
      : {}),
    ...(event.organizer?.email ? { organizer: event.organizer.email } : {}),
    ...(me?.responseStatus ? { myResponse: me.responseStatus } : {}),
    ...(event.attendees?.length
      ? { attendees: event.attendees.map(compactAttendee), responses: responseCounts(event.attendees) }
      : {}),
    ...(event.recurrence?.length ? { recurrence: event.recurrence } : {}),
    ...(conference ? { conference } : {}),
    ...(pending ? { conferencePending: true as const } : {}),
    ...(event.htmlLink ? { link: event.htmlLink } : {}),
  };
  if (full && event.reminders) {
    view.reminders = {
      useDefault: !!event.reminders.useDefault,
      ...(event.reminders.overrides?.length
        ? { overrides: event.reminders.overrides.map((o) => ({ method: o.method ?? 'popup', minutes: o.minutes ?? 0 })) }
        : {}),
    };
  }
  return view;
}

export interface CompactCalendar {
  id: string;
  summary: string;
  primary?: true;
  accessRole?: string;
  timeZone?: string;
  description?: string;
  hidden?: true;
}

export function compactCalendar(entry: calendar_v3.Schema$CalendarListEntry): CompactCalendar {
  return {
    id: entry.id ?? '',
    summary: entry.summaryOverride ?? entry.summary ?? '',
    ...(entry.primary ? { primary: true as const } : {}),
    ...(entry.accessRole ? { accessRole: entry.accessRole } : {}),
    ...(entry.timeZone ? { timeZone: entry.timeZone } : {}),
    ...(entry.description ? { description: truncate(entry.description, LIST_DESCRIPTION_LIMIT) } : {}),
    ...(entry.hidden ? { hidden: true as const } : {}),
  };
}

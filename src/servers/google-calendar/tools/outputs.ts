// The outputSchema of every Calendar tool: the exact top-level fields of its structuredContent (toolJson puts the
// same object there and in the text). Events and calendars are open objects (looseObject): most fields are optional.
import { z } from 'zod';

const event = z.looseObject({
  id: z.string(),
  summary: z.string(),
  start: z.string().optional(),
  end: z.string().optional(),
  allDay: z.boolean(),
  calendarId: z.string().optional(),
});
const interval = z.object({ start: z.string(), end: z.string() });
const scope = z.enum(['series', 'this event', 'this and following']);
const series = z.object({ id: z.string(), recurrence: z.array(z.string()) });
/** What calendar_create_event / calendar_update_event add when the new time clashes (schedule-check.ts scheduleWarnings). */
const scheduleWarnings = {
  conflicts: z.array(z.looseObject({})).optional(),
  duplicates: z.array(z.looseObject({})).optional(),
  attendeesBusy: z.array(z.looseObject({ email: z.string(), busy: z.array(interval) })).optional(),
  attendeesUnknown: z.array(z.string()).optional(),
};

export const currentTimeOutput = {
  timeZone: z.string(),
  now: z.string(),
  date: z.string(),
  time: z.string(),
  weekday: z.string(),
  utcOffset: z.string(),
  utc: z.string(),
};
export const listCalendarsOutput = {
  calendars: z.array(z.looseObject({ id: z.string(), summary: z.string() })),
  nextPageToken: z.string().optional(),
};
export const listEventsOutput = {
  timeZone: z.string(),
  timeMin: z.string(),
  timeMax: z.string().optional(),
  count: z.number().int(),
  events: z.array(event),
  nextPageToken: z.string().optional(),
  errors: z.array(z.object({ calendarId: z.string(), error: z.string() })).optional(),
};
/** calendar_get_event answers the event itself. */
export const eventOutput = event;
export const createEventOutput = { created: event, ...scheduleWarnings };
export const updateEventOutput = { scope, updated: event, previousSeries: series.optional(), ...scheduleWarnings };
export const deleteEventOutput = { deleted: z.string(), scope, summary: z.string(), series: series.optional() };
export const respondOutput = {
  response: z.string(),
  scope,
  event: z.looseObject({ id: z.string(), summary: z.string() }),
};
export const freeBusyOutput = {
  timeZone: z.string(),
  timeMin: z.string(),
  timeMax: z.string(),
  calendars: z.array(
    z.object({ calendarId: z.string(), busy: z.array(interval), errors: z.array(z.string()).optional() }),
  ),
  freeForAll: z.array(interval),
};
export const listColorsOutput = {
  colors: z.array(z.object({ colorId: z.string(), name: z.string(), background: z.string(), foreground: z.string() })),
};

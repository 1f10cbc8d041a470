// Turns the shared create/update arguments into a Calendar API event body.
import { randomUUID } from 'node:crypto';
import type { calendar_v3 } from '@googleapis/calendar';
import type { z } from 'zod';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { addDays, defaultEnd, eventRangeProblem, toEventTime, toZonedRfc3339, type EventTime } from '../time.js';
import {
  toGoogleAttendees,
  toGoogleReminders,
  type attendeesSchema,
  type recurrenceSchema,
  type remindersSchema,
} from './common.js';

export interface EventFieldArgs {
  summary?: string | undefined;
  description?: string | undefined;
  location?: string | undefined;
  attendees?: z.infer<typeof attendeesSchema> | undefined;
  reminders?: z.infer<typeof remindersSchema> | undefined;
  recurrence?: z.infer<typeof recurrenceSchema> | undefined;
  colorId?: string | undefined;
  /** true adds a Google Meet link, false (update) removes the conference. */
  meet?: boolean | undefined;
}

export function eventTime(text: string, zone: string, field: string): EventTime {
  try {
    return toEventTime(text, zone);
  } catch (err) {
    throw new ToolInputError(`${field}: ${(err as Error).message}`);
  }
}

export function checkedRange(start: EventTime, end: EventTime | undefined): { start: EventTime; end: EventTime } {
  const finalEnd = end ?? defaultEnd(start);
  const problem = eventRangeProblem(start, finalEnd);
  if (problem) throw new ToolInputError(problem);
  return { start, end: finalEnd };
}

/** The Google shape of an event time. In a patch the other kind is cleared (timed -> all-day and back). */
export function googleTime(time: EventTime, { patch = false } = {}): calendar_v3.Schema$EventDateTime {
  if ('date' in time) return patch ? { date: time.date, dateTime: null, timeZone: null } : { date: time.date };
  return patch ? { dateTime: time.dateTime, timeZone: time.timeZone, date: null } : { dateTime: time.dateTime, timeZone: time.timeZone };
}

export function eventFields(args: EventFieldArgs): calendar_v3.Schema$Event {
  return {
    ...(args.summary !== undefined ? { summary: args.summary } : {}),
    ...(args.description !== undefined ? { description: args.description } : {}),
    ...(args.location !== undefined ? { location: args.location } : {}),
    ...(args.attendees ? { attendees: toGoogleAttendees(args.attendees) } : {}),
    ...(args.reminders ? { reminders: toGoogleReminders(args.reminders) } : {}),
    ...(args.recurrence ? { recurrence: args.recurrence } : {}),
    ...(args.colorId !== undefined ? { colorId: args.colorId } : {}),
    ...(args.meet === true
      ? { conferenceData: { createRequest: { requestId: randomUUID(), conferenceSolutionKey: { type: 'hangoutsMeet' } } } }
      : {}),
    // JSON null removes the conference in a patch; the client's types have no null for it.
    ...(args.meet === false ? { conferenceData: null as unknown as calendar_v3.Schema$ConferenceData } : {}),
  };
}

/** Google reads or changes conferenceData only when the request says conferenceDataVersion=1. */
export function conferenceVersion(args: EventFieldArgs): { conferenceDataVersion?: number } {
  return args.meet === undefined ? {} : { conferenceDataVersion: 1 };
}

/** An existing event time in our shape (undefined when Google sent neither kind). */
export function fromGoogleTime(time: calendar_v3.Schema$EventDateTime | undefined, zone: string): EventTime | undefined {
  if (time?.date) return { date: time.date };
  if (time?.dateTime) return { dateTime: time.dateTime, timeZone: time.timeZone ?? zone };
  return undefined;
}

/** The end that keeps an event's old length when only its start moves. */
export function endKeepingDuration(newStart: EventTime, oldStart: EventTime | undefined, oldEnd: EventTime | undefined): EventTime {
  if (oldStart && oldEnd && 'date' in newStart && 'date' in oldStart && 'date' in oldEnd) {
    const days = Math.round((Date.parse(oldEnd.date) - Date.parse(oldStart.date)) / 86_400_000);
    return { date: addDays(newStart.date, Math.max(1, days)) };
  }
  if (oldStart && oldEnd && 'dateTime' in newStart && 'dateTime' in oldStart && 'dateTime' in oldEnd) {
    const length = Date.parse(oldEnd.dateTime) - Date.parse(oldStart.dateTime);
    if (length > 0) {
      return { dateTime: toZonedRfc3339(new Date(Date.parse(newStart.dateTime) + length), newStart.timeZone), timeZone: newStart.timeZone };
    }
  }
  return defaultEnd(newStart);
}

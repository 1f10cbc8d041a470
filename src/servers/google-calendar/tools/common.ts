// Argument schemas several tools share, with descriptions written for the model.
import { z } from 'zod';
import { isValidTimeZone } from '../time.js';

export const calendarIdSchema = z
  .string()
  .min(1)
  .default('primary')
  .describe('Calendar id from calendar_list_calendars; "primary" is the account\'s main calendar.');

export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'not an IANA time zone such as "Asia/Tokyo" or "UTC"' })
  .optional()
  .describe('IANA time zone, e.g. "Asia/Tokyo". Default: the server\'s zone (GCAL_TIME_ZONE).');

export const eventIdSchema = z
  .string()
  .min(1)
  .describe('Event id from calendar_list_events (an occurrence of a recurring event has its own id, e.g. "abc_20250601T010000Z").');

export const scopeSchema = z
  .enum(['this', 'thisAndFollowing', 'all'])
  .default('this')
  .describe(
    'For a recurring event: "this" = only this occurrence (pass an occurrence id), "thisAndFollowing" = this occurrence and every later one (pass an occurrence id), "all" = the whole series.',
  );

/** An invitation is answered for one occurrence or the whole series (Google has no "and following" answer). */
export const answerScopeSchema = z
  .enum(['this', 'all'])
  .default('this')
  .describe('For a recurring event: "this" = only this occurrence (pass an occurrence id), "all" = the whole series.');

export const colorIdSchema = z
  .string()
  .regex(/^([1-9]|1[01])$/, 'an event colour id is "1" to "11" (see calendar_list_colors)')
  .describe('Event colour: "1"-"11" (names and hex values from calendar_list_colors). Default: the calendar\'s colour.');

export const meetSchema = z
  .boolean()
  .describe('true: add a Google Meet video link (the answer gives it as conference); false on update: remove it.');

export const eventTypeSchema = z
  .enum(['default', 'focusTime', 'outOfOffice', 'workingLocation'])
  .describe(
    'Kind of event: "default" (a normal event), "focusTime" (timed only), "outOfOffice" (timed only), "workingLocation" (needs workingLocation). The last three exist only on the primary calendar.',
  );

export const statusEventFields = {
  autoDecline: z
    .enum(['none', 'new', 'all'])
    .optional()
    .describe('focusTime / outOfOffice: decline invitations that overlap: "none", "new" (only new ones) or "all". Default "none".'),
  declineMessage: z.string().max(1000).optional().describe('focusTime / outOfOffice: the note sent with a decline.'),
  workingLocation: z
    .object({
      type: z.enum(['homeOffice', 'officeLocation', 'customLocation']),
      label: z.string().min(1).max(200).optional().describe('Name of the office or place (officeLocation, customLocation).'),
    })
    .optional()
    .describe('workingLocation: where you work, e.g. {"type":"homeOffice"} or {"type":"customLocation","label":"Osaka"}.'),
};

export const sendUpdatesSchema = z
  .enum(['all', 'externalOnly', 'none'])
  .describe('Who gets an email about the change: "all" attendees, "externalOnly" (outside your domain) or "none".');

export const timeInputDescription =
  '"YYYY-MM-DD" for an all-day event, "YYYY-MM-DDTHH:MM" (wall clock in timeZone) or RFC 3339 with offset.';

export const attendeesSchema = z
  .array(
    z.union([
      z.email(),
      z.object({
        email: z.email(),
        optional: z.boolean().optional().describe('Attendance optional.'),
      }),
    ]),
  )
  .max(200)
  .describe('Guests: email addresses, or {email, optional}.');

export const remindersSchema = z
  .object({
    useDefault: z.boolean().optional().describe('Use the calendar\'s default reminders (then give no overrides).'),
    overrides: z
      .array(
        z.object({
          method: z.enum(['popup', 'email']).default('popup'),
          minutes: z.number().int().min(0).max(40320).describe('Minutes before the start.'),
        }),
      )
      .max(5)
      .optional(),
  })
  .describe('Reminders, e.g. {"overrides":[{"method":"popup","minutes":10}]}.');

export const recurrenceSchema = z
  .array(z.string().regex(/^(RRULE|EXRULE|RDATE|EXDATE)[:;]/, 'each line starts with RRULE:, EXRULE:, RDATE or EXDATE'))
  .max(10)
  .describe('RFC 5545 lines, e.g. ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10"]. Only for a series, not one occurrence.');

export function toGoogleAttendees(
  attendees: z.infer<typeof attendeesSchema>,
): { email: string; optional?: boolean }[] {
  return attendees.map((a) => (typeof a === 'string' ? { email: a } : { email: a.email, ...(a.optional ? { optional: true } : {}) }));
}

export function toGoogleReminders(reminders: z.infer<typeof remindersSchema>): {
  useDefault: boolean;
  overrides?: { method: string; minutes: number }[];
} {
  if (reminders.overrides && reminders.overrides.length > 0) {
    return { useDefault: false, overrides: reminders.overrides };
  }
  return { useDefault: reminders.useDefault ?? true };
}

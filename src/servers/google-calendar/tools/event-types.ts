// The status event kinds (focus time, out of office, working location) as Calendar API bodies, with Google's own
// rules checked first so the model hears what to change instead of a bare 400.
import type { calendar_v3 } from '@googleapis/calendar';
import type { z } from 'zod';
import { ToolInputError } from '../../shared/tool-input-error.js';
import type { EventTime } from '../time.js';
import type { eventTypeSchema, statusEventFields } from './common.js';

export type EventType = z.infer<typeof eventTypeSchema>;

export interface StatusEventArgs {
  eventType?: EventType | undefined;
  autoDecline?: z.infer<typeof statusEventFields.autoDecline> | undefined;
  declineMessage?: string | undefined;
  workingLocation?: z.infer<typeof statusEventFields.workingLocation> | undefined;
}

const AUTO_DECLINE_MODES = {
  none: 'declineNone',
  new: 'declineOnlyNewConflictingInvitations',
  all: 'declineAllConflictingInvitations',
} as const;

function declineProperties(args: StatusEventArgs): { autoDeclineMode: string; declineMessage?: string } {
  return {
    autoDeclineMode: AUTO_DECLINE_MODES[args.autoDecline ?? 'none'],
    ...(args.declineMessage !== undefined ? { declineMessage: args.declineMessage } : {}),
  };
}

function workingLocationProperties(
  location: NonNullable<StatusEventArgs['workingLocation']>,
): calendar_v3.Schema$Event['workingLocationProperties'] {
  if (location.type === 'homeOffice') return { type: 'homeOffice', homeOffice: {} };
  if (!location.label) throw new ToolInputError(`workingLocation of type "${location.type}" needs a label (the place's name)`);
  return location.type === 'officeLocation'
    ? { type: 'officeLocation', officeLocation: { label: location.label } }
    : { type: 'customLocation', customLocation: { label: location.label } };
}

/** The fields an event of this kind needs (empty for a default event). Throws ToolInputError for a wrong mix. */
export function eventTypeFields(args: StatusEventArgs, start: EventTime): calendar_v3.Schema$Event {
  const type = args.eventType ?? 'default';
  const declines = args.autoDecline !== undefined || args.declineMessage !== undefined;
  if (declines && type !== 'focusTime' && type !== 'outOfOffice') {
    throw new ToolInputError('autoDecline and declineMessage are only for eventType "focusTime" or "outOfOffice"');
  }
  if (args.workingLocation && type !== 'workingLocation') {
    throw new ToolInputError('workingLocation is only for eventType "workingLocation"');
  }
  if ((type === 'focusTime' || type === 'outOfOffice') && 'date' in start) {
    throw new ToolInputError(
      `a ${type} event cannot be all-day (Google's rule): give times, e.g. start "2025-06-02T00:00" and end "2025-06-03T00:00" for a whole day`,
    );
  }
  switch (type) {
    case 'default':
      return {};
    case 'focusTime':
      return {
        eventType: 'focusTime',
        transparency: 'opaque',
        focusTimeProperties: { ...declineProperties(args), chatStatus: 'doNotDisturb' },
      };
    case 'outOfOffice':
      return { eventType: 'outOfOffice', transparency: 'opaque', outOfOfficeProperties: declineProperties(args) };
    case 'workingLocation':
      if (!args.workingLocation) {
        throw new ToolInputError('eventType "workingLocation" needs workingLocation, e.g. {"type":"homeOffice"}');
      }
      return {
        eventType: 'workingLocation',
        visibility: 'public',
        transparency: 'transparent',
        workingLocationProperties: workingLocationProperties(args.workingLocation),
      };
  }
}

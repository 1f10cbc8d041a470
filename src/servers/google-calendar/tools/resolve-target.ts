// Which event a change applies to: one occurrence of a recurring event, that occurrence and the later ones, or
// the whole series.
import type { calendar_v3 } from '@googleapis/calendar';
import { type ToolContext } from '../context.js';
import { ToolInputError } from '../../shared/tool-input-error.js';

export type ChangeScope = 'this' | 'thisAndFollowing' | 'all';

export interface Target {
  calendarId: string;
  /** The id to change: the occurrence's own id, or the series id. */
  id: string;
  /** The event that id names, as it is now. */
  event: calendar_v3.Schema$Event;
  isSeries: boolean;
  /** Scope "thisAndFollowing" from an occurrence after the first: the occurrence the split starts at. */
  splitAt?: calendar_v3.Schema$Event;
}

/** How the answer names what was changed. */
export function scopeLabel(target: Target): string {
  if (target.splitAt) return 'this and following';
  return target.isSeries ? 'series' : 'this event';
}

async function fetchEvent(ctx: ToolContext, operation: string, calendarId: string, eventId: string) {
  return ctx.upstream.call(operation, (api, options) => api.events.get({ calendarId, eventId }, options));
}

function sameInstant(a: calendar_v3.Schema$EventDateTime | undefined, b: calendar_v3.Schema$EventDateTime | undefined): boolean {
  if (a?.date || b?.date) return a?.date === b?.date;
  return Date.parse(a?.dateTime ?? '') === Date.parse(b?.dateTime ?? '');
}

export async function resolveTarget(
  ctx: ToolContext,
  operation: string,
  calendarId: string,
  eventId: string,
  scope: ChangeScope,
): Promise<Target> {
  const event = await fetchEvent(ctx, operation, calendarId, eventId);
  const isSeriesMaster = (event.recurrence?.length ?? 0) > 0;
  if (scope === 'this') {
    if (isSeriesMaster) {
      throw new ToolInputError(
        `${eventId} is a whole recurring series. To change one occurrence, get its id from calendar_list_events with expandRecurring true (ids look like "${eventId}_20250601T010000Z"); to change every occurrence, pass scope "all".`,
      );
    }
    return { calendarId, id: eventId, event, isSeries: false };
  }
  if (event.recurringEventId && event.recurringEventId !== eventId) {
    const series = await fetchEvent(ctx, operation, calendarId, event.recurringEventId);
    const seriesTarget = { calendarId, id: event.recurringEventId, event: series, isSeries: true };
    // From the first occurrence on, "this and following" is the whole series.
    if (scope === 'all' || sameInstant(event.originalStartTime ?? event.start, series.start)) return seriesTarget;
    return { ...seriesTarget, splitAt: event };
  }
  if (scope === 'thisAndFollowing' && !isSeriesMaster) {
    throw new ToolInputError(`${eventId} is not part of a recurring series: use scope "this"`);
  }
  return { calendarId, id: eventId, event, isSeries: isSeriesMaster };
}

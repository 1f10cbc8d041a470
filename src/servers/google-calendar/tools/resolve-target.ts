// Which event a change applies to: one occurrence of a recurring event, or its whole series.
import type { calendar_v3 } from '@googleapis/calendar';
import { ToolInputError, type ToolContext } from '../context.js';

export interface Target {
  calendarId: string;
  /** The id to change: the occurrence's own id, or the series id for scope "all". */
  id: string;
  /** The event that id names, as it is now. */
  event: calendar_v3.Schema$Event;
  isSeries: boolean;
}

async function fetchEvent(ctx: ToolContext, operation: string, calendarId: string, eventId: string) {
  return ctx.upstream.call(operation, (api, options) => api.events.get({ calendarId, eventId }, options));
}

export async function resolveTarget(
  ctx: ToolContext,
  operation: string,
  calendarId: string,
  eventId: string,
  scope: 'this' | 'all',
): Promise<Target> {
  const event = await fetchEvent(ctx, operation, calendarId, eventId);
  const isSeriesMaster = (event.recurrence?.length ?? 0) > 0;
  if (scope === 'this') {
    if (isSeriesMaster) {
      throw new ToolInputError(
        `${eventId} is a whole recurring series. To change one occurrence, get its id from list_events with expandRecurring true (ids look like "${eventId}_20250601T010000Z"); to change every occurrence, pass scope "all".`,
      );
    }
    return { calendarId, id: eventId, event, isSeries: false };
  }
  if (event.recurringEventId && event.recurringEventId !== eventId) {
    const series = await fetchEvent(ctx, operation, calendarId, event.recurringEventId);
    return { calendarId, id: event.recurringEventId, event: series, isSeries: true };
  }
  return { calendarId, id: eventId, event, isSeries: isSeriesMaster };
}

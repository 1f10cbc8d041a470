// "This and following" on a recurring event: Google has no such call, so (as Google Calendar's own UI does) the
// series is split: a new series is created from the chosen occurrence on, then the old one is cut to end just
// before it. The new series is made first, so a failure leaves the old series whole.
import type { calendar_v3 } from '@googleapis/calendar';
import type { ToolContext } from '../context.js';
import { UpstreamError, describeFailure } from '../errors.js';
import { endSeriesBefore, followingRecurrence, ruleCount } from '../recurrence.js';
import type { EventTime } from '../time.js';
import { fromGoogleTime, googleTime } from './event-fields.js';
import type { Target } from './resolve-target.js';

type SendUpdates = 'all' | 'externalOnly' | 'none';

/** The fields of the old series that the new one carries over (not ids, times, or Google's bookkeeping). */
const CARRIED = [
  'summary',
  'description',
  'location',
  'colorId',
  'transparency',
  'visibility',
  'reminders',
  'guestsCanModify',
  'guestsCanInviteOthers',
  'guestsCanSeeOtherGuests',
] as const;

function occurrenceStart(target: Target, zone: string): EventTime {
  const at = target.splitAt!;
  const start = fromGoogleTime(at.originalStartTime ?? at.start, zone);
  if (!start) throw new Error('the occurrence has no start time');
  return start;
}

function carriedFields(series: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
  const body: calendar_v3.Schema$Event = {};
  for (const key of CARRIED) if (series[key] !== undefined && series[key] !== null) Object.assign(body, { [key]: series[key] });
  if (series.attendees?.length) {
    body.attendees = series.attendees.map((a) => ({
      email: a.email ?? '',
      ...(a.optional ? { optional: true } : {}),
      ...(a.displayName ? { displayName: a.displayName } : {}),
    }));
  }
  if (series.conferenceData?.conferenceSolution && series.conferenceData.entryPoints) {
    body.conferenceData = {
      conferenceId: series.conferenceData.conferenceId ?? null,
      conferenceSolution: series.conferenceData.conferenceSolution,
      entryPoints: series.conferenceData.entryPoints,
    };
  }
  return body;
}

function withoutNulls(patch: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null)) as calendar_v3.Schema$Event;
}

/** How many occurrences come before the split (needed when the series ends after a COUNT). */
async function occurrencesBefore(ctx: ToolContext, operation: string, target: Target, zone: string): Promise<number> {
  const start = occurrenceStart(target, zone);
  const timeMax = 'date' in start ? `${start.date}T00:00:00Z` : start.dateTime;
  const data = await ctx.upstream.call(operation, (api, options) =>
    api.events.instances({ calendarId: target.calendarId, eventId: target.id, timeMax, showDeleted: true, maxResults: 2500 }, options),
  );
  return (data.items ?? []).length;
}

export interface SplitResult {
  created: calendar_v3.Schema$Event;
  previousSeries: { id: string; recurrence: string[] };
}

/**
 * Makes the new series from `target.splitAt` on with `changes` applied (start/end: the occurrence's unless
 * changed), then ends the old series before it.
 */
export async function splitSeries(
  ctx: ToolContext,
  operation: string,
  target: Target,
  changes: { fields: calendar_v3.Schema$Event; start?: EventTime; end?: EventTime; recurrence?: string[] },
  zone: string,
  sendUpdates: SendUpdates,
): Promise<SplitResult> {
  const series = target.event;
  const rules = series.recurrence ?? [];
  const at = occurrenceStart(target, zone);
  const occurrenceEnd = fromGoogleTime(target.splitAt!.end, zone);
  const before = ruleCount(rules) === undefined ? 0 : await occurrencesBefore(ctx, operation, target, zone);
  const start = changes.start ?? fromGoogleTime(target.splitAt!.start, zone) ?? at;
  const end = changes.end ?? occurrenceEnd ?? start;
  const body: calendar_v3.Schema$Event = {
    ...carriedFields(series),
    ...withoutNulls(changes.fields),
    start: googleTime(start),
    end: googleTime(end),
    recurrence: changes.recurrence ?? followingRecurrence(rules, before),
  };
  const created = await ctx.upstream.call(
    operation,
    (api, options) =>
      api.events.insert(
        {
          calendarId: target.calendarId,
          sendUpdates,
          ...(body.conferenceData ? { conferenceDataVersion: 1 } : {}),
          requestBody: body,
        },
        options,
      ),
    { idempotent: false },
  );
  const cut = await cutSeries(ctx, operation, target, zone, sendUpdates, created.id ?? undefined);
  return { created, previousSeries: { id: target.id, recurrence: cut } };
}

/** Ends the series just before `target.splitAt` (delete "this and following"). Returns the new rules. */
export async function cutSeries(
  ctx: ToolContext,
  operation: string,
  target: Target,
  zone: string,
  sendUpdates: SendUpdates,
  newSeriesId?: string,
): Promise<string[]> {
  const recurrence = endSeriesBefore(target.event.recurrence ?? [], occurrenceStart(target, zone));
  try {
    await ctx.upstream.call(operation, (api, options) =>
      api.events.patch({ calendarId: target.calendarId, eventId: target.id, sendUpdates, requestBody: { recurrence } }, options),
    );
  } catch (err) {
    if (!(err instanceof UpstreamError) || !newSeriesId) throw err;
    // The new series exists but the old one still runs on: say both, so the model can finish or undo it.
    throw new UpstreamError(
      {
        kind: 'unknown',
        detail:
          `the new series ${newSeriesId} was created, but ending the old series ${target.id} before it failed ` +
          `(${describeFailure(err.failure, 'patch', ctx.now()).replace(/^Google Calendar patch failed: /, '')}) ` +
          `Call calendar_delete_event with scope "thisAndFollowing" on the same occurrence to end the old series, or delete ${newSeriesId}.`,
      },
      operation,
    );
  }
  return recurrence;
}

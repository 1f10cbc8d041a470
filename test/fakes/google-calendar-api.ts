// A small fake of the Google Calendar v3 API and the OAuth token endpoint, on 127.0.0.1 and a free port, for
// the real Google client to talk to (rootUrl / token URL pointed here). Holds calendars and events in memory,
// records every request, and plays faults on demand: an HTTP status (429 + Retry-After, 401, 404, 500 ...),
// a stall (no answer), per route and for a number of requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { calendar_v3 } from '@googleapis/calendar';
import { sendHugeJson, sendTruncatedJson, type OddAnswer } from './odd-answers.js';

export type FakeRoute =
  | 'token'
  | 'calendarList.list'
  | 'events.list'
  | 'events.get'
  | 'events.insert'
  | 'events.patch'
  | 'events.delete'
  | 'events.instances'
  | 'freebusy.query'
  | 'colors.get'
  | 'unknown';

export type FakeFault = { route: FakeRoute | 'any'; times?: number } & (
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { stall: true }
  | OddAnswer
);

export interface RecordedRequest {
  method: string;
  route: FakeRoute;
  path: string;
  query: Record<string, string>;
  /** Query parameters given more than once (eventTypes), all values. */
  queryAll: Record<string, string[]>;
  body: unknown;
  authorization: string | undefined;
}

export const FAKE_CLIENT_ID = 'fake-client-id.apps.googleusercontent.com';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';
export const FAKE_REFRESH_TOKEN = '1//fake-refresh-token-good';
export const ME = 'me@example.com';
export const TEAM = 'team@group.calendar.google.com';
export const HOLIDAYS = 'ja.japanese#holiday@group.v.calendar.google.com';
/** A colleague whose free/busy is visible, but whose calendar is not in the list. */
export const COLLEAGUE = 'aiko@example.com';

/** The event colours colors.get answers (Google's palette). */
export const EVENT_COLORS: Record<string, { background: string; foreground: string }> = {
  '1': { background: '#a4bdfc', foreground: '#1d1d1d' },
  '2': { background: '#7ae7bf', foreground: '#1d1d1d' },
  '3': { background: '#dbadff', foreground: '#1d1d1d' },
  '4': { background: '#ff887c', foreground: '#1d1d1d' },
  '5': { background: '#fbd75b', foreground: '#1d1d1d' },
  '6': { background: '#ffb878', foreground: '#1d1d1d' },
  '7': { background: '#46d6db', foreground: '#1d1d1d' },
  '8': { background: '#e1e1e1', foreground: '#1d1d1d' },
  '9': { background: '#5484ed', foreground: '#1d1d1d' },
  '10': { background: '#51b749', foreground: '#1d1d1d' },
  '11': { background: '#dc2127', foreground: '#1d1d1d' },
};

type Event = calendar_v3.Schema$Event;

function seedCalendars(): calendar_v3.Schema$CalendarListEntry[] {
  return [
    { id: ME, summary: ME, primary: true, accessRole: 'owner', timeZone: 'Asia/Tokyo' },
    { id: TEAM, summary: 'Team', accessRole: 'writer', timeZone: 'Asia/Tokyo', description: 'Shared team calendar' },
    { id: HOLIDAYS, summary: 'Holidays in Japan', accessRole: 'reader', timeZone: 'Asia/Tokyo' },
  ];
}

function seedEvents(): Map<string, Event[]> {
  const standupMaster: Event = {
    id: 'standup',
    summary: 'Standup',
    start: { dateTime: '2025-06-02T10:00:00+09:00', timeZone: 'Asia/Tokyo' },
    end: { dateTime: '2025-06-02T10:30:00+09:00', timeZone: 'Asia/Tokyo' },
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3'],
    organizer: { email: ME, self: true },
    status: 'confirmed',
  };
  const instances: Event[] = ['02', '09', '16'].map((day) => ({
    id: `standup_202506${day}T010000Z`,
    recurringEventId: 'standup',
    originalStartTime: { dateTime: `2025-06-${day}T10:00:00+09:00`, timeZone: 'Asia/Tokyo' },
    summary: 'Standup',
    start: { dateTime: `2025-06-${day}T10:00:00+09:00`, timeZone: 'Asia/Tokyo' },
    end: { dateTime: `2025-06-${day}T10:30:00+09:00`, timeZone: 'Asia/Tokyo' },
    organizer: { email: ME, self: true },
    status: 'confirmed',
  }));
  const mine: Event[] = [
    standupMaster,
    ...instances,
    {
      id: 'lunch',
      summary: 'Lunch with Aiko',
      location: 'Shibuya',
      description: 'Talk about the summer trip. '.repeat(30),
      start: { dateTime: '2025-06-03T12:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-03T13:00:00+09:00', timeZone: 'Asia/Tokyo' },
      organizer: { email: ME, self: true },
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] },
      status: 'confirmed',
    },
    {
      id: 'review',
      summary: 'Design review',
      start: { dateTime: '2025-06-04T15:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-04T16:00:00+09:00', timeZone: 'Asia/Tokyo' },
      organizer: { email: 'boss@example.com' },
      attendees: [
        { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
        { email: ME, self: true, responseStatus: 'needsAction' },
      ],
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      status: 'confirmed',
    },
    {
      id: 'offsite',
      summary: 'Team offsite',
      start: { date: '2025-06-05' },
      end: { date: '2025-06-07' },
      organizer: { email: ME, self: true },
      status: 'confirmed',
    },
  ];
  const team: Event[] = [
    {
      id: 'release',
      summary: 'Release',
      start: { dateTime: '2025-06-03T09:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-03T12:30:00+09:00', timeZone: 'Asia/Tokyo' },
      organizer: { email: TEAM },
      status: 'confirmed',
    },
  ];
  // A colleague's calendar: not in the calendar list (events cannot be read), but free/busy answers for it.
  const colleague: Event[] = [
    {
      id: 'aiko-busy',
      summary: 'Private',
      start: { dateTime: '2025-06-10T14:30:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-10T15:30:00+09:00', timeZone: 'Asia/Tokyo' },
      status: 'confirmed',
    },
  ];
  return new Map([
    [ME, mine],
    [TEAM, team],
    [COLLEAGUE, colleague],
    [HOLIDAYS, [{ id: 'umi', summary: 'Marine Day', start: { date: '2025-07-21' }, end: { date: '2025-07-22' } }]],
  ]);
}

/** Midnight of `date` in `zone`, as Google places an all-day event of a calendar in that zone. */
function midnightMs(date: string, zone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`);
  const shown = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(naive));
  const part = (type: string): number => Number(shown.find((p) => p.type === type)?.value);
  const offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - naive;
  return naive - offset;
}

function startMs(event: Event, zone = 'UTC'): number {
  return event.start?.dateTime ? Date.parse(event.start.dateTime) : midnightMs(event.start?.date ?? '', zone);
}

function endMs(event: Event, zone = 'UTC'): number {
  return event.end?.dateTime ? Date.parse(event.end.dateTime) : midnightMs(event.end?.date ?? '', zone);
}

function compactUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** RRULE UNTIL ("20250615T005959Z" or "20250615") as epoch ms (a date: the end of that day in UTC). */
function untilMs(rule: string): number | undefined {
  const m = /UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?/.exec(rule);
  if (!m) return undefined;
  return m[4] === undefined
    ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59)
    : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * The occurrences of a new series, as Google stores them: FREQ DAILY or WEEKLY (every 7 days from the start),
 * INTERVAL, COUNT or UNTIL; at most 50 (this fake needs no more).
 */
function expandSeries(master: Event): Event[] {
  const rule = master.recurrence?.find((line) => line.startsWith('RRULE:')) ?? '';
  const freq = /FREQ=(DAILY|WEEKLY)/.exec(rule)?.[1];
  if (!freq) return [];
  const step = (freq === 'DAILY' ? 1 : 7) * Number(/INTERVAL=(\d+)/.exec(rule)?.[1] ?? 1) * 86_400_000;
  const count = Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? 50);
  const until = untilMs(rule) ?? Number.POSITIVE_INFINITY;
  const first = startMs(master);
  const length = endMs(master) - first;
  const occurrences: Event[] = [];
  for (let i = 0; i < Math.min(count, 50); i += 1) {
    const at = first + i * step;
    if (at > until) break;
    const shift = (ms: number): calendar_v3.Schema$EventDateTime =>
      master.start?.date
        ? { date: new Date(ms).toISOString().slice(0, 10) }
        : { dateTime: new Date(ms).toISOString().replace('.000Z', 'Z'), timeZone: master.start?.timeZone ?? 'UTC' };
    const { recurrence: _rules, id: _id, ...fields } = master;
    occurrences.push({
      ...fields,
      id: `${master.id}_${master.start?.date ? compactUtc(at).slice(0, 8) : compactUtc(at)}`,
      recurringEventId: master.id ?? '',
      originalStartTime: shift(at),
      start: shift(at),
      end: shift(at + length),
    });
  }
  return occurrences;
}

/** The conference Google makes for a createRequest (only with conferenceDataVersion=1; otherwise it is ignored). */
function withConference(event: Event, version: string | undefined, counter: number): Event {
  const request = event.conferenceData?.createRequest;
  if (version !== '1') {
    const { conferenceData: _ignored, ...rest } = event;
    return rest;
  }
  if (!request) return event;
  const uri = `https://meet.google.com/fak-${String(counter).padStart(4, '0')}-mee`;
  return {
    ...event,
    hangoutLink: uri,
    conferenceData: {
      conferenceId: uri.slice(24),
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      createRequest: { ...request, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri, label: uri.slice(8) }],
    },
  };
}

function apiError(code: number, message: string, reason: string): { error: unknown } {
  return { error: { code, message, errors: [{ domain: 'global', reason, message }] } };
}

export interface FakeCalendarApi {
  /** Root for `calendar({rootUrl})`, ending in "/". */
  rootUrl: string;
  tokenUrl: string;
  requests: RecordedRequest[];
  calendars: calendar_v3.Schema$CalendarListEntry[];
  events: Map<string, Event[]>;
  validRefreshTokens: Set<string>;
  /** Authorization codes the token endpoint exchanges (code -> refresh token it hands out). */
  authCodes: Map<string, string>;
  /** Verifies service-account assertions when set (tests pass the key's public half). */
  onJwtAssertion?: (assertion: string) => boolean;
  inject(fault: FakeFault): void;
  /** Drops the faults not yet used; returns how many there were. */
  clearFaults(): number;
  requestsTo(route: FakeRoute): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeCalendarApi(): Promise<FakeCalendarApi> {
  const faults: FakeFault[] = [];
  const accessTokens = new Set<string>();
  const sockets = new Set<Socket>();
  let tokenCounter = 0;
  let idCounter = 0;

  const fake: FakeCalendarApi = {
    rootUrl: '',
    tokenUrl: '',
    requests: [],
    calendars: seedCalendars(),
    events: seedEvents(),
    validRefreshTokens: new Set([FAKE_REFRESH_TOKEN]),
    authCodes: new Map(),
    inject(fault) {
      faults.push({ times: 1, ...fault });
    },
    clearFaults() {
      return faults.splice(0).length;
    },
    requestsTo(route) {
      return fake.requests.filter((r) => r.route === route);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const resolveCalendar = (raw: string): string => {
    const id = decodeURIComponent(raw);
    return id === 'primary' ? ME : id;
  };

  const route = (method: string, path: string): { route: FakeRoute; params: string[] } => {
    if (path === '/token') return { route: 'token', params: [] };
    if (method === 'GET' && path === '/calendar/v3/users/me/calendarList') return { route: 'calendarList.list', params: [] };
    if (method === 'POST' && path === '/calendar/v3/freeBusy') return { route: 'freebusy.query', params: [] };
    if (method === 'GET' && path === '/calendar/v3/colors') return { route: 'colors.get', params: [] };
    const instances = /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)\/instances$/.exec(path);
    if (instances && method === 'GET') return { route: 'events.instances', params: [instances[1]!, instances[2]!] };
    const events = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(path);
    if (events) return { route: method === 'POST' ? 'events.insert' : 'events.list', params: [events[1]!] };
    const event = /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/.exec(path);
    if (event) {
      const byMethod: Record<string, FakeRoute> = { GET: 'events.get', PATCH: 'events.patch', DELETE: 'events.delete' };
      return { route: byMethod[method] ?? 'unknown', params: [event[1]!, event[2]!] };
    }
    return { route: 'unknown', params: [] };
  };

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(JSON.stringify(body));
  };

  const handleToken = (body: Record<string, string>, res: ServerResponse): void => {
    const issue = (extra: Record<string, string> = {}): void => {
      tokenCounter += 1;
      const accessToken = `ya29.fake-access-${tokenCounter}`;
      accessTokens.add(accessToken);
      send(res, 200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/calendar', ...extra });
    };
    if (body.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const ok = body.assertion?.split('.').length === 3 && (fake.onJwtAssertion?.(body.assertion) ?? true);
      if (ok) issue();
      else send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      return;
    }
    if (body.client_id !== FAKE_CLIENT_ID || body.client_secret !== FAKE_CLIENT_SECRET) {
      send(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
      return;
    }
    if (body.grant_type === 'refresh_token') {
      if (body.refresh_token && fake.validRefreshTokens.has(body.refresh_token)) issue();
      else send(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return;
    }
    if (body.grant_type === 'authorization_code') {
      const refreshToken = body.code ? fake.authCodes.get(body.code) : undefined;
      if (!refreshToken || !body.redirect_uri) {
        send(res, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
        return;
      }
      fake.authCodes.delete(body.code!);
      fake.validRefreshTokens.add(refreshToken);
      issue({ refresh_token: refreshToken });
      return;
    }
    send(res, 400, { error: 'unsupported_grant_type' });
  };

  /** The 400s Google gives for event bodies this fake models: colours, status event rules. */
  const eventProblem = (event: Event, entry: calendar_v3.Schema$CalendarListEntry): string | undefined => {
    if (event.colorId !== undefined && event.colorId !== null && !EVENT_COLORS[event.colorId]) return 'Invalid color id.';
    const type = event.eventType ?? 'default';
    if (type === 'default') return undefined;
    if (!entry.primary) return `The event type '${type}' can only be created on the primary calendar.`;
    if ((type === 'focusTime' || type === 'outOfOffice') && event.start?.date) {
      return `A ${type} event cannot be an all-day event.`;
    }
    if (type === 'focusTime' && !event.focusTimeProperties) return 'Focus time properties are required.';
    if (type === 'outOfOffice' && !event.outOfOfficeProperties) return 'Out of office properties are required.';
    if (type === 'workingLocation' && (!event.workingLocationProperties || event.visibility !== 'public')) {
      return 'Working location events need workingLocationProperties and public visibility.';
    }
    return undefined;
  };

  const findEvent = (calendarId: string, eventId: string): Event | undefined =>
    fake.events.get(calendarId)?.find((e) => e.id === eventId);

  const handleApi = (
    name: FakeRoute,
    params: string[],
    query: Record<string, string>,
    queryAll: Record<string, string[]>,
    body: unknown,
    res: ServerResponse,
  ): void => {
    if (name === 'colors.get') {
      send(res, 200, { kind: 'calendar#colors', updated: '2012-02-14T00:00:00.000Z', calendar: {}, event: EVENT_COLORS });
      return;
    }
    if (name === 'calendarList.list') {
      const offset = Number(query.pageToken?.replace(/^c/, '') ?? 0);
      const size = Number(query.maxResults ?? 100);
      const items = fake.calendars.slice(offset, offset + size);
      send(res, 200, {
        kind: 'calendar#calendarList',
        items,
        ...(offset + size < fake.calendars.length ? { nextPageToken: `c${offset + size}` } : {}),
      });
      return;
    }
    if (name === 'freebusy.query') {
      const request = body as calendar_v3.Schema$FreeBusyRequest;
      const from = Date.parse(request.timeMin ?? '');
      const to = Date.parse(request.timeMax ?? '');
      const calendars: Record<string, calendar_v3.Schema$FreeBusyCalendar> = {};
      for (const item of request.items ?? []) {
        const events = fake.events.get(resolveCalendar(item.id ?? ''));
        if (!events) {
          calendars[item.id ?? ''] = { busy: [], errors: [{ domain: 'global', reason: 'notFound' }] };
          continue;
        }
        calendars[item.id ?? ''] = {
          busy: events
            .filter((e) => e.start?.dateTime && !e.recurrence && e.status !== 'cancelled')
            .filter((e) => endMs(e) > from && startMs(e) < to)
            .map((e) => ({ start: new Date(startMs(e)).toISOString(), end: new Date(endMs(e)).toISOString() })),
        };
      }
      send(res, 200, { kind: 'calendar#freeBusy', timeMin: request.timeMin, timeMax: request.timeMax, calendars });
      return;
    }
    const calendarId = resolveCalendar(params[0] ?? '');
    const events = fake.events.get(calendarId);
    const entry = fake.calendars.find((c) => c.id === calendarId);
    if (!events || !entry) {
      send(res, 404, apiError(404, 'Not Found', 'notFound'));
      return;
    }
    const writable = entry.accessRole === 'owner' || entry.accessRole === 'writer';
    if (name === 'events.list') {
      const single = query.singleEvents === 'true';
      const from = query.timeMin ? Date.parse(query.timeMin) : Number.NEGATIVE_INFINITY;
      const to = query.timeMax ? Date.parse(query.timeMax) : Number.POSITIVE_INFINITY;
      const q = query.q?.toLowerCase();
      const zone = entry.timeZone ?? 'UTC';
      const types = queryAll.eventTypes;
      let matching = events
        .filter((e) => (single ? !e.recurrence : !e.recurringEventId))
        .filter((e) => endMs(e, zone) > from && startMs(e, zone) < to)
        .filter((e) => !types || types.includes(e.eventType ?? 'default'))
        .filter(
          (e) =>
            !q ||
            [e.summary, e.description, e.location, ...(e.attendees ?? []).map((a) => a.email)]
              .some((text) => text?.toLowerCase().includes(q)),
        );
      if (query.orderBy === 'startTime') matching = [...matching].sort((a, b) => startMs(a, zone) - startMs(b, zone));
      const offset = Number(query.pageToken?.replace(/^e/, '') ?? 0);
      const size = Number(query.maxResults ?? 250);
      send(res, 200, {
        kind: 'calendar#events',
        summary: entry.summary,
        timeZone: entry.timeZone,
        items: matching.slice(offset, offset + size),
        ...(offset + size < matching.length ? { nextPageToken: `e${offset + size}` } : {}),
      });
      return;
    }
    if (name === 'events.insert') {
      if (!writable) {
        send(res, 403, apiError(403, 'You need to have writer access to this calendar.', 'requiredAccessLevel'));
        return;
      }
      const problem = eventProblem(body as Event, entry);
      if (problem) {
        send(res, 400, apiError(400, problem, 'invalid'));
        return;
      }
      idCounter += 1;
      const created: Event = withConference(
        {
          eventType: 'default',
          ...(body as Event),
          id: `new${idCounter}`,
          status: 'confirmed',
          organizer: { email: calendarId, self: true },
          htmlLink: `https://www.google.com/calendar/event?eid=new${idCounter}`,
        },
        query.conferenceDataVersion,
        idCounter,
      );
      events.push(created, ...expandSeries(created));
      send(res, 200, created);
      return;
    }
    if (name === 'events.instances') {
      const masterId = decodeURIComponent(params[1] ?? '');
      if (!findEvent(calendarId, masterId)) {
        send(res, 404, apiError(404, 'Not Found', 'notFound'));
        return;
      }
      const zone = entry.timeZone ?? 'UTC';
      const from = query.timeMin ? Date.parse(query.timeMin) : Number.NEGATIVE_INFINITY;
      const to = query.timeMax ? Date.parse(query.timeMax) : Number.POSITIVE_INFINITY;
      const items = events
        .filter((e) => e.recurringEventId === masterId && (query.showDeleted === 'true' || e.status !== 'cancelled'))
        .filter((e) => endMs(e, zone) > from && startMs(e, zone) < to)
        .sort((a, b) => startMs(a, zone) - startMs(b, zone));
      send(res, 200, { kind: 'calendar#events', items });
      return;
    }
    const eventId = decodeURIComponent(params[1] ?? '');
    const event = findEvent(calendarId, eventId);
    if (!event) {
      send(res, 404, apiError(404, 'Not Found', 'notFound'));
      return;
    }
    if (name === 'events.get') {
      send(res, 200, event);
      return;
    }
    if (!writable && name !== 'events.patch') {
      send(res, 403, apiError(403, 'You need to have writer access to this calendar.', 'requiredAccessLevel'));
      return;
    }
    if (name === 'events.patch') {
      const problem = eventProblem(body as Event, entry);
      if (problem) {
        send(res, 400, apiError(400, problem, 'invalid'));
        return;
      }
      const patch = { ...withConference(body as Event, query.conferenceDataVersion, ++idCounter) } as Record<string, unknown>;
      if ((body as Event).conferenceData === null && query.conferenceDataVersion === '1') {
        patch.conferenceData = null;
        patch.hangoutLink = null;
      }
      const record = event as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete record[key];
        else if ((key === 'start' || key === 'end') && value && typeof value === 'object') {
          record[key] = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
        } else record[key] = value;
      }
      // A series whose rule now ends earlier loses its later occurrences.
      const until = event.recurrence?.map(untilMs).find((ms) => ms !== undefined);
      if (patch.recurrence && until !== undefined) {
        fake.events.set(
          calendarId,
          events.filter((e) => e.recurringEventId !== eventId || startMs(e) <= until),
        );
      }
      send(res, 200, event);
      return;
    }
    if (name === 'events.delete') {
      fake.events.set(
        calendarId,
        events.filter((e) => e.id !== eventId && e.recurringEventId !== eventId),
      );
      send(res, 204);
      return;
    }
    send(res, 404, apiError(404, 'Not Found', 'notFound'));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const { route: name, params } = route(method, url.pathname);
      const query = Object.fromEntries(url.searchParams.entries());
      const queryAll: Record<string, string[]> = {};
      for (const key of new Set(url.searchParams.keys())) queryAll[key] = url.searchParams.getAll(key);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        const type = req.headers['content-type'] ?? '';
        body = type.includes('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(text).entries())
          : (() => {
              try {
                return JSON.parse(text) as unknown;
              } catch {
                return text;
              }
            })();
      }
      fake.requests.push({ method, route: name, path: url.pathname, query, queryAll, body, authorization: req.headers.authorization });

      const faultIndex = faults.findIndex((f) => f.route === 'any' || f.route === name);
      if (faultIndex >= 0) {
        const fault = faults[faultIndex]!;
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) faults.splice(faultIndex, 1);
        if ('stall' in fault) return; // never answers; close() destroys the socket
        if ('huge' in fault) return sendHugeJson(res, fault.huge, fault.declared);
        if ('truncated' in fault) return sendTruncatedJson(res, { kind: 'calendar#calendarList', items: seedCalendars() });
        if ('delayMs' in fault) {
          setTimeout(() => answerNormally(), fault.delayMs);
          return;
        }
        send(res, fault.status, fault.body ?? apiError(fault.status, `fault ${fault.status}`, 'fault'), fault.headers);
        return;
      }

      answerNormally();

      function answerNormally(): void {
        if (name === 'token') {
          handleToken((body ?? {}) as Record<string, string>, res);
          return;
        }
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        if (!token || !accessTokens.has(token)) {
          send(res, 401, apiError(401, 'Request had invalid authentication credentials.', 'authError'));
          return;
        }
        handleApi(name, params, query, queryAll, body, res);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.rootUrl = `http://127.0.0.1:${port}/`;
  fake.tokenUrl = `http://127.0.0.1:${port}/token`;
  return fake;
}

/** A loopback port with nothing listening: connections to it are refused. */
/** A loopback port where a connection is refused. */
export { freePort as closedPort } from '../helpers/free-port.js';

// A small fake of the Google Calendar v3 API and the OAuth token endpoint, on 127.0.0.1 and a free port, for
// the real Google client to talk to (rootUrl / token URL pointed here). Holds calendars and events in memory,
// records every request, and plays faults on demand: an HTTP status (429 + Retry-After, 401, 404, 500 ...),
// a stall (no answer), per route and for a number of requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { calendar_v3 } from '@googleapis/calendar';

export type FakeRoute =
  | 'token'
  | 'calendarList.list'
  | 'events.list'
  | 'events.get'
  | 'events.insert'
  | 'events.patch'
  | 'events.delete'
  | 'freebusy.query'
  | 'unknown';

export type FakeFault = { route: FakeRoute | 'any'; times?: number } & (
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { stall: true }
);

export interface RecordedRequest {
  method: string;
  route: FakeRoute;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export const FAKE_CLIENT_ID = 'fake-client-id.apps.googleusercontent.com';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';
export const FAKE_REFRESH_TOKEN = '1//fake-refresh-token-good';
export const ME = 'me@example.com';
export const TEAM = 'team@group.calendar.google.com';
export const HOLIDAYS = 'ja.japanese#holiday@group.v.calendar.google.com';

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
  return new Map([
    [ME, mine],
    [TEAM, team],
    [HOLIDAYS, [{ id: 'umi', summary: 'Marine Day', start: { date: '2025-07-21' }, end: { date: '2025-07-22' } }]],
  ]);
}

function startMs(event: Event): number {
  return Date.parse(event.start?.dateTime ?? `${event.start?.date}T00:00:00Z`);
}

function endMs(event: Event): number {
  return Date.parse(event.end?.dateTime ?? `${event.end?.date}T00:00:00Z`);
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

  const findEvent = (calendarId: string, eventId: string): Event | undefined =>
    fake.events.get(calendarId)?.find((e) => e.id === eventId);

  const handleApi = (
    name: FakeRoute,
    params: string[],
    query: Record<string, string>,
    body: unknown,
    res: ServerResponse,
  ): void => {
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
      let matching = events
        .filter((e) => (single ? !e.recurrence : !e.recurringEventId))
        .filter((e) => endMs(e) > from && startMs(e) < to)
        .filter(
          (e) =>
            !q ||
            [e.summary, e.description, e.location, ...(e.attendees ?? []).map((a) => a.email)]
              .some((text) => text?.toLowerCase().includes(q)),
        );
      if (query.orderBy === 'startTime') matching = [...matching].sort((a, b) => startMs(a) - startMs(b));
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
      idCounter += 1;
      const created: Event = {
        ...(body as Event),
        id: `new${idCounter}`,
        status: 'confirmed',
        organizer: { email: calendarId, self: true },
        htmlLink: `https://www.google.com/calendar/event?eid=new${idCounter}`,
      };
      events.push(created);
      send(res, 200, created);
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
      const patch = body as Record<string, unknown>;
      const record = event as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete record[key];
        else if ((key === 'start' || key === 'end') && value && typeof value === 'object') {
          record[key] = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
        } else record[key] = value;
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
      fake.requests.push({ method, route: name, path: url.pathname, query, body, authorization: req.headers.authorization });

      const faultIndex = faults.findIndex((f) => f.route === 'any' || f.route === name);
      if (faultIndex >= 0) {
        const fault = faults[faultIndex]!;
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) faults.splice(faultIndex, 1);
        if ('stall' in fault) return; // never answers; close() destroys the socket
        send(res, fault.status, fault.body ?? apiError(fault.status, `fault ${fault.status}`, 'fault'), fault.headers);
        return;
      }

      if (name === 'token') {
        handleToken((body ?? {}) as Record<string, string>, res);
        return;
      }
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      if (!token || !accessTokens.has(token)) {
        send(res, 401, apiError(401, 'Request had invalid authentication credentials.', 'authError'));
        return;
      }
      handleApi(name, params, query, body, res);
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

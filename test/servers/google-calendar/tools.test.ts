// Every Calendar tool end to end: real SDK Client -> real HTTP -> our server -> real Google client -> fake API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ME, TEAM, HOLIDAYS, startFakeCalendarApi, type FakeCalendarApi } from '../../fakes/google-calendar-api.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';
import { callError, callJson, fakeEnv, serveCalendar, type EventRow } from './harness.js';

let fake: FakeCalendarApi;
let h: ServiceOverHttp;

beforeEach(async () => {
  fake = await startFakeCalendarApi();
  h = await serveCalendar(fakeEnv(fake));
});

afterEach(async () => {
  await h.close();
  await fake.close();
});

describe('tools/list', () => {
  it('offers the ten tools with read-only and destructive annotations', async () => {
    const { tools } = await h.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual([
      'calendar_create_event',
      'calendar_delete_event',
      'calendar_find_free_busy',
      'calendar_get_current_time',
      'calendar_get_event',
      'calendar_list_calendars',
      'calendar_list_colors',
      'calendar_list_events',
      'calendar_respond_to_event',
      'calendar_update_event',
    ]);
    for (const name of ['calendar_list_calendars', 'calendar_list_colors', 'calendar_list_events', 'calendar_get_event', 'calendar_find_free_busy', 'calendar_get_current_time']) {
      expect(byName.get(name)?.annotations?.readOnlyHint, name).toBe(true);
    }
    expect(byName.get('calendar_delete_event')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('calendar_create_event')?.annotations?.readOnlyHint).toBe(false);
    for (const tool of tools) expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(60);
  });
});

describe('calendar_list_calendars', () => {
  it('lists calendars compactly and passes the page cursor through', async () => {
    const first = await callJson<{ calendars: { id: string; primary?: boolean; accessRole: string }[]; nextPageToken?: string }>(
      h.client,
      'calendar_list_calendars',
      { maxResults: 2 },
    );
    expect(first.calendars.map((c) => c.id)).toEqual([ME, TEAM]);
    expect(first.calendars[0]).toMatchObject({ primary: true, accessRole: 'owner', timeZone: 'Asia/Tokyo' });
    expect(first.nextPageToken).toBeTruthy();
    const second = await callJson<{ calendars: { id: string }[]; nextPageToken?: string }>(h.client, 'calendar_list_calendars', {
      maxResults: 2,
      pageToken: first.nextPageToken,
    });
    expect(second.calendars.map((c) => c.id)).toEqual([HOLIDAYS]);
    expect(second.nextPageToken).toBeUndefined();
    expect(fake.requestsTo('calendarList.list')[1]?.query.pageToken).toBe(first.nextPageToken);
  });
});

describe('calendar_list_events', () => {
  it('lists occurrences from now, in the server zone, sorted by start', async () => {
    const answer = await callJson<{ timeZone: string; timeMin: string; events: EventRow[] }>(h.client, 'calendar_list_events');
    expect(answer.timeZone).toBe('Asia/Tokyo');
    expect(answer.timeMin).toBe('2025-06-01T09:00:00+09:00');
    expect(answer.events.map((e) => e.id)).toEqual([
      'standup_20250602T010000Z',
      'lunch',
      'review',
      'offsite',
      'standup_20250609T010000Z',
      'standup_20250616T010000Z',
    ]);
    expect(answer.events[0]).toMatchObject({ seriesId: 'standup', allDay: false });
    expect(answer.events.find((e) => e.id === 'offsite')).toMatchObject({ allDay: true, start: '2025-06-05', end: '2025-06-07' });
    expect(answer.events.find((e) => e.id === 'review')?.myResponse).toBe('needsAction');
    const query = fake.requestsTo('events.list')[0]!.query;
    expect(query).toMatchObject({ singleEvents: 'true', orderBy: 'startTime', timeZone: 'Asia/Tokyo', maxResults: '25' });
    expect(fake.requestsTo('events.list')[0]!.path).toBe(`/calendar/v3/calendars/primary/events`);
  });

  it('keeps a recurring series as one item when expandRecurring is false', async () => {
    const answer = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', { expandRecurring: false });
    const standups = answer.events.filter((e) => e.summary === 'Standup');
    expect(standups).toHaveLength(1);
    expect(standups[0]).toMatchObject({ id: 'standup', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3'] });
    expect(fake.requestsTo('events.list')[0]!.query.orderBy).toBeUndefined();
  });

  it('filters by text and a local time range, and shortens long descriptions', async () => {
    const answer = await callJson<{ events: EventRow[]; timeMax: string }>(h.client, 'calendar_list_events', {
      query: 'aiko',
      timeMin: '2025-06-03',
      timeMax: '2025-06-04T00:00',
    });
    expect(answer.events.map((e) => e.id)).toEqual(['lunch']);
    expect(answer.events[0]!.description!.length).toBeLessThanOrEqual(300);
    expect(answer.timeMax).toBe('2025-06-04T00:00:00+09:00');
    expect(fake.requestsTo('events.list')[0]!.query).toMatchObject({ q: 'aiko', timeMin: '2025-06-03T00:00:00+09:00' });
  });

  it('pages with an opaque cursor until every event was seen once', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const answer: { events: EventRow[]; nextPageToken?: string } = await callJson(h.client, 'calendar_list_events', {
        maxResults: 2,
        ...(pageToken ? { pageToken } : {}),
      });
      seen.push(...answer.events.map((e) => e.id));
      pageToken = answer.nextPageToken;
      pages += 1;
    } while (pageToken && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6);
    expect(fake.requestsTo('events.list').map((r) => r.query.pageToken)).toEqual([undefined, 'e2', 'e4']);
  });

  it('merges several calendars by start and tags each event with its calendar', async () => {
    const answer = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', {
      calendarIds: ['primary', TEAM],
      timeMin: '2025-06-03',
      timeMax: '2025-06-04',
    });
    expect(answer.events.map((e) => [e.calendarId, e.id])).toEqual([
      [TEAM, 'release'],
      ['primary', 'lunch'],
    ]);
  });

  it('reports a calendar that fails beside the others instead of failing all', async () => {
    const answer = await callJson<{ events: EventRow[]; errors: { calendarId: string; error: string }[] }>(
      h.client,
      'calendar_list_events',
      { calendarIds: ['primary', 'nobody@example.com'], timeMin: '2025-06-03', timeMax: '2025-06-04' },
    );
    expect(answer.events.map((e) => e.id)).toEqual(['lunch']);
    expect(answer.errors).toEqual([{ calendarId: 'nobody@example.com', error: expect.stringMatching(/not found or not shared/) }]);
  });

  it('refuses a cursor it did not make and a range that ends before it starts', async () => {
    expect(await callError(h.client, 'calendar_list_events', { pageToken: 'not-a-cursor' })).toMatch(/pass nextPageToken unchanged/);
    expect(await callError(h.client, 'calendar_list_events', { timeMin: '2025-06-05', timeMax: '2025-06-04' })).toMatch(
      /timeMax must be after timeMin/,
    );
    expect(fake.requestsTo('events.list')).toHaveLength(0);
  });

  it('refuses a cursor from a listing of other calendars', async () => {
    const first = await callJson<{ nextPageToken: string }>(h.client, 'calendar_list_events', { calendarIds: ['primary'], maxResults: 1 });
    expect(await callError(h.client, 'calendar_list_events', { calendarIds: [TEAM], pageToken: first.nextPageToken })).toMatch(
      /same calendarIds/,
    );
  });
});

describe('calendar_get_event', () => {
  it('returns the full event: whole description, reminders, attendees, conference link', async () => {
    const lunch = await callJson<{ description: string; reminders: unknown }>(h.client, 'calendar_get_event', { eventId: 'lunch' });
    expect(lunch.description.length).toBeGreaterThan(300);
    expect(lunch.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] });
    const review = await callJson<Record<string, unknown>>(h.client, 'calendar_get_event', { eventId: 'review' });
    expect(review).toMatchObject({
      organizer: 'boss@example.com',
      myResponse: 'needsAction',
      conference: 'https://meet.google.com/abc-defg-hij',
    });
    expect(review.attendees).toHaveLength(2);
  });
});

describe('calendar_create_event', () => {
  it('creates a timed event from local wall time with attendees, reminders and recurrence', async () => {
    const answer = await callJson<{ created: EventRow & { location: string } }>(h.client, 'calendar_create_event', {
      summary: 'Planning',
      start: '2025-06-10T14:00',
      location: 'Room 3',
      attendees: ['aiko@example.com', { email: 'ken@example.com', optional: true }],
      reminders: { overrides: [{ method: 'email', minutes: 60 }] },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
      sendUpdates: 'all',
    });
    expect(answer.created).toMatchObject({ id: 'new1', summary: 'Planning', location: 'Room 3', start: '2025-06-10T14:00:00+09:00' });
    const request = fake.requestsTo('events.insert')[0]!;
    expect(request.query.sendUpdates).toBe('all');
    expect(request.body).toMatchObject({
      summary: 'Planning',
      start: { dateTime: '2025-06-10T14:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-10T15:00:00+09:00', timeZone: 'Asia/Tokyo' },
      attendees: [{ email: 'aiko@example.com' }, { email: 'ken@example.com', optional: true }],
      reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 60 }] },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
    });
  });

  it('creates an all-day event ending the next day, in another calendar', async () => {
    const answer = await callJson<{ created: EventRow }>(h.client, 'calendar_create_event', {
      calendarId: TEAM,
      summary: 'Holiday',
      start: '2025-06-20',
    });
    expect(answer.created).toMatchObject({ allDay: true, start: '2025-06-20', end: '2025-06-21' });
    expect(fake.requestsTo('events.insert')[0]!.body).toMatchObject({ start: { date: '2025-06-20' }, end: { date: '2025-06-21' } });
  });

  it('refuses an end before the start, or mixed kinds, without calling Google', async () => {
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-10T14:00', end: '2025-06-10T13:00' })).toMatch(
      /end must be after start/,
    );
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-10', end: '2025-06-10T13:00' })).toMatch(
      /both be dates/,
    );
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: 'tomorrow at 3' })).toMatch(/YYYY-MM-DD/);
    expect(fake.requestsTo('events.insert')).toHaveLength(0);
  });
});

describe('calendar_update_event', () => {
  it('changes one occurrence with scope "this"', async () => {
    const answer = await callJson<{ scope: string; updated: EventRow }>(h.client, 'calendar_update_event', {
      eventId: 'standup_20250609T010000Z',
      summary: 'Standup (moved)',
      start: '2025-06-09T11:00',
    });
    expect(answer.scope).toBe('this event');
    expect(answer.updated).toMatchObject({ summary: 'Standup (moved)', start: '2025-06-09T11:00:00+09:00', end: '2025-06-09T11:30:00+09:00' });
    expect(fake.requestsTo('events.patch').map((r) => r.path)).toEqual([
      '/calendar/v3/calendars/primary/events/standup_20250609T010000Z',
    ]);
  });

  it('changes the whole series with scope "all", found from an occurrence id', async () => {
    const answer = await callJson<{ scope: string; updated: EventRow & { location: string } }>(h.client, 'calendar_update_event', {
      eventId: 'standup_20250616T010000Z',
      scope: 'all',
      location: 'Zoom',
    });
    expect(answer.scope).toBe('series');
    expect(answer.updated).toMatchObject({ id: 'standup', location: 'Zoom' });
    expect(fake.requestsTo('events.patch').map((r) => r.path)).toEqual(['/calendar/v3/calendars/primary/events/standup']);
    expect(fake.requestsTo('events.patch')[0]!.body).toEqual({ location: 'Zoom' });
  });

  it('explains that a series id needs scope "all" or an occurrence id', async () => {
    expect(await callError(h.client, 'calendar_update_event', { eventId: 'standup', summary: 'x' })).toMatch(/whole recurring series/);
    expect(await callError(h.client, 'calendar_update_event', { eventId: 'lunch', recurrence: ['RRULE:FREQ=DAILY'] })).toMatch(
      /scope "all"/,
    );
    expect(fake.requestsTo('events.patch')).toHaveLength(0);
  });

  it('keeps the length when only the start moves, and can turn a timed event all-day', async () => {
    await callJson(h.client, 'calendar_update_event', { eventId: 'lunch', start: '2025-06-03T13:30' });
    expect(fake.requestsTo('events.patch')[0]!.body).toMatchObject({
      start: { dateTime: '2025-06-03T13:30:00+09:00' },
      end: { dateTime: '2025-06-03T14:30:00+09:00' },
    });
    const allDay = await callJson<{ updated: EventRow }>(h.client, 'calendar_update_event', { eventId: 'lunch', start: '2025-06-04' });
    expect(allDay.updated).toMatchObject({ allDay: true, start: '2025-06-04', end: '2025-06-05' });
  });
});

describe('calendar_delete_event', () => {
  it('deletes one occurrence, then the whole series from an occurrence id', async () => {
    const one = await callJson<{ deleted: string; scope: string }>(h.client, 'calendar_delete_event', { eventId: 'standup_20250602T010000Z' });
    expect(one).toMatchObject({ deleted: 'standup_20250602T010000Z', scope: 'this event', summary: 'Standup' });
    const all = await callJson<{ deleted: string; scope: string }>(h.client, 'calendar_delete_event', {
      eventId: 'standup_20250609T010000Z',
      scope: 'all',
      sendUpdates: 'all',
    });
    expect(all).toMatchObject({ deleted: 'standup', scope: 'series' });
    expect(fake.requestsTo('events.delete').map((r) => [r.path, r.query.sendUpdates])).toEqual([
      ['/calendar/v3/calendars/primary/events/standup_20250602T010000Z', 'none'],
      ['/calendar/v3/calendars/primary/events/standup', 'all'],
    ]);
    const left = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events');
    expect(left.events.map((e) => e.id)).toEqual(['lunch', 'review', 'offsite']);
  });
});

describe('calendar_respond_to_event', () => {
  it('sets only your own response and tells the organizer', async () => {
    const answer = await callJson<{ response: string }>(h.client, 'calendar_respond_to_event', { eventId: 'review', response: 'accepted' });
    expect(answer.response).toBe('accepted');
    const patch = fake.requestsTo('events.patch')[0]!;
    expect(patch.query.sendUpdates).toBe('all');
    expect(patch.body).toEqual({
      attendees: [
        { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
        { email: ME, self: true, responseStatus: 'accepted' },
      ],
    });
  });

  it('says so when you are not a guest of the event', async () => {
    expect(await callError(h.client, 'calendar_respond_to_event', { eventId: 'lunch', response: 'declined' })).toMatch(/not on the guest list/);
    expect(fake.requestsTo('events.patch')).toHaveLength(0);
  });
});

describe('calendar_find_free_busy', () => {
  it('merges busy blocks across calendars and finds the common free gaps', async () => {
    const answer = await callJson<{
      calendars: { calendarId: string; busy: { start: string; end: string }[]; errors?: string[] }[];
      freeForAll: { start: string; end: string }[];
    }>(h.client, 'calendar_find_free_busy', {
      calendarIds: ['primary', TEAM, 'nobody@example.com'],
      timeMin: '2025-06-03T08:00',
      timeMax: '2025-06-03T18:00',
      minFreeMinutes: 30,
    });
    expect(answer.calendars[0]!.busy).toEqual([{ start: '2025-06-03T12:00:00+09:00', end: '2025-06-03T13:00:00+09:00' }]);
    expect(answer.calendars[1]!.busy).toEqual([{ start: '2025-06-03T09:00:00+09:00', end: '2025-06-03T12:30:00+09:00' }]);
    expect(answer.calendars[2]!.errors).toEqual(['notFound']);
    expect(answer.freeForAll).toEqual([
      { start: '2025-06-03T08:00:00+09:00', end: '2025-06-03T09:00:00+09:00' },
      { start: '2025-06-03T13:00:00+09:00', end: '2025-06-03T18:00:00+09:00' },
    ]);
    expect(fake.requestsTo('freebusy.query')[0]!.body).toMatchObject({
      timeMin: '2025-06-03T08:00:00+09:00',
      timeZone: 'Asia/Tokyo',
      items: [{ id: 'primary' }, { id: TEAM }, { id: 'nobody@example.com' }],
    });
  });
});

describe('calendar_get_current_time', () => {
  it('answers in the server zone or a given one, and rejects an unknown zone', async () => {
    expect(await callJson(h.client, 'calendar_get_current_time')).toEqual({
      timeZone: 'Asia/Tokyo',
      now: '2025-06-01T09:00:00+09:00',
      date: '2025-06-01',
      time: '09:00:00',
      weekday: 'Sunday',
      utcOffset: '+09:00',
      utc: '2025-06-01T00:00:00Z',
    });
    expect(await callJson(h.client, 'calendar_get_current_time', { timeZone: 'America/New_York' })).toMatchObject({
      now: '2025-05-31T20:00:00-04:00',
      weekday: 'Saturday',
    });
    expect(await callError(h.client, 'calendar_get_current_time', { timeZone: 'Mars/Olympus' })).toMatch(/IANA time zone/);
  });
});

describe('auth', () => {
  it('refreshes the access token once and sends it as a bearer token', async () => {
    await callJson(h.client, 'calendar_list_calendars');
    await callJson(h.client, 'calendar_list_events');
    expect(fake.requestsTo('token')).toHaveLength(1);
    expect(fake.requestsTo('token')[0]!.body).toMatchObject({ grant_type: 'refresh_token' });
    expect(fake.requestsTo('events.list')[0]!.authorization).toMatch(/^Bearer ya29\.fake-access-1$/);
  });
});

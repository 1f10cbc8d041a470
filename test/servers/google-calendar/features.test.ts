// The Calendar features an assistant needs beyond the basics, end to end against the fake: Meet links, colours,
// conflict and duplicate warnings, status event kinds, "this and following" on recurring events, attendees'
// responses, and all-day events on the days asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLEAGUE, ME, TEAM, startFakeCalendarApi, type FakeCalendarApi } from '../../fakes/google-calendar-api.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';
import { call, callError, callJson, fakeEnv, serveCalendar, textOf, type EventRow } from './harness.js';

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

describe('Google Meet links', () => {
  it('creates a Meet link with the event, and removes it on update', async () => {
    const { created } = await callJson<{ created: EventRow }>(h.client, 'calendar_create_event', {
      summary: 'Call with Ken',
      start: '2025-06-11T16:00',
      meet: true,
    });
    expect(created.conference).toMatch(/^https:\/\/meet\.google\.com\//);
    const insert = fake.requestsTo('events.insert')[0]!;
    expect(insert.query.conferenceDataVersion).toBe('1');
    expect(insert.body).toMatchObject({
      conferenceData: { createRequest: { conferenceSolutionKey: { type: 'hangoutsMeet' }, requestId: expect.any(String) } },
    });

    const { updated } = await callJson<{ updated: EventRow }>(h.client, 'calendar_update_event', { eventId: created.id, meet: false });
    expect(updated.conference).toBeUndefined();
    const patch = fake.requestsTo('events.patch')[0]!;
    expect(patch.query.conferenceDataVersion).toBe('1');
    expect(patch.body).toEqual({ conferenceData: null });
  });

  it('adds a Meet link to an existing event', async () => {
    const { updated } = await callJson<{ updated: EventRow }>(h.client, 'calendar_update_event', { eventId: 'lunch', meet: true });
    expect(updated.conference).toMatch(/^https:\/\/meet\.google\.com\//);
  });
});

describe('colours', () => {
  it('lists the eleven event colours with their names, and sets one on an event', async () => {
    const { colors } = await callJson<{ colors: { colorId: string; name: string; background: string }[] }>(h.client, 'calendar_list_colors');
    expect(colors).toHaveLength(11);
    expect(colors[10]).toEqual({ colorId: '11', name: 'Tomato', background: '#dc2127', foreground: '#1d1d1d' });
    expect(fake.requestsTo('colors.get')[0]!.path).toBe('/calendar/v3/colors');

    const { created } = await callJson<{ created: EventRow }>(h.client, 'calendar_create_event', {
      summary: 'Deep work',
      start: '2025-06-12T09:00',
      colorId: '11',
    });
    expect(created.colorId).toBe('11');
    const { updated } = await callJson<{ updated: EventRow }>(h.client, 'calendar_update_event', { eventId: created.id, colorId: '2' });
    expect(updated.colorId).toBe('2');
  });

  it('refuses a colour id that does not exist, before calling Google', async () => {
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-12', colorId: '12' })).toMatch(
      /"1" to "11" \(see calendar_list_colors\)/,
    );
    expect(fake.requestsTo('events.insert')).toHaveLength(0);
  });
});

describe('conflict and duplicate warnings', () => {
  it('lists the events that overlap a new event, by name', async () => {
    const answer = await callJson<{ created: EventRow; conflicts: { id: string; summary: string }[] }>(h.client, 'calendar_create_event', {
      summary: 'Dentist',
      start: '2025-06-03T12:30',
    });
    expect(answer.created.id).toMatch(/^new/);
    expect(answer.conflicts).toEqual([
      { id: 'lunch', summary: 'Lunch with Aiko', start: '2025-06-03T12:00:00+09:00', end: '2025-06-03T13:00:00+09:00' },
    ]);
    expect(fake.requestsTo('events.list')[0]!.query).toMatchObject({
      timeMin: '2025-06-03T12:30:00+09:00',
      timeMax: '2025-06-03T13:30:00+09:00',
      singleEvents: 'true',
    });
  });

  it("says which attendees are busy (their free/busy) and whose calendars it could not see", async () => {
    const answer = await callJson<{
      attendeesBusy: { email: string; busy: { start: string; end: string }[] }[];
      attendeesUnknown: string[];
      conflicts?: unknown;
    }>(h.client, 'calendar_create_event', {
      summary: 'Planning',
      start: '2025-06-10T14:00',
      attendees: [COLLEAGUE, 'stranger@example.org'],
    });
    expect(answer.attendeesBusy).toEqual([
      { email: COLLEAGUE, busy: [{ start: '2025-06-10T14:30:00+09:00', end: '2025-06-10T15:30:00+09:00' }] },
    ]);
    expect(answer.attendeesUnknown).toEqual(['stranger@example.org']);
    expect(answer.conflicts).toBeUndefined();
    expect(fake.requestsTo('freebusy.query')[0]!.body).toMatchObject({ items: [{ id: COLLEAGUE }, { id: 'stranger@example.org' }] });
  });

  it('does not create the same event twice unless told to', async () => {
    const message = await callError(h.client, 'calendar_create_event', {
      summary: 'lunch with aiko',
      start: '2025-06-03T12:00',
      end: '2025-06-03T13:00',
    });
    expect(message).toMatch(/Not created: "Lunch with Aiko" is already in this calendar at that time \(id lunch\).*allowDuplicate true/);
    expect(fake.requestsTo('events.insert')).toHaveLength(0);
    const again = await callJson<{ created: EventRow; duplicates: { id: string }[] }>(h.client, 'calendar_create_event', {
      summary: 'lunch with aiko',
      start: '2025-06-03T12:00',
      end: '2025-06-03T13:00',
      allowDuplicate: true,
    });
    expect(again.duplicates.map((d) => d.id)).toEqual(['lunch']);
    expect(fake.requestsTo('events.insert')).toHaveLength(1);
  });

  it('warns when a moved event lands on another, not about the event itself', async () => {
    const moved = await callJson<{ conflicts?: { id: string }[] }>(h.client, 'calendar_update_event', {
      eventId: 'lunch',
      start: '2025-06-04T15:30',
    });
    expect(moved.conflicts?.map((c) => c.id)).toEqual(['review']);
    const same = await callJson<{ conflicts?: unknown }>(h.client, 'calendar_update_event', { eventId: 'lunch', start: '2025-06-03T12:15' });
    expect(same.conflicts).toBeUndefined();
    // A change that does not move the event does not look.
    await callJson(h.client, 'calendar_update_event', { eventId: 'lunch', summary: 'Lunch' });
    expect(fake.requestsTo('events.list')).toHaveLength(2);
  });

  it('skips the check when asked', async () => {
    await callJson(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-03T12:30', checkConflicts: false });
    expect(fake.requestsTo('events.list')).toHaveLength(0);
  });
});

describe('event kinds: focus time, out of office, working location', () => {
  it('creates a focus time with Google\'s required fields', async () => {
    const { created } = await callJson<{ created: EventRow }>(h.client, 'calendar_create_event', {
      summary: 'Focus',
      start: '2025-06-12T13:00',
      end: '2025-06-12T15:00',
      eventType: 'focusTime',
      autoDecline: 'new',
      declineMessage: 'Heads down',
    });
    expect(created.eventType).toBe('focusTime');
    expect(fake.requestsTo('events.insert')[0]!.body).toMatchObject({
      eventType: 'focusTime',
      transparency: 'opaque',
      focusTimeProperties: {
        autoDeclineMode: 'declineOnlyNewConflictingInvitations',
        declineMessage: 'Heads down',
        chatStatus: 'doNotDisturb',
      },
    });
  });

  it('creates out of office and a working location, and lists events by kind', async () => {
    await callJson(h.client, 'calendar_create_event', {
      summary: 'Away',
      start: '2025-06-13T00:00',
      end: '2025-06-14T00:00',
      eventType: 'outOfOffice',
      autoDecline: 'all',
    });
    const { created } = await callJson<{ created: EventRow }>(h.client, 'calendar_create_event', {
      summary: 'Osaka office',
      start: '2025-06-16',
      eventType: 'workingLocation',
      workingLocation: { type: 'officeLocation', label: 'Osaka' },
    });
    expect(created).toMatchObject({ eventType: 'workingLocation', workingLocation: 'Osaka', allDay: true });
    expect(fake.requestsTo('events.insert')[1]!.body).toMatchObject({
      visibility: 'public',
      transparency: 'transparent',
      workingLocationProperties: { type: 'officeLocation', officeLocation: { label: 'Osaka' } },
    });
    const away = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', {
      eventTypes: ['outOfOffice', 'workingLocation'],
      timeMin: '2025-06-12',
      timeMax: '2025-06-20',
    });
    expect(away.events.map((e) => e.summary)).toEqual(['Away', 'Osaka office']);
    expect(fake.requestsTo('events.list').at(-1)!.queryAll.eventTypes).toEqual(['outOfOffice', 'workingLocation']);
  });

  it("refuses Google's impossible mixes before calling it, and passes on what only Google knows", async () => {
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-12', eventType: 'focusTime' })).toMatch(
      /focusTime event cannot be all-day/,
    );
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-12', eventType: 'workingLocation' })).toMatch(
      /needs workingLocation/,
    );
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-12T10:00', declineMessage: 'no' })).toMatch(
      /only for eventType "focusTime" or "outOfOffice"/,
    );
    expect(fake.requestsTo('events.insert')).toHaveLength(0);
    expect(
      await callError(h.client, 'calendar_create_event', {
        calendarId: TEAM,
        summary: 'x',
        start: '2025-06-12T10:00',
        eventType: 'focusTime',
        checkConflicts: false,
      }),
    ).toMatch(/Google rejected the request: The event type 'focusTime' can only be created on the primary calendar/);
  });
});

describe('recurring events: this and following', () => {
  it('splits the series at an occurrence: the earlier ones stay, the new series carries on', async () => {
    const answer = await callJson<{ scope: string; updated: EventRow; previousSeries: { id: string; recurrence: string[] } }>(
      h.client,
      'calendar_update_event',
      { eventId: 'standup_20250609T010000Z', scope: 'thisAndFollowing', summary: 'Standup v2', start: '2025-06-09T10:15' },
    );
    expect(answer.scope).toBe('this and following');
    expect(answer.previousSeries).toEqual({ id: 'standup', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250609T005959Z'] });
    expect(answer.updated).toMatchObject({ summary: 'Standup v2', start: '2025-06-09T10:15:00+09:00', end: '2025-06-09T10:45:00+09:00' });
    // COUNT=3 with one occurrence before the split leaves two for the new series.
    expect(fake.requestsTo('events.insert')[0]!.body).toMatchObject({ recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2'] });
    expect(fake.requestsTo('events.instances')[0]!.query).toMatchObject({ timeMax: '2025-06-09T10:00:00+09:00', showDeleted: 'true' });

    const after = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', { query: 'standup' });
    expect(after.events.map((e) => [e.summary, e.start])).toEqual([
      ['Standup', '2025-06-02T10:00:00+09:00'],
      ['Standup v2', '2025-06-09T01:15:00Z'],
      ['Standup v2', '2025-06-16T01:15:00Z'],
    ]);
  });

  it('from the first occurrence, "this and following" is the whole series', async () => {
    const answer = await callJson<{ scope: string }>(h.client, 'calendar_update_event', {
      eventId: 'standup_20250602T010000Z',
      scope: 'thisAndFollowing',
      location: 'Room 1',
    });
    expect(answer.scope).toBe('series');
    expect(fake.requestsTo('events.insert')).toHaveLength(0);
  });

  it('deletes this and the following occurrences by ending the series before them', async () => {
    const answer = await callJson<{ scope: string; series: { recurrence: string[] } }>(h.client, 'calendar_delete_event', {
      eventId: 'standup_20250616T010000Z',
      scope: 'thisAndFollowing',
    });
    expect(answer).toMatchObject({ scope: 'this and following', series: { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250616T005959Z'] } });
    expect(fake.requestsTo('events.delete')).toHaveLength(0);
    const left = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', { query: 'standup' });
    expect(left.events.map((e) => e.id)).toEqual(['standup_20250602T010000Z', 'standup_20250609T010000Z']);
  });

  it('refuses "this and following" on an event that does not repeat', async () => {
    expect(await callError(h.client, 'calendar_delete_event', { eventId: 'lunch', scope: 'thisAndFollowing' })).toMatch(/not part of a recurring series/);
  });
});

describe("attendees' responses and reminders", () => {
  it('counts the answers and shows each guest\'s', async () => {
    const review = await callJson<EventRow & { attendees: { email: string; response: string }[] }>(h.client, 'calendar_get_event', {
      eventId: 'review',
    });
    expect(review.responses).toEqual({ accepted: 1, needsAction: 1 });
    expect(review.attendees.map((a) => [a.email, a.response])).toEqual([
      ['boss@example.com', 'accepted'],
      [ME, 'needsAction'],
    ]);
  });

  it('sets reminders on create and reads them back', async () => {
    const { created } = await callJson<{ created: EventRow & { reminders: unknown } }>(h.client, 'calendar_create_event', {
      summary: 'Call',
      start: '2025-06-12T10:00',
      reminders: { overrides: [{ method: 'popup', minutes: 5 }, { method: 'email', minutes: 1440 }] },
    });
    expect(created.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 5 }, { method: 'email', minutes: 1440 }] });
  });
});

describe('all-day events on the days asked for', () => {
  it('a calendar in another zone does not bring in the day before; lastDay is the inclusive end', async () => {
    const utc = 'utc-team@example.com';
    fake.calendars.push({ id: utc, summary: 'UTC team', accessRole: 'owner', timeZone: 'UTC' });
    fake.events.set(utc, [
      { id: 'the4th', summary: 'On the 4th', start: { date: '2025-06-04' }, end: { date: '2025-06-05' } },
      { id: 'the5th', summary: 'On the 5th and 6th', start: { date: '2025-06-05' }, end: { date: '2025-06-07' } },
      { id: 'the6th', summary: 'On the 6th', start: { date: '2025-06-06' }, end: { date: '2025-06-07' } },
    ]);
    const answer = await callJson<{ events: EventRow[] }>(h.client, 'calendar_list_events', {
      calendarIds: [utc],
      timeMin: '2025-06-05',
      timeMax: '2025-06-06',
    });
    // Google places these at midnight UTC = 09:00 in Tokyo, so it returns the 4th too: the tool leaves it out.
    expect(fake.requestsTo('events.list')).toHaveLength(1);
    expect(answer.events.map((e) => [e.id, e.lastDay])).toEqual([['the5th', '2025-06-06']]);
  });
});

describe('invalid arguments', () => {
  it('answers a wrong scope or event kind with what is allowed', async () => {
    const result = await call(h.client, 'calendar_update_event', { eventId: 'lunch', scope: 'following' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/thisAndFollowing/);
    expect(await callError(h.client, 'calendar_list_events', { eventTypes: ['holiday'] })).toMatch(/outOfOffice/);
  });
});

// Every Calendar tool against every upstream failure, table-driven through the one error mapping (errors.ts):
// 401, 403, 404, 409, 429 with Retry-After, 5xx and a stalled answer each give the same clear message whichever
// tool hit them, and each tool answers invalid arguments without calling Google.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  startFakeCalendarApi,
  type FakeCalendarApi,
  type FakeRoute,
} from '../../fakes/google-calendar-api.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';
import { call, fakeEnv, serveCalendar, textOf } from './harness.js';

interface ToolCase {
  tool: string;
  args: Record<string, unknown>;
  /** The upstream call the fault is put on. */
  route: FakeRoute;
  /** Arguments the tool must refuse (none for a tool without arguments). */
  invalid?: Record<string, unknown>;
  /** What the invalid-argument answer names. */
  invalidSays?: RegExp;
}

const TOOLS: ToolCase[] = [
  { tool: 'calendar_list_calendars', args: {}, route: 'calendarList.list', invalid: { maxResults: 0 }, invalidSays: /maxResults/ },
  { tool: 'calendar_list_events', args: {}, route: 'events.list', invalid: { timeMin: 'soon' }, invalidSays: /YYYY-MM-DD/ },
  { tool: 'calendar_get_event', args: { eventId: 'lunch' }, route: 'events.get', invalid: {}, invalidSays: /eventId/ },
  {
    tool: 'calendar_create_event',
    args: { summary: 'x', start: '2025-06-20T10:00', meet: true },
    route: 'events.insert',
    invalid: { summary: 'x', start: '2025-06-20', meet: 'yes' },
    invalidSays: /meet/,
  },
  {
    tool: 'calendar_update_event',
    args: { eventId: 'standup_20250609T010000Z', scope: 'thisAndFollowing', summary: 'y' },
    route: 'events.insert',
    invalid: { eventId: 'lunch', colorId: 'red' },
    invalidSays: /"1" to "11"/,
  },
  {
    tool: 'calendar_delete_event',
    args: { eventId: 'standup_20250609T010000Z', scope: 'thisAndFollowing' },
    route: 'events.patch',
    invalid: { eventId: 'lunch', scope: 'some' },
    invalidSays: /thisAndFollowing/,
  },
  {
    tool: 'calendar_respond_to_event',
    args: { eventId: 'review', response: 'accepted' },
    route: 'events.patch',
    invalid: { eventId: 'review', response: 'maybe' },
    invalidSays: /tentative/,
  },
  {
    tool: 'calendar_find_free_busy',
    args: { timeMin: '2025-06-03', timeMax: '2025-06-04' },
    route: 'freebusy.query',
    invalid: { timeMin: '2025-06-04', timeMax: '2025-06-03' },
    invalidSays: /timeMax must be after timeMin/,
  },
  { tool: 'calendar_list_colors', args: {}, route: 'colors.get' },
];

interface FailureCase {
  name: string;
  fault: { times?: number } & ({ status: number; headers?: Record<string, string> } | { stall: true });
  says: RegExp;
}

const FAILURES: FailureCase[] = [
  { name: '401', fault: { status: 401, times: 10 }, says: /the token is invalid or expired.*npm run auth:google/ },
  { name: '403', fault: { status: 403 }, says: /permission denied: .*Ask the owner to share it/ },
  { name: '404', fault: { status: 404 }, says: /not found or not shared with this account\. Check the calendar id/ },
  { name: '409', fault: { status: 409 }, says: /conflict: fault 409/ },
  {
    name: '429 with Retry-After',
    fault: { status: 429, headers: { 'retry-after': '120' }, times: 10 },
    says: /rate limited by Google \(429\)\. Retry after 120 s \(at 2025-06-01T00:02:00Z\)/,
  },
  { name: '5xx', fault: { status: 503, times: 10 }, says: /Google answered HTTP 503, a problem on its side\. Try again in a minute/ },
  { name: 'timeout', fault: { stall: true, times: 10 }, says: /no answer within 0\.5 s\. Google or the network is slow; try again/ },
];

let fake: FakeCalendarApi;
let h: ServiceOverHttp;

beforeAll(async () => {
  fake = await startFakeCalendarApi();
  h = await serveCalendar(fakeEnv(fake, { GCAL_TIMEOUT_MS: '500', GCAL_MAX_RETRIES: '1' }));
  // The Google library and the access token come first, so that no case's time limit is spent on them.
  expect((await call(h.client, 'calendar_list_calendars')).isError).toBeFalsy();
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

afterEach(() => {
  // Faults a call did not use up (it stopped at the first) must not reach the next case.
  fake.clearFaults();
});

describe.each(TOOLS)('$tool', (tool) => {
  it.each(FAILURES)('$name from Google: a message that says what happened and what to do', async (failure) => {
    fake.inject({ route: tool.route, ...failure.fault });
    const result = await call(h.client, tool.tool, tool.args);
    expect(result.isError, textOf(result)).toBe(true);
    expect(textOf(result)).toMatch(failure.says);
    expect(textOf(result)).not.toContain(FAKE_REFRESH_TOKEN);
    expect(textOf(result)).not.toContain(FAKE_CLIENT_SECRET);
    expect(textOf(result)).not.toMatch(/ya29\./);
  });

  it.runIf(tool.invalid)('invalid arguments: an isError answer naming the argument, and no call to Google', async () => {
    const before = fake.requests.length;
    const result = await call(h.client, tool.tool, tool.invalid);
    expect(result.isError, textOf(result)).toBe(true);
    expect(textOf(result)).toMatch(tool.invalidSays!);
    expect(fake.requests.slice(before).filter((r) => r.route !== 'token')).toHaveLength(0);
  });
});

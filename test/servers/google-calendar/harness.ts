// Shared set-up for the Calendar end-to-end tests: the fake Google API, the service configured from an env
// pointing at it, served over real HTTP with a real SDK Client.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { configFromEnv } from '../../../src/servers/google-calendar/config.js';
import { createCalendarService, type CalendarServiceOptions } from '../../../src/servers/google-calendar/server.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  type FakeCalendarApi,
} from '../../fakes/google-calendar-api.js';

/** An event as the tools answer it (event-view.ts CompactEvent), for the tests to read. */
export interface EventRow {
  id: string;
  calendarId?: string;
  seriesId?: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  lastDay?: string;
  description?: string;
  myResponse?: string;
  recurrence?: string[];
  conference?: string;
  colorId?: string;
  eventType?: string;
  workingLocation?: string;
  responses?: Record<string, number>;
}

/** Sunday 2025-06-01 09:00 in Tokyo. */
export const FIXED_NOW = new Date('2025-06-01T00:00:00Z');

export function fakeEnv(fake: FakeCalendarApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: FAKE_CLIENT_ID,
    GOOGLE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
    GOOGLE_REFRESH_TOKEN: FAKE_REFRESH_TOKEN,
    GOOGLE_TOKEN_FILE: '/nonexistent/gakuco-test/google-token.json',
    GOOGLE_API_ROOT_URL: fake.rootUrl,
    GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
    GCAL_TIME_ZONE: 'Asia/Tokyo',
    GCAL_TIMEOUT_MS: '2000',
    GCAL_MAX_RETRIES: '2',
    GCAL_RETRY_BASE_MS: '10',
    GCAL_MAX_RETRY_WAIT_MS: '1500',
    ...extra,
  };
}

export async function serveCalendar(
  env: Record<string, string | undefined>,
  options: CalendarServiceOptions = {},
): Promise<ServiceOverHttp> {
  const h = await startServiceOverHttp(createCalendarService(configFromEnv(env), { now: () => FIXED_NOW, ...options }));
  // Listing makes the SDK Client check every later result's structuredContent against the tool's outputSchema.
  await h.client.listTools();
  return h;
}

export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** Calls a tool that must succeed and returns its JSON answer. */
export async function callJson<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const result = await call(client, name, args);
  expect(result.isError, textOf(result)).toBeFalsy();
  const data = JSON.parse(textOf(result)) as T;
  expect(result.structuredContent, `${name} structuredContent`).toEqual(data);
  return data;
}

/** Calls a tool that must fail and returns its message. */
export async function callError(client: Client, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = await call(client, name, args);
  expect(result.isError, textOf(result)).toBe(true);
  return textOf(result);
}

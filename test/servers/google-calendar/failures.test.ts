// Upstream failures come back as isError results the model can act on: rate limits (retried, Retry-After
// honoured), revoked tokens, permissions, not found, a stalled upstream, a refused connection, no credentials.
import { generateKeyPairSync, createVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  HOLIDAYS,
  closedPort,
  startFakeCalendarApi,
  type FakeCalendarApi,
} from '../../fakes/google-calendar-api.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';
import { callError, callJson, fakeEnv, serveCalendar } from './harness.js';

let fake: FakeCalendarApi;
let h: ServiceOverHttp | undefined;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcal-failures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  fake = await startFakeCalendarApi();
});

afterEach(async () => {
  await h?.close();
  h = undefined;
  await fake.close();
});

function expectNoSecrets(message: string): void {
  expect(message).not.toContain(FAKE_REFRESH_TOKEN);
  expect(message).not.toContain(FAKE_CLIENT_SECRET);
  expect(message).not.toMatch(/ya29\./);
}

describe('rate limits (429)', () => {
  it('waits out a short Retry-After and then succeeds', async () => {
    h = await serveCalendar(fakeEnv(fake));
    fake.inject({ route: 'events.list', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    await callJson(h.client, 'calendar_list_events');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requestsTo('events.list')).toHaveLength(2);
  });

  it('does not wait for a long Retry-After: answers when to retry', async () => {
    h = await serveCalendar(fakeEnv(fake));
    fake.inject({ route: 'events.list', status: 429, headers: { 'retry-after': '120' }, times: 5 });
    const started = Date.now();
    const message = await callError(h.client, 'calendar_list_events');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(message).toMatch(/rate limited by Google \(429\)\. Retry after 120 s \(at 2025-06-01T00:02:00Z\)/);
    expect(fake.requestsTo('events.list')).toHaveLength(1);
  });

  it('backs off and gives up after the configured retries; a rate-limit 403 counts too', async () => {
    h = await serveCalendar(fakeEnv(fake));
    fake.inject({ route: 'calendarList.list', status: 429, times: 10 });
    expect(await callError(h.client, 'calendar_list_calendars')).toMatch(/rate limited .* Retry in a minute/);
    expect(fake.requestsTo('calendarList.list')).toHaveLength(3);

    fake.inject({
      route: 'events.get',
      status: 403,
      body: { error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded' }] } },
    });
    await callJson(h.client, 'calendar_get_event', { eventId: 'lunch' });
    expect(fake.requestsTo('events.get')).toHaveLength(2);
  });
});

describe('server errors (5xx)', () => {
  it('retries a read, but never repeats a create', async () => {
    h = await serveCalendar(fakeEnv(fake));
    fake.inject({ route: 'events.get', status: 503 });
    await callJson(h.client, 'calendar_get_event', { eventId: 'lunch' });
    expect(fake.requestsTo('events.get')).toHaveLength(2);

    fake.inject({ route: 'events.insert', status: 500 });
    expect(await callError(h.client, 'calendar_create_event', { summary: 'x', start: '2025-06-10' })).toMatch(
      /Google answered HTTP 500, a problem on its side/,
    );
    expect(fake.requestsTo('events.insert')).toHaveLength(1);
  });
});

describe('auth failures', () => {
  it('a revoked refresh token (invalid_grant) says the token is invalid and to rerun the helper', async () => {
    fake.validRefreshTokens.clear();
    h = await serveCalendar(fakeEnv(fake));
    const message = await callError(h.client, 'calendar_list_calendars');
    expect(message).toMatch(/the token is invalid or expired \(invalid_grant\)/);
    expect(message).toContain('npm run auth:google');
    expectNoSecrets(message);
    expect(fake.requestsTo('calendarList.list')).toHaveLength(0);
  });

  it('a 401 from the API is reported the same way', async () => {
    h = await serveCalendar(fakeEnv(fake));
    fake.inject({ route: 'events.list', status: 401, times: 3 });
    const message = await callError(h.client, 'calendar_list_events');
    expect(message).toMatch(/the token is invalid or expired/);
    expectNoSecrets(message);
  });

  it('a wrong client secret is reported without the secret', async () => {
    h = await serveCalendar(fakeEnv(fake, { GOOGLE_CLIENT_SECRET: 'wrong-secret-value' }));
    const message = await callError(h.client, 'calendar_list_calendars');
    expect(message).toMatch(/invalid or expired \(invalid_client\)/);
    expect(message).not.toContain('wrong-secret-value');
  });
});

describe('permission and not found', () => {
  it('403 on a read-only calendar says what access is missing', async () => {
    h = await serveCalendar(fakeEnv(fake));
    const message = await callError(h.client, 'calendar_create_event', { calendarId: HOLIDAYS, summary: 'x', start: '2025-06-10' });
    expect(message).toMatch(/permission denied: .*not shared with it \(Google: You need to have writer access/);
  });

  it('404 says not found or not shared', async () => {
    h = await serveCalendar(fakeEnv(fake));
    expect(await callError(h.client, 'calendar_get_event', { eventId: 'no-such-event' })).toMatch(
      /get event failed: not found or not shared with this account/,
    );
    expect(await callError(h.client, 'calendar_list_events', { calendarIds: ['nobody@example.com'] })).toMatch(/not found or not shared/);
  });
});

describe('timeouts and network errors', () => {
  it('a stalled API call ends at the timeout with an isError', async () => {
    h = await serveCalendar(fakeEnv(fake, { GCAL_TIMEOUT_MS: '300' }));
    fake.inject({ route: 'events.list', stall: true });
    const started = Date.now();
    expect(await callError(h.client, 'calendar_list_events')).toMatch(/no answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
    // The server is still fine afterwards.
    await callJson(h.client, 'calendar_list_calendars');
  });

  it('a stalled token endpoint ends at the timeout too', async () => {
    h = await serveCalendar(fakeEnv(fake, { GCAL_TIMEOUT_MS: '300' }));
    fake.inject({ route: 'token', stall: true });
    expect(await callError(h.client, 'calendar_list_calendars')).toMatch(/no answer within 0.3 s/);
    // The stalled refresh is abandoned (not reused by the next call), so the next call gets a token.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await callJson(h.client, 'calendar_list_calendars');
    expect(fake.requestsTo('token')).toHaveLength(2);
  });

  it('a refused connection is a network error', async () => {
    const port = await closedPort();
    h = await serveCalendar(fakeEnv(fake, { GOOGLE_API_ROOT_URL: `http://127.0.0.1:${port}/` }));
    expect(await callError(h.client, 'calendar_list_calendars')).toMatch(/cannot reach Google \(ECONNREFUSED\)/);
  });
});

describe('missing credentials', () => {
  it('starts, reports what is missing in /health, and tools say how to set it up', async () => {
    h = await serveCalendar({ GOOGLE_TOKEN_FILE: join(dir, 'absent.json'), GCAL_TIME_ZONE: 'Asia/Tokyo' });
    const health = (await (await fetch(`${h.url}/health`)).json()) as { upstream: { configured: boolean; missing: string[] } };
    expect(health.upstream).toEqual({
      configured: false,
      missing: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_REFRESH_TOKEN'],
    });
    const message = await callError(h.client, 'calendar_list_events');
    expect(message).toMatch(/not configured on this server \(missing: GOOGLE_CLIENT_ID/);
    expect(message).toContain('npm run auth:google');
    expect(message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    // The clock needs no credentials.
    await callJson(h.client, 'calendar_get_current_time');
  });
});

describe('service account', () => {
  it('signs a JWT with the key file and exchanges it at the token endpoint', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'service-account.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: 'bot@project.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        private_key_id: 'k1',
      }),
      { mode: 0o600 },
    );
    fake.onJwtAssertion = (assertion) => {
      const [header, payload, signature] = assertion.split('.');
      const verifier = createVerify('RSA-SHA256');
      verifier.update(`${header}.${payload}`);
      return verifier.verify(publicKey, Buffer.from(signature!, 'base64url'));
    };
    const env = fakeEnv(fake, { GOOGLE_APPLICATION_CREDENTIALS: keyFile });
    delete env.GOOGLE_REFRESH_TOKEN;
    h = await serveCalendar(env);
    await callJson(h.client, 'calendar_list_calendars');
    const token = fake.requestsTo('token')[0]!;
    expect(token.body).toMatchObject({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' });
    const claims = JSON.parse(Buffer.from((token.body as { assertion: string }).assertion.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'bot@project.iam.gserviceaccount.com', scope: 'https://www.googleapis.com/auth/calendar' });
  });
});

describe('metrics', () => {
  it('records upstream latency and counts tool errors', async () => {
    h = await serveCalendar(fakeEnv(fake));
    await callJson(h.client, 'calendar_list_calendars');
    expect(h!.server.metrics.upstreamMs()).not.toBeNull();
    const before = h!.server.metrics.toolErrors;
    await callError(h.client, 'calendar_get_event', { eventId: 'no-such-event' });
    expect(h!.server.metrics.toolErrors).toBeGreaterThan(before);
  });
});

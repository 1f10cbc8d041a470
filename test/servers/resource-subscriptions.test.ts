// resources/subscribe on both servers, through the SDK Client over real HTTP against the fakes: the poller reads
// each subscribed resource again (a short interval here, through the kit's own options), a change in the fake's data
// reaches the client as notifications/resources/updated over the session's GET stream; unsubscribe stops it; the
// per-session cap answers an error; a failing poll is logged once and recovers; a closed session polls no more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { configFromEnv } from '../../src/servers/google-calendar/config.js';
import { createCalendarService } from '../../src/servers/google-calendar/server.js';
import { createNotionService } from '../../src/servers/notion/server.js';
import { ME, startFakeCalendarApi, type FakeCalendarApi } from '../fakes/google-calendar-api.js';
import { SEED, startFakeNotion, type FakeNotion } from '../fakes/notion-api.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../helpers/mcp-http.js';
import { FIXED_NOW, fakeEnv } from './google-calendar/harness.js';
import { testConfig } from './notion/harness.js';

const POLL_MS = 100;

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collectUpdates(client: Client): string[] {
  const updates: string[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
  return updates;
}

describe('Notion', () => {
  let fake: FakeNotion;
  let h: ServiceOverHttp;
  const errors: string[] = [];
  const page = `notion://pages/${SEED.page}`;
  beforeAll(async () => {
    fake = await startFakeNotion();
    h = await startServiceOverHttp(createNotionService(testConfig(fake.url), { logSink: () => {} }), {
      subscriptionPollMs: POLL_MS,
      maxSubscriptions: 2,
      errorLog: (line) => void errors.push(line),
    });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('declares subscribe, notifies a changed page, and stops after unsubscribe', async () => {
    expect(h.client.getServerCapabilities()?.resources).toMatchObject({ subscribe: true });
    const updates = collectUpdates(h.client);
    await h.client.subscribeResource({ uri: page });
    await sleep(POLL_MS * 4);
    expect(updates).toEqual([]);
    fake.state.children.get(SEED.page)!.splice(5, 1);
    await until('the page update', () => updates.length > 0);
    expect(updates).toEqual([page]);

    await h.client.unsubscribeResource({ uri: page });
    const reads = fake.requests.length;
    fake.state.children.get(SEED.page)!.splice(4, 1);
    await sleep(POLL_MS * 5);
    expect(updates).toEqual([page]);
    expect(fake.requests.length).toBe(reads);
  });

  it('answers an error past the cap and for an unknown or failing resource', async () => {
    await h.client.subscribeResource({ uri: page });
    await h.client.subscribeResource({ uri: 'notion://pages/recent' });
    await h.client.subscribeResource({ uri: page });
    await expect(h.client.subscribeResource({ uri: `notion://pages/${SEED.emptyPage}` })).rejects.toThrow(
      /At most 2 resource subscriptions per session: unsubscribe from one first/,
    );
    await h.client.unsubscribeResource({ uri: 'notion://pages/recent' });
    await expect(h.client.subscribeResource({ uri: 'calendar://calendars' })).rejects.toThrow(/Resource calendar:\/\/calendars not found/);
    await expect(h.client.subscribeResource({ uri: 'notion://pages/99999999999949998999999999999999' })).rejects.toThrow(
      /Cannot subscribe to .*not found or not shared with the integration/,
    );
    await h.client.unsubscribeResource({ uri: page });
  });

  it('logs a failing poll once, without the token, and notices the change once Notion answers again', async () => {
    const client = await h.connectClient();
    const updates = collectUpdates(client);
    await client.subscribeResource({ uri: page });
    errors.length = 0;
    fake.addFault({ path: /^\/blocks\//, status: 503, code: 'service_unavailable' });
    await until('the poll failure', () => errors.length > 0);
    fake.state.children.get(SEED.page)!.splice(0, 1);
    await sleep(POLL_MS * 5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`notion-mcp: subscription ${page}: poll failed, retrying every 0.1 s: .*503`));
    expect(errors.join('\n')).not.toContain(SEED.token);
    fake.clearFaults();
    await until('the update after recovery', () => updates.length > 0);
    expect(updates).toEqual([page]);
    expect(errors[1]).toMatch(/reads again/);
    await client.unsubscribeResource({ uri: page });
  });

  it('a closed session polls no more', async () => {
    const client = await h.connectClient();
    await client.subscribeResource({ uri: page });
    await client.subscribeResource({ uri: 'notion://pages/recent' });
    const sessions = h.server.sessionCount();
    await (client.transport as StreamableHTTPClientTransport).terminateSession();
    await until('the session to close', () => h.server.sessionCount() === sessions - 1);
    await sleep(POLL_MS); // a read already under way finishes
    const reads = fake.requests.length;
    await sleep(POLL_MS * 5);
    expect(fake.requests.length).toBe(reads);
  });
});

describe('Calendar', () => {
  let fake: FakeCalendarApi;
  let h: ServiceOverHttp;
  beforeAll(async () => {
    fake = await startFakeCalendarApi();
    h = await startServiceOverHttp(createCalendarService(configFromEnv(fakeEnv(fake)), { now: () => FIXED_NOW }), {
      subscriptionPollMs: POLL_MS,
    });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('notifies a changed day and the calendar list, each under its own URI', async () => {
    const updates = collectUpdates(h.client);
    const day = 'calendar://calendars/primary/days/2025-06-03';
    await h.client.subscribeResource({ uri: day });
    await h.client.subscribeResource({ uri: 'calendar://calendars' });
    await sleep(POLL_MS * 4);
    expect(updates).toEqual([]);
    const events = fake.events.get(ME)!;
    const lunch = events.find((e) => e.id === 'lunch')!;
    events.push({ ...lunch, id: 'tea', summary: 'Tea', start: { dateTime: '2025-06-03T15:00:00+09:00' }, end: { dateTime: '2025-06-03T15:30:00+09:00' } });
    await until('the day update', () => updates.includes(day));
    expect(updates).toEqual([day]);
    fake.calendars[0]!.summary = 'Renamed';
    await until('the calendar list update', () => updates.length === 2);
    expect(updates).toEqual([day, 'calendar://calendars']);
  });
});

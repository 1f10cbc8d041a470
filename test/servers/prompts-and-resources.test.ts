// The prompts and resources of both servers through the SDK Client over HTTP, against the fakes: listed, fetched,
// read; a resource that fails says why as a tool would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ME, startFakeCalendarApi, type FakeCalendarApi } from '../fakes/google-calendar-api.js';
import { SEED, startFakeNotion, type FakeNotion } from '../fakes/notion-api.js';
import type { ServiceOverHttp } from '../helpers/mcp-http.js';
import { fakeEnv, serveCalendar } from './google-calendar/harness.js';
import { startNotionHarness, testConfig, type NotionHarness } from './notion/harness.js';

function text(result: { contents: object[] }): string {
  const first = result.contents[0];
  return first && 'text' in first ? String(first.text) : '';
}

function promptText(result: { messages: { content: { type: string; text?: string } }[] }): string {
  return result.messages.map((m) => m.content.text ?? '').join('\n');
}

describe('Calendar', () => {
  let fake: FakeCalendarApi;
  let h: ServiceOverHttp;
  beforeAll(async () => {
    fake = await startFakeCalendarApi();
    h = await serveCalendar(fakeEnv(fake));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('offers the agenda and booking prompts, with the tools to call in order', async () => {
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['calendar_daily_agenda', 'calendar_find_and_book']);
    const book = promptText(
      await h.client.getPrompt({
        name: 'calendar_find_and_book',
        arguments: { title: 'Sync', durationMinutes: '45', attendees: 'aiko@example.com, ken@example.com' },
      }),
    );
    expect(book).toContain('calendar_find_free_busy with calendarIds = ["primary","aiko@example.com","ken@example.com"]');
    expect(book).toContain('minFreeMinutes = 45');
    expect(book).toMatch(/create_event with summary "Sync"/);
    const agenda = promptText(await h.client.getPrompt({ name: 'calendar_daily_agenda', arguments: { date: 'tomorrow' } }));
    expect(agenda).toMatch(/for tomorrow[\s\S]*calendar_get_current_time[\s\S]*calendar_list_events/);
    expect(fake.requests).toHaveLength(0);
  });

  it('reads the calendar list and one day of a calendar as resources', async () => {
    const { resources } = await h.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['calendar://calendars']);
    const { resourceTemplates } = await h.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['calendar://calendars/{calendarId}/days/{date}']);
    const calendars = JSON.parse(text(await h.client.readResource({ uri: 'calendar://calendars' }))) as { calendars: { id: string }[] };
    expect(calendars.calendars[0]!.id).toBe(ME);
    const day = JSON.parse(text(await h.client.readResource({ uri: 'calendar://calendars/primary/days/2025-06-03' }))) as {
      events: { id: string }[];
    };
    expect(day.events.map((e) => e.id)).toEqual(['lunch']);
  });

  it('a resource that fails says what happened and what to do', async () => {
    await expect(h.client.readResource({ uri: 'calendar://calendars/nobody%40example.com/days/2025-06-03' })).rejects.toThrow(
      /not found or not shared with this account/,
    );
    await expect(h.client.readResource({ uri: 'calendar://calendars/primary/days/soon' })).rejects.toThrow(/YYYY-MM-DD/);
    fake.inject({ route: 'calendarList.list', status: 429, headers: { 'retry-after': '120' }, times: 5 });
    await expect(h.client.readResource({ uri: 'calendar://calendars' })).rejects.toThrow(/rate limited by Google \(429\)\. Retry after 120 s/);
    fake.clearFaults();
  });
});

describe('Notion', () => {
  let fake: FakeNotion;
  let h: NotionHarness;
  beforeAll(async () => {
    fake = await startFakeNotion();
    h = await startNotionHarness(testConfig(fake.url));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('offers the meeting notes prompt with its Markdown template', async () => {
    const { prompts } = await h.http.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['notion_meeting_notes']);
    const notes = promptText(
      await h.http.client.getPrompt({
        name: 'notion_meeting_notes',
        arguments: { title: 'Weekly sync', parent: SEED.page, date: '2025-06-02', attendees: 'Ada, Grace', agenda: 'Status; Risks' },
      }),
    );
    expect(notes).toContain('"Weekly sync 2025-06-02"');
    expect(notes).toContain('## Attendees\n- Ada\n- Grace\n## Agenda\n1. Status\n2. Risks\n## Notes');
    expect(notes).toContain('- [ ] ');
    expect(notes).toContain('notion_create_page with parent_page_id');
  });

  it('lists recent pages as resources and reads a page as Markdown', async () => {
    const { resources } = await h.http.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris[0]).toBe('notion://pages/recent');
    expect(uris).toContain(`notion://pages/${SEED.page}`);
    expect(resources.find((r) => r.uri === `notion://pages/${SEED.page}`)).toMatchObject({ name: 'Project plan', mimeType: 'text/markdown' });
    const search = fake.requests.find((r) => r.path === '/search')!;
    expect(search.body).toMatchObject({ sort: { timestamp: 'last_edited_time', direction: 'descending' }, filter: { value: 'page' } });
    const page = await h.http.client.readResource({ uri: `notion://pages/${SEED.page}` });
    expect(page.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect(text(page).split('\n')[0]).toBe('# Goals');
    const recent = JSON.parse(text(await h.http.client.readResource({ uri: 'notion://pages/recent' }))) as { pages: { id: string }[] };
    expect(recent.pages.length).toBeGreaterThan(2);
  });

  it('a resource that fails says what happened and what to do, without the token', async () => {
    await expect(h.http.client.readResource({ uri: 'notion://pages/99999999999949998999999999999999' })).rejects.toThrow(
      /not found or not shared with the integration/,
    );
    const unset = await startNotionHarness(testConfig(fake.url, { token: null }));
    try {
      await expect(unset.http.client.readResource({ uri: 'notion://pages/recent' })).rejects.toThrow(/NOTION_TOKEN is not set/);
      expect((await unset.http.client.listResources()).resources.map((r) => r.uri)).toEqual(['notion://pages/recent']);
    } finally {
      await unset.close();
    }
  });
});

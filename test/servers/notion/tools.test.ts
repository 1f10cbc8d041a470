// Every Notion tool end to end: SDK Client -> real HTTP -> our server -> @notionhq/client -> fake Notion API,
// under both Notion versions.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import { startNotionHarness, testConfig, textOf, type NotionHarness } from './harness.js';

type Json = Record<string, unknown>;

let fake: FakeNotion;
beforeAll(async () => {
  fake = await startFakeNotion();
});
afterAll(async () => {
  await fake.close();
});

describe('tool list', () => {
  it('offers the curated tools with descriptions, schemas and read-only / destructive annotations', async () => {
    const h = await startNotionHarness(testConfig(fake.url));
    try {
      const { tools } = await h.http.client.listTools();
      const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
      expect(Object.keys(byName).sort()).toEqual([
        'notion_add_comment',
        'notion_append_content',
        'notion_create_page',
        'notion_delete_block',
        'notion_get_database',
        'notion_get_page',
        'notion_list_comments',
        'notion_list_users',
        'notion_move_page',
        'notion_query_database',
        'notion_read_page',
        'notion_replace_content',
        'notion_search',
        'notion_update_block',
        'notion_update_page',
      ]);
      for (const tool of tools) {
        expect(tool.description?.length, tool.name).toBeGreaterThan(60);
        expect(tool.inputSchema.type).toBe('object');
        expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
      }
      const readOnly = tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name).sort();
      expect(readOnly).toEqual([
        'notion_get_database',
        'notion_get_page',
        'notion_list_comments',
        'notion_list_users',
        'notion_query_database',
        'notion_read_page',
        'notion_search',
      ]);
      expect(byName.notion_update_page?.annotations?.destructiveHint).toBe(true);
      expect(byName.notion_append_content?.annotations?.destructiveHint).toBe(false);
      expect(JSON.stringify(tools).length).toBeLessThan(30_000);
    } finally {
      await h.close();
    }
  });
});

describe.each(['2022-06-28', '2025-09-03'])('Notion-Version %s', (version) => {
  const legacy = version === '2022-06-28';
  let h: NotionHarness;
  // A workspace of its own: the writes of one version's tests must not change the other's results.
  let fake: FakeNotion;
  beforeAll(async () => {
    fake = await startFakeNotion();
    h = await startNotionHarness(testConfig(fake.url, { notionVersion: version }));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  afterEach(() => {
    fake.clearFaults();
  });

  const since = () => {
    const mark = fake.requests.length;
    return () => fake.requests.slice(mark);
  };

  it('sends the configured Notion-Version and the bearer token', async () => {
    const sent = since();
    await h.json('notion_list_users');
    const [request] = sent();
    expect(request?.headers['notion-version']).toBe(version);
    expect(request?.headers.authorization).toBe(`Bearer ${SEED.token}`);
  });

  it('notion_search finds pages by title and maps the database filter to this version', async () => {
    const found = await h.json<{ results: Json[] }>('notion_search', { query: 'project' });
    expect(found.results).toHaveLength(1);
    expect(found.results[0]).toMatchObject({ object: 'page', id: SEED.page, title: 'Project plan' });

    const sent = since();
    const dbs = await h.json<{ results: Json[] }>('notion_search', { type: 'database', sort: 'last_edited_desc' });
    expect(sent()[0]?.body).toMatchObject({
      filter: { property: 'object', value: legacy ? 'database' : 'data_source' },
      sort: { timestamp: 'last_edited_time', direction: 'descending' },
    });
    expect(dbs.results).toEqual([
      expect.objectContaining({ object: legacy ? 'database' : 'data_source', title: 'Tasks' }),
    ]);
  });

  it('notion_search passes cursors through', async () => {
    const first = await h.json<{ results: Json[]; has_more: boolean; next_cursor: string }>('notion_search', {
      type: 'page',
      page_size: 2,
    });
    expect(first.results).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const ids = new Set(first.results.map((r) => r.id));
    let cursor: string | null = first.next_cursor;
    while (cursor) {
      const next: { results: Json[]; next_cursor: string | null } = await h.json('notion_search', {
        type: 'page',
        page_size: 2,
        start_cursor: cursor,
      });
      for (const r of next.results) ids.add(r.id);
      cursor = next.next_cursor;
    }
    expect(ids.size).toBe(fake.state.pages.size);
  });

  it('notion_get_page gives properties as plain values, from an id or a URL', async () => {
    const row = await h.json('notion_get_page', { page_id: SEED.task2 });
    expect(row).toMatchObject({
      id: SEED.task2,
      title: 'Build server',
      in_trash: false,
      parent: legacy
        ? { type: 'database_id', id: SEED.database }
        : { type: 'data_source_id', id: SEED.dataSource },
      properties: { Name: 'Build server', Status: 'Doing', Due: '2025-04-10', Tags: ['code', 'mcp'], Done: false, Estimate: 8 },
    });
    const byUrl = await h.json('notion_get_page', {
      page_id: `https://www.notion.so/acme/Build-server-${SEED.task2.replace(/-/g, '')}?pvs=4`,
    });
    expect(byUrl.id).toBe(SEED.task2);
  });

  it('notion_read_page renders blocks as text, nested to max_depth, paginated', async () => {
    const all = await h.json<{ text: string; has_more: boolean }>('notion_read_page', { page_id: SEED.page });
    expect(all.has_more).toBe(false);
    expect(all.text).toBe(
      [
        '# Goals',
        'Make the servers **small** and safe.',
        '- Notion server',
        '  - tools',
        '    - search',
        '- [x] Write tests',
        '▸ Details',
        '  Hidden detail',
        '```bash',
        'npm test',
        '```',
        `[page] Meeting notes (id: ${SEED.childPage})`,
      ].join('\n'),
    );
    expect(all.text).not.toContain('Not read inline');

    const shallow = await h.json<{ text: string }>('notion_read_page', { page_id: SEED.page, max_depth: 1 });
    expect(shallow.text).toContain('  - tools');
    expect(shallow.text).not.toContain('search');
    expect(shallow.text).toContain(`nested content not loaded: read block ${SEED.deepItem}`);

    const first = await h.json<{ text: string; has_more: boolean; next_cursor: string; blocks: number }>(
      'notion_read_page',
      { page_id: SEED.page, page_size: 4, max_depth: 0 },
    );
    expect(first).toMatchObject({ has_more: true, blocks: 4 });
    expect(first.text.split('\n')[0]).toBe('# Goals');
    const second = await h.json<{ text: string; has_more: boolean; next_cursor: null }>('notion_read_page', {
      page_id: SEED.page,
      page_size: 4,
      max_depth: 0,
      start_cursor: first.next_cursor,
    });
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect(second.text.startsWith('▸ Details')).toBe(true);
  });

  it('notion_query_database queries the database (2022) or its data source (2025) with filter, sorts and cursor', async () => {
    const sent = since();
    const answer = await h.json<{ results: Json[]; has_more: boolean; next_cursor: string }>('notion_query_database', {
      database_id: SEED.database,
      filter: { property: 'Done', checkbox: { equals: false } },
      sorts: [{ property: 'Estimate', direction: 'descending' }],
      page_size: 1,
    });
    const paths = sent().map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      legacy
        ? [`POST /databases/${SEED.database}/query`]
        : [`GET /databases/${SEED.database}`, `POST /data_sources/${SEED.dataSource}/query`],
    );
    expect(sent().at(-1)?.body).toMatchObject({
      filter: { property: 'Done', checkbox: { equals: false } },
      sorts: [{ property: 'Estimate', direction: 'descending' }],
      page_size: 1,
    });
    expect(answer).toMatchObject({ has_more: true });
    expect(answer.results[0]).toMatchObject({ title: 'Build server', properties: { Estimate: 8 } });

    const next = await h.json<{ results: Json[]; has_more: boolean }>('notion_query_database', {
      database_id: SEED.database,
      filter: { property: 'Done', checkbox: { equals: false } },
      sorts: [{ property: 'Estimate', direction: 'descending' }],
      page_size: 1,
      start_cursor: answer.next_cursor,
    });
    expect(next).toMatchObject({ has_more: false });
    expect(next.results[0]).toMatchObject({ title: 'Ship it' });
  });

  it('notion_create_page creates a database row from plain values, with markdown content', async () => {
    const sent = since();
    const created = await h.json<{ id: string; url: string; blocks_written: number }>('notion_create_page', {
      database_id: SEED.database,
      title: 'Review PR',
      properties: { Status: 'Todo', Due: '2025-05-01', Tags: ['code'], Done: false, Estimate: 2 },
      content: '## Steps\n- read the diff\n- [ ] run tests\n\nThen **merge**.',
    });
    const post = sent().find((r) => r.method === 'POST' && r.path === '/pages');
    expect(post?.body?.parent).toEqual(
      legacy ? { type: 'database_id', database_id: SEED.database } : { type: 'data_source_id', data_source_id: SEED.dataSource },
    );
    expect(created.blocks_written).toBe(4);
    const row = await h.json('notion_get_page', { page_id: created.id });
    expect(row.properties).toEqual({ Name: 'Review PR', Status: 'Todo', Due: '2025-05-01', Tags: ['code'], Done: false, Estimate: 2 });
    const body = await h.json<{ text: string }>('notion_read_page', { page_id: created.id });
    expect(body.text).toBe('## Steps\n- read the diff\n- [ ] run tests\nThen **merge**.');
  });

  it('notion_create_page creates a sub-page and refuses unknown properties before writing', async () => {
    const created = await h.json<{ id: string }>('notion_create_page', { parent_page_id: SEED.page, title: 'Notes 2' });
    expect(await h.json('notion_get_page', { page_id: created.id })).toMatchObject({
      title: 'Notes 2',
      parent: { type: 'page_id', id: SEED.page },
    });
    const sent = since();
    const bad = await h.call('notion_create_page', { database_id: SEED.database, title: 'x', properties: { Colour: 'red' } });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain('unknown property "Colour"');
    expect(textOf(bad)).toContain('Status');
    expect(sent().some((r) => r.method === 'POST' && r.path === '/pages')).toBe(false);
    const both = await h.call('notion_create_page', { database_id: SEED.database, parent_page_id: SEED.page, title: 'x' });
    expect(textOf(both)).toContain('exactly one of parent_page_id or database_id');
  });

  it('notion_update_page changes properties and archives / restores with the field of this version', async () => {
    const created = await h.json<{ id: string }>('notion_create_page', {
      database_id: SEED.database,
      title: 'Temp',
      properties: { Status: 'Todo' },
    });
    const updated = await h.json('notion_update_page', {
      page_id: created.id,
      title: 'Temp (renamed)',
      properties: { Status: 'Done', Done: true, Due: { start: '2025-06-01', end: '2025-06-03' } },
    });
    expect(updated).toMatchObject({
      title: 'Temp (renamed)',
      properties: { Status: 'Done', Done: true, Due: { start: '2025-06-01', end: '2025-06-03' } },
    });
    const sent = since();
    const archived = await h.json('notion_update_page', { page_id: created.id, archived: true });
    expect(archived.in_trash).toBe(true);
    expect(sent()[0]?.body).toEqual(legacy ? { archived: true } : { in_trash: true });
    const restored = await h.json('notion_update_page', { page_id: created.id, archived: false });
    expect(restored.in_trash).toBe(false);
    const nothing = await h.call('notion_update_page', { page_id: created.id });
    expect(textOf(nothing)).toContain('nothing to change');
  });

  it('notion_append_content appends markdown as blocks, more than 100 in several requests', async () => {
    const page = await h.json<{ id: string }>('notion_create_page', { parent_page_id: SEED.page, title: 'Log' });
    const small = await h.json('notion_append_content', { page_id: page.id, markdown: '> quoted\n\n---\n1. one\n2. two' });
    expect(small.blocks_added).toBe(4);
    const sent = since();
    const lines = Array.from({ length: 130 }, (_, i) => `- item ${i}`).join('\n');
    const big = await h.json<{ blocks_added: number; block_ids: string[] }>('notion_append_content', {
      page_id: page.id,
      markdown: lines,
    });
    expect(big.blocks_added).toBe(130);
    expect(big.block_ids).toHaveLength(130);
    expect(sent().filter((r) => r.method === 'PATCH').map((r) => (r.body?.children as unknown[]).length)).toEqual([100, 30]);
    const text = await h.json<{ text: string; has_more: boolean }>('notion_read_page', { page_id: page.id, page_size: 5 });
    expect(text.text).toBe('> quoted\n---\n1. one\n2. two\n- item 0');
    expect(text.has_more).toBe(true);
  });

  it('notion_list_comments and notion_add_comment: new thread, reply, pagination', async () => {
    const listed = await h.json<{ comments: Json[]; has_more: boolean; next_cursor: string }>('notion_list_comments', {
      page_id: SEED.page,
      page_size: 1,
    });
    expect(listed.comments[0]).toMatchObject({ id: 'c-1', text: 'Looks good', discussion_id: SEED.discussion });
    expect(listed.has_more).toBe(true);
    const rest = await h.json<{ comments: Json[] }>('notion_list_comments', {
      page_id: SEED.page,
      start_cursor: listed.next_cursor,
    });
    expect(rest.comments[0]).toMatchObject({ id: 'c-2', text: 'Ship Friday?' });

    const reply = await h.json('notion_add_comment', { discussion_id: SEED.discussion, text: 'Yes, **Friday**' });
    expect(reply).toMatchObject({ discussion_id: SEED.discussion, text: 'Yes, Friday' });
    const thread = await h.json('notion_add_comment', { page_id: SEED.emptyPage, text: 'first' });
    expect(thread.discussion_id).not.toBe(SEED.discussion);
    const onEmpty = await h.json<{ comments: Json[] }>('notion_list_comments', { page_id: SEED.emptyPage });
    expect(onEmpty.comments.map((c) => c.text)).toContain('first');
  });

  it('notion_list_users lists people and bots with cursors', async () => {
    const first = await h.json<{ users: Json[]; has_more: boolean; next_cursor: string }>('notion_list_users', {
      page_size: 2,
    });
    expect(first.users).toEqual([
      { id: SEED.userAda, name: 'Ada', type: 'person', email: 'ada@example.com' },
      expect.objectContaining({ name: 'Grace' }),
    ]);
    const second = await h.json<{ users: Json[]; has_more: boolean }>('notion_list_users', {
      start_cursor: first.next_cursor,
    });
    expect(second).toMatchObject({ has_more: false, users: [{ name: 'gakuco', type: 'bot', bot_owner: 'workspace' }] });
  });

  it('refuses a malformed id without calling Notion', async () => {
    const sent = since();
    const result = await h.call('notion_get_page', { page_id: '../../users' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('is not a Notion page id or URL');
    expect(sent()).toHaveLength(0);
  });
});

describe('2025-09-03 data sources', () => {
  it('accepts a data source id in place of the database id', async () => {
    const h = await startNotionHarness(testConfig(fake.url));
    try {
      const answer = await h.json<{ data_source_id: string; results: Json[] }>('notion_query_database', {
        database_id: SEED.dataSource,
      });
      expect(answer.data_source_id).toBe(SEED.dataSource);
      expect(answer.results.length).toBeGreaterThanOrEqual(3);

      const mark = fake.requests.length;
      const chosen = await h.json<{ data_source_id: string; results: Json[] }>('notion_query_database', {
        database_id: SEED.database,
        data_source_id: SEED.dataSource,
        filter: { property: 'Status', status: { equals: 'Doing' } },
      });
      expect(chosen.results.map((r) => r.title)).toEqual(['Build server']);
      expect(fake.requests.slice(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST /data_sources/${SEED.dataSource}/query`,
      ]);
    } finally {
      await h.close();
    }
  });
});

// The Notion edits an assistant needs beyond appending: edit and delete single blocks, replace a body without
// trashing sub-pages, move a page, Markdown in and the same Markdown back out, and a database's schema. Both
// Notion versions, against the fake.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED, startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import { startNotionHarness, testConfig, textOf, type NotionHarness } from './harness.js';

type Json = Record<string, unknown>;

interface ReadAnswer {
  text: string;
  block_list?: { id: string; type: string; text?: string; depth?: number }[];
}

const ROUND_TRIP = [
  '# Plan',
  'Intro with **bold**, *italic*, `code` and a [link](https://example.com/a).',
  '## Steps',
  '- first',
  '  - nested',
  '- second',
  '1. one',
  '2. two',
  '- [ ] open task',
  '- [x] done task',
  '> a quote',
  '```ts',
  'const x = 1;',
  '```',
  '| Name | Owner |',
  '| --- | --- |',
  '| Spec | Ada |',
  '| Build | Grace |',
  '---',
].join('\n');

describe.each(['2022-06-28', '2025-09-03'])('Notion-Version %s', (version) => {
  const legacy = version === '2022-06-28';
  let fake: FakeNotion;
  let h: NotionHarness;
  beforeEach(async () => {
    await h?.close();
    await fake?.close();
    fake = await startFakeNotion();
    h = await startNotionHarness(testConfig(fake.url, { notionVersion: version }));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  const read = (pageId: string, extra: Json = {}) => h.json<ReadAnswer>('notion_read_page', { page_id: pageId, ...extra });

  it('Markdown round trip: a page created from Markdown reads back as the same Markdown', async () => {
    const created = await h.json<{ id: string }>('notion_create_page', {
      parent_page_id: SEED.page,
      title: 'Round trip',
      content: ROUND_TRIP,
    });
    const table = fake.requests.find((r) => r.method === 'POST' && r.path === '/pages')!.body!.children as Json[];
    expect(table.find((b) => b.type === 'table')).toMatchObject({
      table: { table_width: 2, has_column_header: true, children: [{ type: 'table_row' }, {}, {}] },
    });
    expect((await read(created.id)).text).toBe(ROUND_TRIP);
  });

  it('edits one block, keeping its kind, and ticks a to-do', async () => {
    const before = await read(SEED.page, { show_block_ids: true });
    expect(before.block_list?.[0]).toEqual({ id: SEED.heading, type: 'heading_1', text: 'Goals' });
    expect(before.block_list?.find((b) => b.id === SEED.deepItem)).toMatchObject({ depth: 1 });
    await h.json('notion_update_block', { block_id: SEED.heading, markdown: 'Aims' });
    await h.json('notion_update_block', { block_id: SEED.paragraph, markdown: 'Now **much** smaller.' });
    await h.json('notion_update_block', { block_id: SEED.todo, checked: false });
    const patch = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/blocks/${SEED.heading}`)[0]!;
    expect(patch.body).toEqual({ heading_1: { rich_text: [{ type: 'text', text: { content: 'Aims' } }] } });
    const text = (await read(SEED.page)).text.split('\n');
    expect(text.slice(0, 2)).toEqual(['# Aims', 'Now **much** smaller.']);
    expect(text).toContain('- [ ] Write tests');
  });

  it('refuses a change of kind or several blocks in one edit, before writing', async () => {
    const kind = await h.call('notion_update_block', { block_id: SEED.heading, markdown: '- a list item' });
    expect(kind.isError).toBe(true);
    expect(textOf(kind)).toMatch(/cannot change a block's type: this block is a heading_1 and the markdown is a bulleted_list_item/);
    const two = await h.call('notion_update_block', { block_id: SEED.paragraph, markdown: 'one\n\ntwo' });
    expect(textOf(two)).toMatch(/markdown must be one block \(it has 2\)/);
    const tick = await h.call('notion_update_block', { block_id: SEED.paragraph, checked: true });
    expect(textOf(tick)).toMatch(/checked is only for to-do blocks/);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('deletes one block, and refuses to delete a sub-page as a block', async () => {
    const deleted = await h.json<{ deleted: Json }>('notion_delete_block', { block_id: SEED.code });
    expect(deleted.deleted).toEqual({ id: SEED.code, type: 'code', text: 'npm test' });
    expect((await read(SEED.page)).text).not.toContain('npm test');
    const page = await h.call('notion_delete_block', { block_id: SEED.childPage });
    expect(textOf(page)).toMatch(/is a child_page .* call notion_update_page with page_id .* and archived true/);
    expect(fake.state.pages.get(SEED.childPage)!.inTrash).toBe(false);
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/blocks/${SEED.code}`]);
  });

  it('replaces a body without trashing its sub-page', async () => {
    const answer = await h.json<{ blocks_added: number; blocks_removed: number; kept: Json[]; note?: string }>(
      'notion_replace_content',
      { page_id: SEED.page, markdown: '# New plan\n- only this' },
    );
    expect(answer).toMatchObject({ blocks_added: 2, blocks_removed: 6, kept: [{ id: SEED.childPage, type: 'child_page', text: 'Meeting notes' }] });
    expect(fake.state.pages.get(SEED.childPage)!.inTrash).toBe(false);
    const after = (await read(SEED.page)).text;
    if (legacy) {
      // 2022-06-28 has no position: the new content comes below the kept sub-page.
      expect(answer.note).toMatch(/below the kept sub-pages/);
      expect(after).toBe(`[page] Meeting notes (id: ${SEED.childPage})\n# New plan\n- only this`);
    } else {
      expect(after).toBe(`# New plan\n- only this\n[page] Meeting notes (id: ${SEED.childPage})`);
      const append = fake.requests.find((r) => r.method === 'PATCH' && r.path === `/blocks/${SEED.page}/children`)!;
      expect(append.body).toMatchObject({ position: { type: 'start' } });
    }
    // The new content was written before the old was removed.
    const writes = fake.requests.filter((r) => r.method !== 'GET').map((r) => r.method);
    expect(writes[0]).toBe('PATCH');
    expect(writes.slice(1).every((m) => m === 'DELETE')).toBe(true);
  });

  it('moves a page under another page, and (2025-09-03) into a database', async () => {
    const moved = await h.json<{ parent: Json }>('notion_move_page', { page_id: SEED.childPage, parent_page_id: SEED.emptyPage });
    expect(moved.parent).toEqual({ type: 'page_id', id: SEED.emptyPage });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: `/pages/${SEED.childPage}/move`, body: { parent: { type: 'page_id', page_id: SEED.emptyPage } } });
    expect((await read(SEED.emptyPage)).text).toBe(`[page] Meeting notes (id: ${SEED.childPage})`);
    expect((await read(SEED.page)).text).not.toContain('Meeting notes');

    const intoDb = await h.call('notion_move_page', { page_id: SEED.childPage, database_id: SEED.database });
    if (legacy) {
      expect(textOf(intoDb)).toMatch(/needs Notion API 2025-09-03/);
    } else {
      expect(JSON.parse(textOf(intoDb)).parent).toEqual({ type: 'data_source_id', id: SEED.dataSource });
    }
    const loop = await h.call('notion_move_page', { page_id: SEED.page, parent_page_id: SEED.page });
    expect(textOf(loop)).toMatch(/cannot be moved into itself/);
  });

  it('reads a database schema with options and the value each property takes', async () => {
    const schema = await h.json<{ title: string; properties: Json[] }>('notion_get_database', { database_id: SEED.database });
    expect(schema.title).toBe('Tasks');
    const byName = Object.fromEntries(schema.properties.map((p) => [p.name, p]));
    expect(byName.Name).toMatchObject({ type: 'title', value: 'text' });
    expect(byName.Status).toMatchObject({ type: 'status', options: ['Todo', 'Doing', 'Done'], value: 'one of options' });
    expect(byName.Tags).toMatchObject({ type: 'multi_select', options: ['docs', 'code', 'mcp'] });
    expect(byName.Estimate).toMatchObject({ type: 'number', format: 'number' });
    expect(fake.requests.map((r) => r.path)).toContain(legacy ? `/databases/${SEED.database}` : `/data_sources/${SEED.dataSource}`);
  });
});

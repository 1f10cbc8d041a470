// A small fake of the Notion REST API on 127.0.0.1 (any free port), speaking both 2022-06-28 (databases are
// queried directly) and 2025-09-03 (databases hold data sources), with controllable faults and a record of
// every request. Point the real @notionhq/client at it with baseUrl.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sendHugeJson, sendTruncatedJson, type OddAnswer } from './odd-answers.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Json | null;
}

export interface Fault {
  method?: string;
  /** Matched against the path without /v1, e.g. /^\/pages\//. Omit to match every request. */
  path?: RegExp;
  /** How many requests it applies to (default: all until cleared). */
  times?: number;
  /** Answer with this status and a Notion error body... */
  status?: number;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** ...or never answer at all... */
  stall?: boolean;
  /** ...or answer oddly: a huge body, JSON cut off, or the normal answer late. */
  odd?: OddAnswer;
}

export const SEED = {
  token: 'secret_fake_token_0123456789abcdef',
  page: '11111111-1111-4111-8111-111111111111',
  emptyPage: '22222222-2222-4222-8222-222222222222',
  database: '33333333-3333-4333-8333-333333333333',
  dataSource: '44444444-4444-4444-8444-444444444444',
  task1: '55555555-5555-4555-8555-555555555501',
  task2: '55555555-5555-4555-8555-555555555502',
  task3: '55555555-5555-4555-8555-555555555503',
  toggle: '66666666-6666-4666-8666-666666666601',
  nestedItem: '66666666-6666-4666-8666-666666666602',
  deepItem: '66666666-6666-4666-8666-666666666603',
  childPage: '66666666-6666-4666-8666-666666666604',
  heading: '99999999-0000-4000-8000-000000000001',
  paragraph: '99999999-0000-4000-8000-000000000002',
  todo: '99999999-0000-4000-8000-000000000004',
  code: '99999999-0000-4000-8000-000000000006',
  discussion: '77777777-7777-4777-8777-777777777777',
  userAda: '88888888-8888-4888-8888-888888888801',
} as const;

const NOW = '2025-04-01T09:00:00.000Z';

function rt(content: string, annotations: Json = {}): Json {
  return {
    type: 'text',
    text: { content, link: null },
    plain_text: content,
    annotations: { bold: false, italic: false, code: false, strikethrough: false, underline: false, color: 'default', ...annotations },
    href: null,
  };
}

function plain(items: unknown): string {
  return Array.isArray(items) ? items.map((i: Json) => String(i.plain_text ?? (i.text as Json)?.content ?? '')).join('') : '';
}

function blk(id: string, type: string, value: Json, hasChildren = false): Json {
  return { object: 'block', id, type, has_children: hasChildren, created_time: NOW, last_edited_time: NOW, [type]: value };
}

const TASK_SCHEMA: Json = {
  Name: { id: 'title', name: 'Name', type: 'title', title: {} },
  Status: {
    id: 's',
    name: 'Status',
    type: 'status',
    status: {
      options: [
        { id: 'st1', name: 'Todo', color: 'default' },
        { id: 'st2', name: 'Doing', color: 'blue' },
        { id: 'st3', name: 'Done', color: 'green' },
      ],
      groups: [
        { id: 'g1', name: 'To-do', color: 'gray', option_ids: ['st1'] },
        { id: 'g2', name: 'In progress', color: 'blue', option_ids: ['st2'] },
        { id: 'g3', name: 'Complete', color: 'green', option_ids: ['st3'] },
      ],
    },
  },
  Due: { id: 'd', name: 'Due', type: 'date', date: {} },
  Tags: {
    id: 't',
    name: 'Tags',
    type: 'multi_select',
    multi_select: {
      options: [
        { id: 't1', name: 'docs', color: 'yellow' },
        { id: 't2', name: 'code', color: 'purple' },
        { id: 't3', name: 'mcp', color: 'red' },
      ],
    },
  },
  Done: { id: 'c', name: 'Done', type: 'checkbox', checkbox: {} },
  Estimate: { id: 'e', name: 'Estimate', type: 'number', number: { format: 'number' } },
};

interface StoredPage {
  id: string;
  properties: Json;
  parentPage: string | null;
  database: string | null;
  dataSource: string | null;
  inTrash: boolean;
}

function taskProps(name: string, status: string, due: string, tags: string[], done: boolean, estimate: number): Json {
  return {
    Name: { id: 'title', type: 'title', title: [rt(name)] },
    Status: { id: 's', type: 'status', status: { name: status } },
    Due: { id: 'd', type: 'date', date: { start: due, end: null } },
    Tags: { id: 't', type: 'multi_select', multi_select: tags.map((n) => ({ name: n })) },
    Done: { id: 'c', type: 'checkbox', checkbox: done },
    Estimate: { id: 'e', type: 'number', number: estimate },
  };
}

export class FakeNotionState {
  pages = new Map<string, StoredPage>();
  children = new Map<string, Json[]>();
  comments: Json[] = [];
  users: Json[] = [];

  constructor() {
    const titleProps = (title: string) => ({ title: { id: 'title', type: 'title', title: [rt(title)] } });
    const page = (id: string, properties: Json, extra: Partial<StoredPage> = {}) =>
      this.pages.set(id, { id, properties, parentPage: null, database: null, dataSource: null, inTrash: false, ...extra });
    page(SEED.page, titleProps('Project plan'));
    page(SEED.emptyPage, titleProps('Empty notes'));
    page(SEED.childPage, titleProps('Meeting notes'), { parentPage: SEED.page });
    const row = { database: SEED.database, dataSource: SEED.dataSource };
    page(SEED.task1, taskProps('Write spec', 'Done', '2025-04-02', ['docs'], true, 3), row);
    page(SEED.task2, taskProps('Build server', 'Doing', '2025-04-10', ['code', 'mcp'], false, 8), row);
    page(SEED.task3, taskProps('Ship it', 'Todo', '2025-04-20', [], false, 1), row);

    this.children.set(SEED.page, [
      blk(SEED.heading, 'heading_1', { rich_text: [rt('Goals')] }),
      blk(SEED.paragraph, 'paragraph', { rich_text: [rt('Make the servers '), rt('small', { bold: true }), rt(' and safe.')] }),
      blk(SEED.nestedItem, 'bulleted_list_item', { rich_text: [rt('Notion server')] }, true),
      blk(SEED.todo, 'to_do', { rich_text: [rt('Write tests')], checked: true }),
      blk(SEED.toggle, 'toggle', { rich_text: [rt('Details')] }, true),
      blk(SEED.code, 'code', { rich_text: [rt('npm test')], language: 'bash' }),
      blk(SEED.childPage, 'child_page', { title: 'Meeting notes' }, true),
    ]);
    this.children.set(SEED.nestedItem, [blk(SEED.deepItem, 'bulleted_list_item', { rich_text: [rt('tools')] }, true)]);
    this.children.set(SEED.deepItem, [blk('b-deep', 'bulleted_list_item', { rich_text: [rt('search')] })]);
    this.children.set(SEED.toggle, [blk('b-t1', 'paragraph', { rich_text: [rt('Hidden detail')] })]);
    this.children.set(SEED.childPage, [blk('b-c1', 'paragraph', { rich_text: [rt('Not read inline')] })]);
    this.children.set(SEED.emptyPage, []);

    this.comments.push(
      { object: 'comment', id: 'c-1', discussion_id: SEED.discussion, parent: { type: 'page_id', page_id: SEED.page },
        created_time: NOW, created_by: { object: 'user', id: SEED.userAda }, rich_text: [rt('Looks good')] },
      { object: 'comment', id: 'c-2', discussion_id: SEED.discussion, parent: { type: 'page_id', page_id: SEED.page },
        created_time: NOW, created_by: { object: 'user', id: SEED.userAda }, rich_text: [rt('Ship Friday?')] },
    );
    this.users.push(
      { object: 'user', id: SEED.userAda, type: 'person', name: 'Ada', person: { email: 'ada@example.com' } },
      { object: 'user', id: '88888888-8888-4888-8888-888888888802', type: 'person', name: 'Grace', person: { email: 'grace@example.com' } },
      { object: 'user', id: '88888888-8888-4888-8888-888888888803', type: 'bot', name: 'gakuco', bot: { owner: { type: 'workspace' } } },
    );
  }
}

function paginate(items: Json[], query: { start_cursor?: unknown; page_size?: unknown }): Json {
  const start = typeof query.start_cursor === 'string' ? Number(query.start_cursor.replace('cursor-', '')) : 0;
  const size = Math.min(100, Number(query.page_size ?? 100) || 100);
  const results = items.slice(start, start + size);
  const more = start + size < items.length;
  return { object: 'list', results, has_more: more, next_cursor: more ? `cursor-${start + size}` : null };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (id: string) =>
  new HttpError(404, 'object_not_found', `Could not find object with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
const badUrl = (path: string) => new HttpError(400, 'invalid_request_url', `Invalid request URL: ${path}`);

export interface FakeNotion {
  /** http://127.0.0.1:PORT, for NOTION_BASE_URL / baseUrl (no /v1). */
  url: string;
  state: FakeNotionState;
  requests: RecordedRequest[];
  addFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startFakeNotion(options: { token?: string } = {}): Promise<FakeNotion> {
  const token = options.token ?? SEED.token;
  const state = new FakeNotionState();
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];
  const sockets = new Set<Socket>();

  const isLegacy = (req: IncomingMessage) => String(req.headers['notion-version'] ?? '') < '2025-09-03';

  function renderPage(p: StoredPage, legacy: boolean): Json {
    let parent: Json = { type: 'workspace', workspace: true };
    if (p.parentPage) parent = { type: 'page_id', page_id: p.parentPage };
    if (p.database) {
      parent = legacy
        ? { type: 'database_id', database_id: p.database }
        : { type: 'data_source_id', data_source_id: p.dataSource, database_id: p.database };
    }
    const title = plain(Object.values(p.properties).map((v) => v as Json).find((v) => v.type === 'title')?.title);
    return {
      object: 'page', id: p.id, created_time: NOW, last_edited_time: NOW, parent,
      archived: p.inTrash, in_trash: p.inTrash, properties: p.properties,
      url: `https://www.notion.so/${title.replace(/\W+/g, '-')}-${p.id.replace(/-/g, '')}`,
    };
  }

  function database(legacy: boolean): Json {
    const base = { object: 'database', id: SEED.database, title: [rt('Tasks')], url: `https://www.notion.so/${SEED.database.replace(/-/g, '')}` };
    return legacy
      ? { ...base, properties: TASK_SCHEMA }
      : { ...base, data_sources: [{ id: SEED.dataSource, name: 'Tasks' }] };
  }

  function dataSource(): Json {
    return { object: 'data_source', id: SEED.dataSource, title: [rt('Tasks')], properties: TASK_SCHEMA,
      parent: { type: 'database_id', database_id: SEED.database } };
  }

  function page(id: string): StoredPage {
    const p = state.pages.get(id);
    if (!p) throw notFound(id);
    return p;
  }

  function matchesFilter(p: StoredPage, filter: Json | undefined): boolean {
    if (!filter) return true;
    if (Array.isArray(filter.and)) return filter.and.every((f: Json) => matchesFilter(p, f));
    const prop = p.properties[String(filter.property)] as Json | undefined;
    if (!prop) throw new HttpError(400, 'validation_error', `Could not find property with name or id: ${String(filter.property)}`);
    const type = String(prop.type);
    const cond = (filter[type] ?? {}) as Json;
    const value = type === 'status' || type === 'select' ? (prop[type] as Json | null)?.name : type === 'title' ? plain(prop.title) : prop[type];
    if ('equals' in cond) return value === cond.equals;
    return true;
  }

  function queryRows(req: IncomingMessage, owner: 'database' | 'data_source', body: Json): Json {
    const legacy = isLegacy(req);
    let rows = [...state.pages.values()].filter((p) => (owner === 'database' ? p.database : p.dataSource) && !p.inTrash);
    rows = rows.filter((p) => matchesFilter(p, body.filter as Json | undefined));
    const sort = Array.isArray(body.sorts) ? (body.sorts[0] as Json | undefined) : undefined;
    if (sort && typeof sort.property === 'string') {
      const key = sort.property;
      const dir = sort.direction === 'descending' ? -1 : 1;
      rows.sort((a, b) => {
        const va = (a.properties[key] as Json)?.number as number;
        const vb = (b.properties[key] as Json)?.number as number;
        return (va - vb) * dir;
      });
    }
    return paginate(rows.map((p) => renderPage(p, legacy)), body);
  }

  function validateProperties(properties: Json, schema: Json): void {
    for (const [name, value] of Object.entries(properties)) {
      const def = schema[name] as Json | undefined;
      if (!def) throw new HttpError(400, 'validation_error', `${name} is not a property that exists.`);
      if (!(String(def.type) in (value as Json))) {
        throw new HttpError(400, 'validation_error', `${name} is expected to be ${String(def.type)}.`);
      }
    }
  }

  /** Every schema property, empty unless given: rows always carry the whole schema, as in Notion. */
  function rowProperties(properties: Json): Json {
    const empty: Json = { title: [], rich_text: [], status: null, select: null, date: null, multi_select: [], checkbox: false, number: null };
    const out: Json = {};
    for (const [name, def] of Object.entries(TASK_SCHEMA)) {
      const type = String((def as Json).type);
      out[name] = { id: name, type, [type]: empty[type] ?? null };
    }
    return { ...out, ...withTypes(properties, TASK_SCHEMA) };
  }

  function withTypes(properties: Json, schema: Json): Json {
    const out: Json = {};
    for (const [name, value] of Object.entries(properties)) {
      const type = String((schema[name] as Json).type);
      let v = (value as Json)[type];
      if (type === 'title' || type === 'rich_text') {
        v = (v as Json[]).map((i) => ({ ...i, plain_text: (i.text as Json).content, href: null }));
      }
      out[name] = { id: name, type, [type]: v };
    }
    return out;
  }

  function storeChildren(parentId: string, children: Json[], position?: Json): Json[] {
    const list = state.children.get(parentId) ?? [];
    const created = children.map((child) => {
      const id = randomUUID();
      const type = String(child.type);
      const value = { ...(child[type] as Json) };
      const nested = value.children as Json[] | undefined;
      delete value.children;
      if (Array.isArray(value.rich_text)) value.rich_text = withPlainText(value.rich_text as Json[]);
      if (Array.isArray(value.cells)) value.cells = (value.cells as Json[][]).map(withPlainText);
      if (nested) storeChildren(id, nested);
      return blk(id, type, value, Boolean(nested?.length));
    });
    // Where Notion puts appended blocks: at the end, at the start, or after a given block.
    const afterId = position?.type === 'after_block' ? String((position.after_block as Json).id) : position?.type === 'start' ? null : undefined;
    if (afterId === undefined) list.push(...created);
    else {
      const index = afterId === null ? 0 : list.findIndex((b) => b.id === afterId) + 1;
      if (afterId !== null && index === 0) throw new HttpError(400, 'validation_error', `Block ${afterId} is not a child of ${parentId}.`);
      list.splice(index, 0, ...created);
    }
    state.children.set(parentId, list);
    return created;
  }

  function withPlainText(items: Json[]): Json[] {
    return items.map((i) => ({ ...i, plain_text: (i.text as Json).content, href: (i.text as Json).link ? ((i.text as Json).link as Json).url : null }));
  }

  /** The block and the list it sits in. */
  function findBlock(id: string): { block: Json; parentId: string; list: Json[] } {
    for (const [parentId, list] of state.children) {
      const block = list.find((b) => b.id === id);
      if (block) return { block, parentId, list };
    }
    throw notFound(id);
  }

  function updateBlock(id: string, body: Json): Json {
    const { block } = findBlock(id);
    const type = String(block.type);
    for (const key of Object.keys(body)) {
      if (key === 'in_trash' || key === 'archived' || key === 'type') continue;
      if (key !== type) throw new HttpError(400, 'validation_error', `body.${key} should be not present: the block is a ${type}.`);
    }
    const change = (body[type] ?? {}) as Json;
    const value = block[type] as Json;
    if (Array.isArray(change.rich_text)) value.rich_text = withPlainText(change.rich_text as Json[]);
    for (const key of ['checked', 'language'] as const) if (key in change) value[key] = change[key];
    block.last_edited_time = NOW;
    return block;
  }

  function deleteBlock(id: string): Json {
    const { block, parentId, list } = findBlock(id);
    state.children.set(parentId, list.filter((b) => b !== block));
    if (block.type === 'child_page' && state.pages.has(id)) page(id).inTrash = true;
    return { ...block, archived: true, in_trash: true };
  }

  function isInside(pageId: string, ancestor: string): boolean {
    for (let current: string | null = pageId; current; current = state.pages.get(current)?.parentPage ?? null) {
      if (current === ancestor) return true;
    }
    return false;
  }

  function movePage(id: string, body: Json, legacy: boolean): Json {
    const p = page(id);
    const parent = (body.parent ?? {}) as Json;
    const title = Object.values(p.properties).find((v) => (v as Json).type === 'title') as Json | undefined;
    if (typeof parent.page_id === 'string') {
      page(parent.page_id);
      if (isInside(parent.page_id, id)) throw new HttpError(400, 'validation_error', 'A page cannot be moved into itself or one of its sub-pages.');
      p.parentPage = parent.page_id;
      p.database = null;
      p.dataSource = null;
      p.properties = { title: { ...(title ?? { type: 'title', title: [] }), id: 'title' } };
    } else if (typeof parent.data_source_id === 'string' && !legacy) {
      if (parent.data_source_id !== SEED.dataSource) throw notFound(parent.data_source_id);
      p.parentPage = null;
      p.database = SEED.database;
      p.dataSource = SEED.dataSource;
      p.properties = rowProperties({ Name: { title: (title?.title as Json[] | undefined) ?? [] } });
    } else {
      throw new HttpError(400, 'validation_error', 'body.parent should be a page_id or a data_source_id.');
    }
    // The sub-page link leaves the old parent's content and is added at the end of the new parent's.
    for (const [parentId, list] of state.children) {
      const link = list.find((b) => b.id === id && b.type === 'child_page');
      if (link) state.children.set(parentId, list.filter((b) => b !== link));
    }
    if (p.parentPage) {
      const list = state.children.get(p.parentPage) ?? [];
      list.push(blk(id, 'child_page', { title: plain(title?.title) }, (state.children.get(id)?.length ?? 0) > 0));
      state.children.set(p.parentPage, list);
    }
    return renderPage(p, legacy);
  }

  function route(req: IncomingMessage, path: string, query: Record<string, string>, body: Json): Json {
    const legacy = isLegacy(req);
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/search') {
      const filterValue = (body.filter as Json | undefined)?.value;
      if (filterValue !== undefined) {
        const allowed = legacy ? ['page', 'database'] : ['page', 'data_source'];
        if (!allowed.includes(String(filterValue))) {
          throw new HttpError(400, 'validation_error', `body.filter.value should be one of ${allowed.join(', ')}.`);
        }
      }
      const q = String(body.query ?? '').toLowerCase();
      const objects: Json[] = [...state.pages.values()].filter((p) => !p.inTrash).map((p) => renderPage(p, legacy));
      objects.push(legacy ? database(true) : dataSource());
      const hits = objects
        .filter((o) => filterValue === undefined || o.object === filterValue)
        .filter((o) => {
          const props = (o.properties ?? {}) as Json;
          const titleProp = Object.values(props).find((v) => (v as Json).type === 'title') as Json | undefined;
          const title = o.object === 'page' ? plain(titleProp?.title) : plain(o.title);
          return title.toLowerCase().includes(q);
        });
      return paginate(hits, body);
    }
    if ((m = /^\/pages\/([\w-]+)$/.exec(path))) {
      const p = page(m[1]!);
      if (method === 'GET') return renderPage(p, legacy);
      if (method === 'PATCH') {
        if (body.properties) {
          const schema = Object.fromEntries(Object.entries(p.properties).map(([k, v]) => [k, { type: (v as Json).type }]));
          validateProperties(body.properties as Json, schema);
          p.properties = { ...p.properties, ...withTypes(body.properties as Json, schema) };
        }
        if (typeof body.archived === 'boolean') p.inTrash = body.archived;
        if (typeof body.in_trash === 'boolean') p.inTrash = body.in_trash;
        return renderPage(p, legacy);
      }
    }
    if (method === 'POST' && path === '/pages') {
      const parent = (body.parent ?? {}) as Json;
      const id = randomUUID();
      let stored: StoredPage;
      if (typeof parent.page_id === 'string') {
        page(parent.page_id);
        validateProperties(body.properties as Json, { title: { type: 'title' } });
        stored = { id, properties: withTypes(body.properties as Json, { title: { type: 'title' } }), parentPage: parent.page_id, database: null, dataSource: null, inTrash: false };
      } else if (typeof parent.database_id === 'string' && legacy) {
        if (parent.database_id !== SEED.database) throw notFound(parent.database_id);
        validateProperties(body.properties as Json, TASK_SCHEMA);
        stored = { id, properties: rowProperties(body.properties as Json), parentPage: null, database: SEED.database, dataSource: SEED.dataSource, inTrash: false };
      } else if (typeof parent.data_source_id === 'string' && !legacy) {
        if (parent.data_source_id !== SEED.dataSource) throw notFound(parent.data_source_id);
        validateProperties(body.properties as Json, TASK_SCHEMA);
        stored = { id, properties: rowProperties(body.properties as Json), parentPage: null, database: SEED.database, dataSource: SEED.dataSource, inTrash: false };
      } else {
        throw new HttpError(400, 'validation_error', 'body.parent is not valid for this Notion-Version.');
      }
      if (Array.isArray(body.children) && body.children.length > 100) {
        throw new HttpError(400, 'validation_error', 'body.children.length should be ≤ 100.');
      }
      state.pages.set(id, stored);
      state.children.set(id, []);
      if (Array.isArray(body.children)) storeChildren(id, body.children as Json[]);
      return renderPage(stored, legacy);
    }
    if ((m = /^\/blocks\/([\w-]+)\/children$/.exec(path))) {
      const id = m[1]!;
      const list = state.children.get(id);
      if (!list) throw notFound(id);
      if (method === 'GET') return paginate(list, query);
      if (method === 'PATCH') {
        const children = body.children as Json[];
        if (children.length > 100) throw new HttpError(400, 'validation_error', 'body.children.length should be ≤ 100.');
        const position = (body.position as Json | undefined) ?? (typeof body.after === 'string' ? { type: 'after_block', after_block: { id: body.after } } : undefined);
        if (position && legacy && body.position) throw new HttpError(400, 'validation_error', 'body.position should be not present.');
        return { object: 'list', results: storeChildren(id, children, position), has_more: false, next_cursor: null };
      }
    }
    if ((m = /^\/blocks\/([\w-]+)$/.exec(path))) {
      const id = m[1]!;
      if (method === 'GET') return findBlock(id).block;
      if (method === 'PATCH') return updateBlock(id, body);
      if (method === 'DELETE') return deleteBlock(id);
    }
    if ((m = /^\/pages\/([\w-]+)\/move$/.exec(path)) && method === 'POST') return movePage(m[1]!, body, legacy);
    if ((m = /^\/databases\/([\w-]+)$/.exec(path)) && method === 'GET') {
      if (m[1] !== SEED.database) throw notFound(m[1]!);
      return database(legacy);
    }
    if ((m = /^\/databases\/([\w-]+)\/query$/.exec(path)) && method === 'POST') {
      if (!legacy) throw badUrl(path);
      if (m[1] !== SEED.database) throw notFound(m[1]!);
      return queryRows(req, 'database', body);
    }
    if ((m = /^\/data_sources\/([\w-]+)(\/query)?$/.exec(path))) {
      if (legacy) throw badUrl(path);
      if (m[1] !== SEED.dataSource) throw notFound(m[1]!);
      if (method === 'GET' && !m[2]) return dataSource();
      if (method === 'POST' && m[2]) return queryRows(req, 'data_source', body);
    }
    if (path === '/comments' && method === 'GET') {
      const blockId = query.block_id ?? '';
      page(blockId);
      return paginate(state.comments.filter((c) => (c.parent as Json).page_id === blockId), query);
    }
    if (path === '/comments' && method === 'POST') {
      const parent = body.parent as Json | undefined;
      let discussion = body.discussion_id as string | undefined;
      let pageId: string;
      if (parent && typeof parent.page_id === 'string') {
        page(parent.page_id);
        pageId = parent.page_id;
        discussion = randomUUID();
      } else {
        const thread = state.comments.find((c) => c.discussion_id === discussion);
        if (!thread) throw notFound(String(discussion));
        pageId = String((thread.parent as Json).page_id);
      }
      const comment = {
        object: 'comment', id: randomUUID(), discussion_id: discussion, parent: { type: 'page_id', page_id: pageId },
        created_time: NOW, created_by: { object: 'user', id: 'bot' },
        rich_text: (body.rich_text as Json[]).map((i) => ({ ...i, plain_text: (i.text as Json).content })),
      };
      state.comments.push(comment);
      return comment;
    }
    if (path === '/users' && method === 'GET') return paginate(state.users, query);
    throw badUrl(path);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = url.pathname.replace(/^\/v1/, '');
      const query = Object.fromEntries(url.searchParams);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Json) : null;
      requests.push({ method: req.method ?? 'GET', path, query, headers: { ...req.headers }, body });

      const send = (status: number, payload: Json, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const fault = faults.find((f) => (!f.method || f.method === req.method) && (!f.path || f.path.test(path)));
      if (fault) {
        if (fault.times !== undefined) {
          fault.times -= 1;
          if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
        }
        if (fault.stall) return; // never answer; close() destroys the socket
        if (fault.odd && 'huge' in fault.odd) return sendHugeJson(res, fault.odd.huge, fault.odd.declared);
        if (fault.odd && 'truncated' in fault.odd) return sendTruncatedJson(res, { object: 'list', results: [], has_more: false });
        if (fault.odd && 'delayMs' in fault.odd) {
          setTimeout(answerNormally, fault.odd.delayMs);
          return;
        }
        const status = fault.status ?? 500;
        return send(status, { object: 'error', status, code: fault.code ?? 'internal_server_error', message: fault.message ?? 'fault' }, fault.headers);
      }
      answerNormally();

      function answerNormally(): void {
        if (req.headers.authorization !== `Bearer ${token}`) {
          return send(401, { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' });
        }
        try {
          send(200, route(req, path, query, body ?? {}));
        } catch (error) {
          if (error instanceof HttpError) {
            return send(error.status, { object: 'error', status: error.status, code: error.code, message: error.message });
          }
          send(500, { object: 'error', status: 500, code: 'internal_server_error', message: String(error) });
        }
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => {
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// The Notion endpoints the tools use, for both API versions. 2022-06-28 queries databases directly; from
// 2025-09-03 a database holds data sources and rows live in a data source. Raw JSON in and out: the tools
// turn it into plain values.
import type { Client } from '@notionhq/client';
import { usesLegacyDatabases } from './config.js';

export type Json = Record<string, unknown>;

export interface ListResponse {
  results: Json[];
  has_more: boolean;
  next_cursor: string | null;
}

/** What a database id resolves to for querying and for creating rows. */
export interface QueryTarget {
  kind: 'database' | 'data_source';
  id: string;
  database_id: string | null;
  /** The other data sources of the database (2025-09-03), so the model can pick one. */
  data_sources: { id: string; name: string }[];
}

/** Notion refuses more than 100 children per append. */
export const MAX_CHILDREN_PER_REQUEST = 100;

function isNotFound(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown } | null;
  return e?.status === 404 || e?.code === 'object_not_found';
}

export class NotionApi {
  readonly legacy: boolean;

  constructor(
    private readonly client: Client,
    readonly notionVersion: string,
  ) {
    this.legacy = usesLegacyDatabases(notionVersion);
  }

  private get<T = Json>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) clean[k] = String(v);
    return this.client.request<T & object>({ path, method: 'get', query: clean });
  }

  private send<T = Json>(method: 'post' | 'patch', path: string, body: Json): Promise<T> {
    return this.client.request<T & object>({ path, method, body });
  }

  private remove<T = Json>(path: string): Promise<T> {
    return this.client.request<T & object>({ path, method: 'delete' });
  }

  search(body: Json): Promise<ListResponse> {
    return this.send('post', 'search', body);
  }

  getPage(pageId: string): Promise<Json> {
    return this.get(`pages/${pageId}`);
  }

  listChildren(blockId: string, startCursor?: string, pageSize?: number): Promise<ListResponse> {
    return this.get(`blocks/${blockId}/children`, { start_cursor: startCursor, page_size: pageSize });
  }

  /**
   * Appends in pieces of 100; returns the ids of the created top-level blocks. `atStart` puts them before the
   * existing children (each later piece after the one before it), where the API version has `position`.
   */
  async appendChildren(blockId: string, children: Json[], { atStart = false } = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < children.length; i += MAX_CHILDREN_PER_REQUEST) {
      const last = ids[ids.length - 1];
      const position = !atStart ? undefined : last ? { type: 'after_block', after_block: { id: last } } : { type: 'start' };
      const answer = await this.send<ListResponse>('patch', `blocks/${blockId}/children`, {
        children: children.slice(i, i + MAX_CHILDREN_PER_REQUEST),
        ...(position ? { position } : {}),
      });
      for (const block of answer.results ?? []) if (typeof block.id === 'string') ids.push(block.id);
    }
    return ids;
  }

  /** Whether appendChildren can put blocks before the existing ones (position exists from 2025-09-03). */
  get canInsertAtStart(): boolean {
    return !this.legacy;
  }

  getBlock(blockId: string): Promise<Json> {
    return this.get(`blocks/${blockId}`);
  }

  updateBlock(blockId: string, body: Json): Promise<Json> {
    return this.send('patch', `blocks/${blockId}`, body);
  }

  /** Moves the block to the trash (Notion's delete; it can be restored from the trash). */
  deleteBlock(blockId: string): Promise<Json> {
    return this.remove(`blocks/${blockId}`);
  }

  /** Every top-level child of a block, all pages of the listing. */
  async allChildren(blockId: string): Promise<Json[]> {
    const all: Json[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listChildren(blockId, cursor, 100);
      all.push(...page.results);
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
    return all;
  }

  movePage(pageId: string, parent: Json): Promise<Json> {
    return this.send('post', `pages/${pageId}/move`, { parent });
  }

  getDatabase(databaseId: string): Promise<Json> {
    return this.get(`databases/${databaseId}`);
  }

  getDataSource(dataSourceId: string): Promise<Json> {
    return this.get(`data_sources/${dataSourceId}`);
  }

  /**
   * Legacy: the database itself. 2025-09-03: the database's data source (the one asked for, else the first);
   * an id that is not a database is tried as a data source id.
   */
  async resolveQueryTarget(id: string, preferredDataSourceId?: string): Promise<QueryTarget> {
    if (this.legacy) return { kind: 'database', id, database_id: id, data_sources: [] };
    if (preferredDataSourceId) {
      return { kind: 'data_source', id: preferredDataSourceId, database_id: id, data_sources: [] };
    }
    let database: Json;
    try {
      database = await this.getDatabase(id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        const source = await this.getDataSource(id);
        const parent = source.parent as Json | undefined;
        const databaseId = typeof parent?.database_id === 'string' ? parent.database_id : null;
        return { kind: 'data_source', id, database_id: databaseId, data_sources: [] };
      } catch {
        throw error;
      }
    }
    const sources = Array.isArray(database.data_sources) ? (database.data_sources as Json[]) : [];
    const list = sources.map((s) => ({ id: String(s.id), name: String(s.name ?? '') }));
    const first = list[0];
    if (!first) throw new Error(`database ${id} has no data source this integration can see`);
    return { kind: 'data_source', id: first.id, database_id: id, data_sources: list };
  }

  query(target: QueryTarget, body: Json): Promise<ListResponse> {
    const path = target.kind === 'database' ? `databases/${target.id}/query` : `data_sources/${target.id}/query`;
    return this.send('post', path, body);
  }

  /** The property schema rows of the target have ({name: {type, ...}}). */
  async schemaOf(target: QueryTarget): Promise<Json> {
    const owner = target.kind === 'database' ? await this.getDatabase(target.id) : await this.getDataSource(target.id);
    return (owner.properties as Json | undefined) ?? {};
  }

  /** The parent object for a new row in the target. */
  rowParent(target: QueryTarget): Json {
    return target.kind === 'database'
      ? { type: 'database_id', database_id: target.id }
      : { type: 'data_source_id', data_source_id: target.id };
  }

  createPage(body: Json): Promise<Json> {
    return this.send('post', 'pages', body);
  }

  updatePage(pageId: string, body: Json): Promise<Json> {
    return this.send('patch', `pages/${pageId}`, body);
  }

  /** The body field that moves a page to the trash: `archived` before 2025-09-03, `in_trash` after. */
  trashField(): 'archived' | 'in_trash' {
    return this.legacy ? 'archived' : 'in_trash';
  }

  listComments(blockId: string, startCursor?: string, pageSize?: number): Promise<ListResponse> {
    return this.get('comments', { block_id: blockId, start_cursor: startCursor, page_size: pageSize });
  }

  createComment(body: Json): Promise<Json> {
    return this.send('post', 'comments', body);
  }

  listUsers(startCursor?: string, pageSize?: number): Promise<ListResponse> {
    return this.get('users', { start_cursor: startCursor, page_size: pageSize });
  }
}

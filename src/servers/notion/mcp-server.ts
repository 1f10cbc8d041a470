// The heavy half of the Notion service, loaded on the first session (server.ts): the SDK's McpServer, every
// tool's zod schema and @notionhq/client. One Notion client for the process, a fresh McpServer per session.
import { ToolCatalogServer } from '../shared/tool-catalog.js';
import type { NotionConfig } from './config.js';
import type { ToolContext } from './tools/context.js';
import type { ServerMetrics } from '../shared/metrics.js';
import { createNotionClient } from './notion-client.js';
import { NotionApi } from './notion-api.js';
import { registerNotionPrompts } from './prompts.js';
import { registerNotionResources } from './resources.js';
import { registerNotionTools } from './tools/index.js';
import type { LogSink } from './upstream-log.js';

export interface NotionServerIdentity {
  name: string;
  version: string;
}

export interface NotionMcpServerFactory {
  /** A fresh McpServer for one session. */
  create(): ToolCatalogServer;
  /** A new Notion client for `config` (new credentials), used by every session's next call. */
  useConfig(config: NotionConfig): void;
}

/** Builds the shared Notion client once and returns the per-session McpServer factory. */
export function notionMcpServerFactory(
  identity: NotionServerIdentity,
  config: NotionConfig,
  metrics: ServerMetrics,
  logSink?: LogSink,
): NotionMcpServerFactory {
  const contextFor = (next: NotionConfig): ToolContext => ({
    api: new NotionApi(createNotionClient(next, metrics, logSink), next.notionVersion),
    config: next,
  });
  // One object every session's tools read at call time: useConfig() swaps what is in it.
  const ctx = contextFor(config);
  const useConfig = (next: NotionConfig): void => void Object.assign(ctx, contextFor(next));
  const create = () => {
    const server = new ToolCatalogServer(
      { name: identity.name, version: identity.version },
      {
        instructions:
          'Tools for the Notion workspace shared with this integration. Find ids with notion_search, read ' +
          'with notion_get_page / notion_read_page / notion_query_database / notion_get_database (schema), write ' +
          'with notion_create_page, notion_update_page, notion_move_page, notion_append_content, ' +
          'notion_replace_content, notion_update_block, notion_delete_block and notion_add_comment.',
      },
    );
    registerNotionTools(server, ctx);
    registerNotionPrompts(server);
    registerNotionResources(server, ctx);
    return server;
  };
  return { create, useConfig };
}

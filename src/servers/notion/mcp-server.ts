// The heavy half of the Notion service, loaded on the first session (server.ts): the SDK's McpServer, every
// tool's zod schema and @notionhq/client. One Notion client for the process, a fresh McpServer per session.
import { ToolCatalogServer } from '../shared/tool-catalog.js';
import type { NotionConfig } from './config.js';
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

/** Builds the shared Notion client once and returns the per-session McpServer factory. */
export function notionMcpServerFactory(
  identity: NotionServerIdentity,
  config: NotionConfig,
  metrics: ServerMetrics,
  logSink?: LogSink,
): () => ToolCatalogServer {
  const client = createNotionClient(config, metrics, logSink);
  const ctx = { api: new NotionApi(client, config.notionVersion), config };
  return () => {
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
}

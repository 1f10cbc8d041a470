// The Notion MCP service: one Notion client shared by every session, a fresh McpServer per session.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServiceDefinition } from '../shared/service.js';
import type { NotionConfig } from './config.js';
import { createNotionClient } from './notion-client.js';
import { NotionApi } from './notion-api.js';
import { registerNotionTools } from './tools/index.js';
import type { LogSink } from './upstream-log.js';

export const NOTION_SERVICE_NAME = 'notion-mcp';
export const NOTION_SERVICE_VERSION = '0.1.0';

export interface NotionServiceOptions {
  /** Where the Notion client's warnings go (default: one line each on stderr). */
  logSink?: LogSink;
}

export function createNotionService(config: NotionConfig, options: NotionServiceOptions = {}): ServiceDefinition {
  const client = createNotionClient(config, options.logSink);
  const ctx = { api: new NotionApi(client, config.notionVersion), config };
  return {
    name: NOTION_SERVICE_NAME,
    version: NOTION_SERVICE_VERSION,
    defaultPort: 3001,
    createMcpServer() {
      const server = new McpServer(
        { name: NOTION_SERVICE_NAME, version: NOTION_SERVICE_VERSION },
        {
          instructions:
            'Tools for the Notion workspace shared with this integration. Find ids with notion_search, read ' +
            'with notion_get_page / notion_read_page / notion_query_database, write with notion_create_page, ' +
            'notion_update_page, notion_append_content and notion_add_comment.',
        },
      );
      registerNotionTools(server, ctx);
      return server;
    },
    upstream() {
      return config.token ? { configured: true, missing: [] } : { configured: false, missing: ['NOTION_TOKEN'] };
    },
  };
}

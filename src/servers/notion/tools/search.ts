import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Json } from '../notion-api.js';
import { cursorSchemaText, pageInfo, runNotionTool, type ToolContext } from './context.js';
import { summarizeObject } from './summaries.js';
import { searchOutput } from './outputs.js';

export const searchInput = {
  query: z.string().optional().describe('Words to look for in page and database titles. Omit to list recent items.'),
  type: z
    .enum(['page', 'database'])
    .optional()
    .describe('Only pages, or only databases. Omit for both.'),
  sort: z
    .enum(['last_edited_desc', 'last_edited_asc', 'relevance'])
    .optional()
    .describe('Order of results (default: relevance).'),
  start_cursor: z.string().optional().describe(cursorSchemaText),
  page_size: z.number().int().min(1).max(100).optional().describe('Results per page, 1-100 (default 20).'),
};

export function registerSearchTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_search',
    {
      title: 'Search Notion',
      description:
        'Find Notion pages and databases shared with the integration by title. Returns id, title, url, ' +
        'last edit time and parent for each hit. Use the ids with notion_get_page, notion_read_page or ' +
        'notion_query_database. Paginated: has_more / next_cursor.',
      inputSchema: searchInput,
      outputSchema: searchOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, 'searching', async () => {
        const body: Json = { page_size: args.page_size ?? 20 };
        if (args.query) body.query = args.query;
        if (args.start_cursor) body.start_cursor = args.start_cursor;
        if (args.type) {
          const value = args.type === 'database' && !ctx.api.legacy ? 'data_source' : args.type;
          body.filter = { property: 'object', value };
        }
        if (args.sort && args.sort !== 'relevance') {
          body.sort = {
            timestamp: 'last_edited_time',
            direction: args.sort === 'last_edited_asc' ? 'ascending' : 'descending',
          };
        }
        const answer = await ctx.api.search(body);
        return { results: answer.results.map(summarizeObject), ...pageInfo(answer) };
      }),
  );
}

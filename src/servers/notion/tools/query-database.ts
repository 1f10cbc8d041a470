import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import type { Json } from '../notion-api.js';
import { cursorSchemaText, pageInfo, runNotionTool, type ToolContext } from './context.js';
import { summarizePage } from './summaries.js';
import { queryDatabaseOutput } from './outputs.js';

export const queryDatabaseInput = {
  database_id: z
    .string()
    .min(1)
    .describe('The database id or URL (a data source id also works). notion_search with type "database" finds it.'),
  data_source_id: z
    .string()
    .optional()
    .describe('Only for databases with several data sources: which one to query (ids are listed in data_sources).'),
  filter: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'A Notion filter object, e.g. {"property":"Status","status":{"equals":"Done"}} or ' +
        '{"and":[{"property":"Due","date":{"before":"2025-01-01"}}, ...]}.',
    ),
  sorts: z
    .array(z.record(z.string(), z.unknown()))
    .optional()
    .describe('Notion sorts, e.g. [{"property":"Due","direction":"ascending"}] or [{"timestamp":"last_edited_time","direction":"descending"}].'),
  start_cursor: z.string().optional().describe(cursorSchemaText),
  page_size: z.number().int().min(1).max(100).optional().describe('Rows per page, 1-100 (default 25).'),
};

export function registerQueryDatabaseTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_query_database',
    {
      title: 'Query a Notion database',
      description:
        'List the rows (pages) of a database, optionally filtered and sorted, each with its properties as plain ' +
        'values. Works with databases and, on Notion API 2025-09-03, their data sources. Paginated: when ' +
        'has_more is true, call again with start_cursor = next_cursor.',
      inputSchema: queryDatabaseInput,
      outputSchema: queryDatabaseOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `querying database ${args.database_id}`, async () => {
        const databaseId = parseNotionId(args.database_id, 'database');
        const preferred = args.data_source_id ? parseNotionId(args.data_source_id, 'data source') : undefined;
        const target = await ctx.api.resolveQueryTarget(databaseId, preferred);
        const body: Json = { page_size: args.page_size ?? 25 };
        if (args.filter) body.filter = args.filter;
        if (args.sorts) body.sorts = args.sorts;
        if (args.start_cursor) body.start_cursor = args.start_cursor;
        const answer = await ctx.api.query(target, body);
        return {
          ...(target.kind === 'data_source' ? { data_source_id: target.id } : { database_id: target.id }),
          ...(target.data_sources.length > 1 ? { data_sources: target.data_sources } : {}),
          results: answer.results.map(summarizePage),
          ...pageInfo(answer),
        };
      }),
  );
}

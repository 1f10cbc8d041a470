import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { cursorSchemaText, pageInfo, runNotionTool, type ToolContext } from './context.js';
import { summarizeUser } from './summaries.js';
import { listUsersOutput } from './outputs.js';

export const listUsersInput = {
  start_cursor: z.string().optional().describe(cursorSchemaText),
  page_size: z.number().int().min(1).max(100).optional().describe('Users per page, 1-100 (default 50).'),
};

export function registerListUsersTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_list_users',
    {
      title: 'List Notion users',
      description:
        'List the people and bots in the workspace (id, name, type, email). Use the ids for people properties. ' +
        'Paginated: has_more / next_cursor.',
      inputSchema: listUsersInput,
      outputSchema: listUsersOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, 'listing users', async () => {
        const answer = await ctx.api.listUsers(args.start_cursor, args.page_size ?? 50);
        return { users: answer.results.map(summarizeUser), ...pageInfo(answer) };
      }),
  );
}

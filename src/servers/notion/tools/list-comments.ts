import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { cursorSchemaText, pageInfo, runNotionTool, type ToolContext } from './context.js';
import { summarizeComment } from './summaries.js';
import { listCommentsOutput } from './outputs.js';

export const listCommentsInput = {
  page_id: z.string().min(1).describe('The page (or block) id or URL whose open comments to list.'),
  start_cursor: z.string().optional().describe(cursorSchemaText),
  page_size: z.number().int().min(1).max(100).optional().describe('Comments per page, 1-100 (default 50).'),
};

export function registerListCommentsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_list_comments',
    {
      title: 'List comments on a Notion page',
      description:
        'List the unresolved comments on a page or block: author, time, text and discussion_id (to reply with ' +
        'notion_add_comment). Paginated: has_more / next_cursor.',
      inputSchema: listCommentsInput,
      outputSchema: listCommentsOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `listing comments of ${args.page_id}`, async () => {
        const id = parseNotionId(args.page_id, 'page');
        const answer = await ctx.api.listComments(id, args.start_cursor, args.page_size ?? 50);
        return { comments: answer.results.map(summarizeComment), ...pageInfo(answer) };
      }),
  );
}

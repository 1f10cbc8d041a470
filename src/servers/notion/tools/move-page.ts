import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { runNotionTool, type ToolContext } from './context.js';
import { pageOutput } from './outputs.js';
import { summarizePage } from './summaries.js';

export const movePageInput = {
  page_id: z.string().min(1).describe('The page to move (id or URL).'),
  parent_page_id: z.string().optional().describe('Move it inside this page (id or URL).'),
  database_id: z.string().optional().describe('Or: move it into this database as a row (id or URL). Give exactly one.'),
};

export function registerMovePageTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_move_page',
    {
      title: 'Move a Notion page',
      description:
        'Move a page, with its content and sub-pages, under another page or into a database (as a row; properties the database does not have are dropped by Notion). Returns the page with its new parent.',
      inputSchema: movePageInput,
      outputSchema: pageOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `moving page ${args.page_id}`, async () => {
        if (Boolean(args.parent_page_id) === Boolean(args.database_id)) {
          throw new ToolInputError('give exactly one of parent_page_id or database_id.');
        }
        const id = parseNotionId(args.page_id, 'page');
        let parent;
        if (args.parent_page_id) {
          parent = { type: 'page_id', page_id: parseNotionId(args.parent_page_id, 'page') };
        } else {
          if (ctx.api.legacy) {
            throw new ToolInputError('moving a page into a database needs Notion API 2025-09-03 (NOTION_VERSION); move it under a page instead.');
          }
          const target = await ctx.api.resolveQueryTarget(parseNotionId(args.database_id ?? '', 'database'));
          parent = ctx.api.rowParent(target);
        }
        if (parent.type === 'page_id' && parent.page_id === id) throw new ToolInputError('a page cannot be moved into itself.');
        return summarizePage(await ctx.api.movePage(id, parent));
      }),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { blockLabel, PAGE_BLOCKS } from './block-edits.js';
import { runNotionTool, type ToolContext } from './context.js';
import { deleteBlockOutput } from './outputs.js';

export const deleteBlockInput = {
  block_id: z.string().min(1).describe('The block id (from notion_read_page with show_block_ids, or a block link).'),
};

export function registerDeleteBlockTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_delete_block',
    {
      title: 'Delete a Notion block',
      description:
        'Move one block (and the blocks nested in it) to the trash; the rest of the page stays. Refuses sub-pages and inline databases, whose deletion would trash a whole page: use notion_update_page with archived true for that. Get block ids from notion_read_page with show_block_ids true.',
      inputSchema: deleteBlockInput,
      outputSchema: deleteBlockOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `deleting block ${args.block_id}`, async () => {
        const id = parseNotionId(args.block_id, 'block');
        const existing = await ctx.api.getBlock(id);
        if (PAGE_BLOCKS.has(String(existing.type))) {
          throw new ToolInputError(
            `block ${id} is a ${String(existing.type)} (a whole page with its own content), not a piece of text. To trash it, call notion_update_page with page_id ${id} and archived true.`,
          );
        }
        await ctx.api.deleteBlock(id);
        return { deleted: blockLabel(existing) };
      }),
  );
}

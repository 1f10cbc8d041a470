import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { blockLabel, blockUpdateBody } from './block-edits.js';
import { runNotionTool, type ToolContext } from './context.js';
import { updateBlockOutput } from './outputs.js';

export const updateBlockInput = {
  block_id: z.string().min(1).describe('The block id (from notion_read_page with show_block_ids, or a block link).'),
  markdown: z
    .string()
    .optional()
    .describe('The new content of this one block: plain text keeps its kind; "## x", "- x", "- [x] x", "> x", ``` code must match its kind.'),
  checked: z.boolean().optional().describe('To-do blocks: tick (true) or untick (false).'),
};

export function registerUpdateBlockTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_update_block',
    {
      title: 'Edit a Notion block',
      description:
        "Replace one block's text (a paragraph, heading, list item, to-do, quote, toggle, callout or code block) or tick a to-do, leaving the rest of the page as it is. The block keeps its kind: Notion cannot change a paragraph into a heading; delete and append for that. Get block ids from notion_read_page with show_block_ids true.",
      inputSchema: updateBlockInput,
      outputSchema: updateBlockOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `editing block ${args.block_id}`, async () => {
        const id = parseNotionId(args.block_id, 'block');
        const existing = await ctx.api.getBlock(id);
        const updated = await ctx.api.updateBlock(id, blockUpdateBody(existing, args.markdown, args.checked));
        return { updated: blockLabel(updated) };
      }),
  );
}

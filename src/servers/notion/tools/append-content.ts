import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { markdownToBlocks } from '../markdown-to-blocks.js';
import { runNotionTool, type ToolContext } from './context.js';
import { appendContentOutput } from './outputs.js';
import { markdownSyntaxText } from './markdown-syntax.js';

export const appendContentInput = {
  page_id: z.string().min(1).describe('The page (or block) id or URL to add content to.'),
  markdown: z
    .string()
    .min(1)
    .describe(`Content. ${markdownSyntaxText}`),
};

export function registerAppendContentTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_append_content',
    {
      title: 'Append content to a Notion page',
      description:
        'Add markdown content at the end of a page (existing content is kept). Returns how many blocks were added.',
      inputSchema: appendContentInput,
      outputSchema: appendContentOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `appending to page ${args.page_id}`, async () => {
        const id = parseNotionId(args.page_id, 'page');
        const blocks = markdownToBlocks(args.markdown);
        if (blocks.length === 0) throw new ToolInputError('the markdown has no content.');
        const ids = await ctx.api.appendChildren(id, blocks);
        return { page_id: id, blocks_added: blocks.length, block_ids: ids };
      }),
  );
}

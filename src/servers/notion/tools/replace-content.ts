import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { markdownToBlocks } from '../markdown-to-blocks.js';
import { blockLabel, PAGE_BLOCKS } from './block-edits.js';
import { runNotionTool, type ToolContext } from './context.js';
import { replaceContentOutput } from './outputs.js';
import { markdownSyntaxText } from './markdown-syntax.js';

export const replaceContentInput = {
  page_id: z.string().min(1).describe('The page id or URL whose body to replace.'),
  markdown: z.string().describe(`The new body. ${markdownSyntaxText} "" empties the page (sub-pages stay).`),
};

export function registerReplaceContentTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_replace_content',
    {
      title: 'Replace a Notion page body',
      description:
        "Replace a page's body with new Markdown. Sub-pages and inline databases in the page are kept (never trashed), and the new content goes above them; every other block moves to the trash. The new content is written first, so a failure leaves the old content in place. Returns what was added, removed and kept.",
      inputSchema: replaceContentInput,
      outputSchema: replaceContentOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `replacing the content of page ${args.page_id}`, async () => {
        const id = parseNotionId(args.page_id, 'page');
        const blocks = markdownToBlocks(args.markdown);
        const children = await ctx.api.allChildren(id);
        const kept = children.filter((block) => PAGE_BLOCKS.has(String(block.type)));
        const old = children.filter((block) => !PAGE_BLOCKS.has(String(block.type)));
        const atStart = kept.length > 0 && ctx.api.canInsertAtStart;
        const added = blocks.length > 0 ? await ctx.api.appendChildren(id, blocks, { atStart }) : [];
        for (const block of old) await ctx.api.deleteBlock(String(block.id));
        return {
          page_id: id,
          blocks_added: added.length,
          blocks_removed: old.length,
          kept: kept.map(blockLabel),
          ...(kept.length > 0 && !atStart ? { note: 'this Notion API version cannot insert at the top: the new content is below the kept sub-pages' } : {}),
        };
      }),
  );
}

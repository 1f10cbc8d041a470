import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { runNotionTool, type ToolContext } from './context.js';
import { summarizePage } from './summaries.js';
import { pageOutput } from './outputs.js';

export const getPageInput = {
  page_id: z.string().min(1).describe('The page id, or the page URL copied from Notion.'),
};

export function registerGetPageTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_get_page',
    {
      title: 'Get a Notion page',
      description:
        "Get one page's title, url, parent, timestamps and all its properties as plain values (text, numbers, " +
        'dates, select names, people names). Does not include the page body: use notion_read_page for that.',
      inputSchema: getPageInput,
      outputSchema: pageOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `getting page ${args.page_id}`, async () =>
        summarizePage(await ctx.api.getPage(parseNotionId(args.page_id, 'page'))),
      ),
  );
}

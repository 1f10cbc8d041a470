import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import type { Json } from '../notion-api.js';
import { inlineMarkdownToRichText } from '../rich-text.js';
import { runNotionTool, type ToolContext } from './context.js';
import { summarizeComment } from './summaries.js';
import { commentOutput } from './outputs.js';

export const addCommentInput = {
  page_id: z.string().optional().describe('Start a new comment thread on this page (id or URL).'),
  discussion_id: z.string().optional().describe('Or: reply in this existing thread (from notion_list_comments).'),
  text: z.string().min(1).describe('The comment; **bold**, *italic*, `code` and [links](url) are kept.'),
};

export function registerAddCommentTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_add_comment',
    {
      title: 'Comment on a Notion page',
      description:
        'Add a comment to a page (new thread, page_id) or reply to an existing thread (discussion_id). The ' +
        'integration needs the "insert comments" capability.',
      inputSchema: addCommentInput,
      outputSchema: commentOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, 'adding a comment', async () => {
        if (Boolean(args.page_id) === Boolean(args.discussion_id)) {
          throw new ToolInputError('give exactly one of page_id or discussion_id.');
        }
        const body: Json = { rich_text: inlineMarkdownToRichText(args.text) };
        if (args.page_id) body.parent = { page_id: parseNotionId(args.page_id, 'page') };
        else body.discussion_id = args.discussion_id;
        return summarizeComment(await ctx.api.createComment(body));
      }),
  );
}

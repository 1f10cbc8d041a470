import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import { markdownToBlocks } from '../markdown-to-blocks.js';
import { MAX_CHILDREN_PER_REQUEST, type Json } from '../notion-api.js';
import { plainToProperties, plainToPropertyValue, schemaOf, titlePropertyName } from '../properties.js';
import { runNotionTool, type ToolContext } from './context.js';
import { createPageOutput } from './outputs.js';
import { markdownSyntaxText } from './markdown-syntax.js';

export const createPageInput = {
  parent_page_id: z.string().optional().describe('Create the page inside this page (id or URL).'),
  database_id: z
    .string()
    .optional()
    .describe('Or: create the page as a new row of this database (id or URL). Give exactly one parent.'),
  title: z.string().min(1).describe('The page title.'),
  properties: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Only for database rows: property name -> plain value, e.g. {"Status":"Doing","Due":"2025-05-01",' +
        '"Tags":["a","b"],"Done":false,"Estimate":3}. A full Notion property value object is also accepted.',
    ),
  content: z
    .string()
    .optional()
    .describe(`Page body. ${markdownSyntaxText}`),
};

export function registerCreatePageTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_create_page',
    {
      title: 'Create a Notion page',
      description:
        'Create a page under a parent page, or a row in a database with its properties set from plain values, ' +
        'optionally with a markdown body. Returns the new page id and url.',
      inputSchema: createPageInput,
      outputSchema: createPageOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, 'creating a page', async () => {
        if (Boolean(args.parent_page_id) === Boolean(args.database_id)) {
          throw new ToolInputError('give exactly one of parent_page_id or database_id.');
        }
        let parent: Json;
        let properties: Json;
        if (args.database_id) {
          const target = await ctx.api.resolveQueryTarget(parseNotionId(args.database_id, 'database'));
          const schema = schemaOf(await ctx.api.schemaOf(target));
          const titleName = titlePropertyName(schema);
          parent = ctx.api.rowParent(target);
          properties = {
            ...plainToProperties(args.properties ?? {}, schema),
            [titleName]: plainToPropertyValue('title', args.title),
          };
        } else {
          if (args.properties && Object.keys(args.properties).length > 0) {
            throw new ToolInputError('properties can only be set on database rows; a plain page has only a title.');
          }
          parent = { type: 'page_id', page_id: parseNotionId(args.parent_page_id ?? '', 'page') };
          properties = { title: plainToPropertyValue('title', args.title) };
        }
        const blocks = markdownToBlocks(args.content ?? '');
        const page = await ctx.api.createPage({
          parent,
          properties,
          ...(blocks.length > 0 ? { children: blocks.slice(0, MAX_CHILDREN_PER_REQUEST) } : {}),
        });
        const pageId = String(page.id);
        if (blocks.length > MAX_CHILDREN_PER_REQUEST) {
          await ctx.api.appendChildren(pageId, blocks.slice(MAX_CHILDREN_PER_REQUEST));
        }
        return { id: pageId, url: page.url ?? null, blocks_written: blocks.length };
      }),
  );
}

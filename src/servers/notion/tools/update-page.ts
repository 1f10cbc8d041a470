import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import { ToolInputError } from '../../shared/tool-input-error.js';
import type { Json } from '../notion-api.js';
import { plainToProperties, plainToPropertyValue, schemaOf, titlePropertyName } from '../properties.js';
import { runNotionTool, type ToolContext } from './context.js';
import { summarizePage } from './summaries.js';
import { pageOutput } from './outputs.js';

export const updatePageInput = {
  page_id: z.string().min(1).describe('The page id or URL.'),
  title: z.string().min(1).optional().describe('A new title.'),
  properties: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Property name -> new plain value, e.g. {"Status":"Done","Due":{"start":"2025-05-01","end":"2025-05-03"}}. ' +
        'null clears a value. Names must match the page\'s properties (see notion_get_page).',
    ),
  archived: z
    .boolean()
    .optional()
    .describe('true moves the page to the trash (the whole page disappears from the workspace); false restores it.'),
};

export function registerUpdatePageTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_update_page',
    {
      title: 'Update or archive a Notion page',
      description:
        "Change a page's title and properties (plain values, converted using the page's own property types), " +
        'or move it to the trash with archived=true (restore with false). Returns the updated page.',
      inputSchema: updatePageInput,
      outputSchema: pageOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `updating page ${args.page_id}`, async () => {
        const id = parseNotionId(args.page_id, 'page');
        if (args.title === undefined && args.properties === undefined && args.archived === undefined) {
          throw new ToolInputError('nothing to change: give title, properties or archived.');
        }
        const body: Json = {};
        if (args.title !== undefined || args.properties !== undefined) {
          const schema = schemaOf((await ctx.api.getPage(id)).properties);
          const properties: Json = plainToProperties(args.properties ?? {}, schema);
          if (args.title !== undefined) properties[titlePropertyName(schema)] = plainToPropertyValue('title', args.title);
          body.properties = properties;
        }
        if (args.archived !== undefined) body[ctx.api.trashField()] = args.archived;
        return summarizePage(await ctx.api.updatePage(id, body));
      }),
  );
}

// The Notion resources: the recently edited pages, and any page as Markdown (notion://pages/{page_id}), listed from
// the recent ones. Read through the tools' own code (runNotionTool, readPage), so failures read as the tools' do.
// Notion's change notifications are webhooks to a public HTTPS address, which a server on 127.0.0.1 cannot
// receive: subscriptions poll instead (shared/resource-subscriptions.ts).
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { resourceFromToolResult } from '../shared/resource-result.js';
import { registerSubscribableResources } from '../shared/resource-subscriptions.js';
import type { Json } from './notion-api.js';
import { runNotionTool, type ToolContext } from './tools/context.js';
import { readPage } from './tools/read-page.js';
import { summarizeObject } from './tools/summaries.js';

const RECENT_PAGES = 20;

async function recentPages(ctx: ToolContext): Promise<Json[]> {
  const answer = await ctx.api.search({
    filter: { property: 'object', value: 'page' },
    sort: { timestamp: 'last_edited_time', direction: 'descending' },
    page_size: RECENT_PAGES,
  });
  return answer.results.map(summarizeObject);
}

export function registerNotionResources(server: McpServer, ctx: ToolContext): void {
  const readRecent = async (uri: URL) =>
    resourceFromToolResult(uri, await runNotionTool(ctx, 'listing recent pages', async () => ({ pages: await recentPages(ctx) })));
  const readPageResource = async (uri: URL, variables: Variables) => {
    const pageId = decodeURIComponent(String(variables.page_id ?? ''));
    const result = await runNotionTool(ctx, `reading page ${pageId}`, () =>
      readPage(ctx.api, { page_id: pageId, page_size: 100, max_depth: 2 }),
    );
    return resourceFromToolResult(uri, result, {
      mimeType: 'text/markdown',
      pick: (data) =>
        `${String(data.text)}${data.has_more ? '\n\n[… more blocks: read the rest with notion_read_page]' : ''}`,
    });
  };
  const pageTemplate = new ResourceTemplate('notion://pages/{page_id}', {
    // The recent pages, as readable resources. Without a token, or when Notion fails, the list is empty (reading
    // notion://pages/recent says why).
    list: async () => {
      if (!ctx.config.token) return { resources: [] };
      try {
        const pages = await recentPages(ctx);
        return {
          resources: pages.map((page) => ({
            uri: `notion://pages/${String(page.id)}`,
            name: String(page.title || page.id),
            mimeType: 'text/markdown',
          })),
        };
      } catch {
        return { resources: [] };
      }
    },
  });

  registerSubscribableResources(server, [
    {
      name: 'notion_recent_pages',
      uri: 'notion://pages/recent',
      metadata: {
        title: 'Recently edited pages',
        description: `The ${RECENT_PAGES} pages shared with the integration that were edited last: id, title, url, parent.`,
        mimeType: 'application/json',
      },
      read: readRecent,
    },
    {
      name: 'notion_page',
      template: pageTemplate,
      metadata: {
        title: 'Page as Markdown',
        description: 'A page\'s body as Markdown (the first 100 blocks, nested to two levels), e.g. notion://pages/<page id>.',
        mimeType: 'text/markdown',
      },
      read: readPageResource,
    },
  ]);
}

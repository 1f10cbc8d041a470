import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { BlockNode } from '../blocks-to-text.js';
import { blocksToText } from '../blocks-to-text.js';
import { parseNotionId } from '../ids.js';
import type { NotionApi } from '../notion-api.js';
import type { Json } from '../notion-api.js';
import { blockLabel } from './block-edits.js';
import { cursorSchemaText, runNotionTool, type ToolContext } from './context.js';
import { readPageOutput } from './outputs.js';

/** Upper bound on nested blocks fetched per call, so one call cannot run into hundreds of requests. */
export const NESTED_BLOCK_BUDGET = 300;

export const readPageInput = {
  page_id: z.string().min(1).describe('The page (or block) id or URL whose content to read.'),
  start_cursor: z.string().optional().describe(cursorSchemaText),
  page_size: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Top-level blocks per call, 1-100 (default 50).'),
  max_depth: z
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .describe('How many levels of nested blocks (toggles, sub-lists) to include, 0-3 (default 2).'),
  show_block_ids: z
    .boolean()
    .optional()
    .describe('Also list every block read with its id and kind (block_list), to edit or delete single blocks.'),
};

/** The blocks read, in page order, nested ones with their depth. */
function flatten(blocks: readonly BlockNode[], depth = 0): Json[] {
  return blocks.flatMap((block) => [
    { ...blockLabel(block as Json), ...(depth > 0 ? { depth } : {}) },
    ...flatten(block.children ?? [], depth + 1),
  ]);
}

const SEPARATE_PAGES = new Set(['child_page', 'child_database']);

/** Sibling blocks whose children are fetched at the same time (Notion allows about 3 requests a second). */
const PARALLEL_FETCHES = 3;

async function fetchChildren(api: NotionApi, block: BlockNode, budget: { left: number }): Promise<void> {
  const children: BlockNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listChildren(block.id!, cursor, 100);
    children.push(...(page.results as BlockNode[]));
    budget.left -= page.results.length;
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor && budget.left > 0);
  block.children = children;
  if (cursor) block.children_omitted = true;
}

async function attachChildren(
  api: NotionApi,
  blocks: BlockNode[],
  depthLeft: number,
  budget: { left: number },
): Promise<void> {
  const parents = blocks.filter((b) => b.has_children && b.id && !SEPARATE_PAGES.has(b.type ?? ''));
  for (let i = 0; i < parents.length; i += PARALLEL_FETCHES) {
    const batch = parents.slice(i, i + PARALLEL_FETCHES);
    if (depthLeft <= 0 || budget.left <= 0) {
      for (const block of batch) block.children_omitted = true;
      continue;
    }
    await Promise.all(batch.map((block) => fetchChildren(api, block, budget)));
  }
  const next = parents.flatMap((b) => b.children ?? []);
  if (next.length > 0) await attachChildren(api, next, depthLeft - 1, budget);
}

export interface ReadPageArgs {
  page_id: string;
  start_cursor?: string | undefined;
  page_size?: number | undefined;
  max_depth?: number | undefined;
  show_block_ids?: boolean | undefined;
}

/** A page's body as Markdown: what notion_read_page answers (and the page resource reads). */
export async function readPage(api: NotionApi, args: ReadPageArgs) {
  const id = parseNotionId(args.page_id, 'page');
  const top = await api.listChildren(id, args.start_cursor, args.page_size ?? 50);
  const blocks = top.results as BlockNode[];
  const budget = { left: NESTED_BLOCK_BUDGET };
  await attachChildren(api, blocks, args.max_depth ?? 2, budget);
  return {
    page_id: id,
    text: blocksToText(blocks),
    blocks: blocks.length,
    ...(args.show_block_ids ? { block_list: flatten(blocks) } : {}),
    has_more: top.has_more === true,
    next_cursor: top.next_cursor ?? null,
  };
}

export function registerReadPageTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_read_page',
    {
      title: 'Read a Notion page',
      description:
        "Read a page's body as Markdown (the same Markdown notion_create_page, notion_append_content and " +
        'notion_replace_content write): headings, lists, to-dos, quotes, code, tables, links; sub-pages as ' +
        '[page] lines with their ids; nested blocks indented up to max_depth. show_block_ids lists block ids for ' +
        'notion_update_block / notion_delete_block. Long pages come in parts: when has_more is true, call again ' +
        'with start_cursor = next_cursor.',
      inputSchema: readPageInput,
      outputSchema: readPageOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `reading page ${args.page_id}`, () => readPage(ctx.api, args)),
  );
}

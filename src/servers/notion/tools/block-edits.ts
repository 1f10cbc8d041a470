// What a block edit may change: a block keeps its type (Notion cannot change it), so new Markdown must be one
// block of the same kind, or plain text for the block's own kind.
import { ToolInputError } from '../../shared/tool-input-error.js';
import { markdownToBlocks, type BlockRequest } from '../markdown-to-blocks.js';
import type { Json } from '../notion-api.js';

/** Blocks that are separate pages: deleting or replacing them would trash a whole page and what is in it. */
export const PAGE_BLOCKS = new Set(['child_page', 'child_database']);

const TEXT_BLOCKS = new Set([
  'paragraph',
  'heading_1',
  'heading_2',
  'heading_3',
  'bulleted_list_item',
  'numbered_list_item',
  'to_do',
  'quote',
  'toggle',
  'callout',
  'code',
]);

/** The PATCH body that gives `existing` the content of `markdown` (and `checked` for a to-do). */
export function blockUpdateBody(existing: Json, markdown: string | undefined, checked: boolean | undefined): Json {
  const type = String(existing.type ?? '');
  if (!TEXT_BLOCKS.has(type)) {
    throw new ToolInputError(
      `this block is a ${type} block, whose content cannot be edited as text. Delete it (notion_delete_block) and add new content with notion_append_content.`,
    );
  }
  if (checked !== undefined && type !== 'to_do') throw new ToolInputError(`checked is only for to-do blocks; this is a ${type} block.`);
  const value: Json = {};
  if (markdown !== undefined) {
    const parsed = markdownToBlocks(markdown);
    if (parsed.length !== 1) {
      throw new ToolInputError(
        `markdown must be one block (it has ${parsed.length}). To change several blocks use notion_replace_content, or edit them one by one.`,
      );
    }
    const block = parsed[0] as BlockRequest;
    const content = block[block.type] as Json;
    if (Array.isArray(content.children) && content.children.length > 0) {
      throw new ToolInputError('markdown for one block cannot have nested items; append them to the block with notion_append_content.');
    }
    if (block.type !== type && block.type !== 'paragraph') {
      throw new ToolInputError(
        `Notion cannot change a block's type: this block is a ${type} and the markdown is a ${block.type}. Give plain text to keep it a ${type}, or delete it and append the new block.`,
      );
    }
    value.rich_text = content.rich_text;
    if (type === 'code' && block.type === 'code') value.language = content.language;
    if (type === 'to_do' && block.type === 'to_do') value.checked = content.checked;
  }
  if (checked !== undefined) value.checked = checked;
  if (Object.keys(value).length === 0) throw new ToolInputError('nothing to change: give markdown or checked.');
  return { [type]: value };
}

/** A short name for a block in answers: its type and the start of its text or title. */
export function blockLabel(block: Json): Json {
  const type = String(block.type ?? '');
  const value = (block[type] ?? {}) as Json;
  const text = Array.isArray(value.rich_text)
    ? (value.rich_text as Json[]).map((r) => String(r.plain_text ?? (r.text as Json | undefined)?.content ?? '')).join('')
    : typeof value.title === 'string'
      ? value.title
      : '';
  return { id: block.id, type, ...(text ? { text: text.length > 80 ? `${text.slice(0, 79)}…` : text } : {}) };
}

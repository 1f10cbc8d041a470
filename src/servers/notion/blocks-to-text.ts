// Notion blocks as readable markdown-like text. The reader attaches fetched children as `children`.
import { richTextToMarkdown, richTextToPlain } from './rich-text.js';

export interface BlockNode {
  id?: string;
  type?: string;
  has_children?: boolean;
  children?: BlockNode[];
  /** Set by the reader when children exist but were not fetched (depth limit). */
  children_omitted?: boolean;
  [key: string]: unknown;
}

type Json = Record<string, unknown>;

function body(block: BlockNode): Json {
  const value = block[block.type ?? ''];
  return value && typeof value === 'object' ? (value as Json) : {};
}

function fileLink(value: Json): string {
  const url = (value.file as Json | undefined)?.url ?? (value.external as Json | undefined)?.url ?? value.url;
  return typeof url === 'string' ? url : '';
}

/** One block's own line(s), without its children. */
export function blockToText(block: BlockNode, numberInList = 1): string {
  const value = body(block);
  const text = richTextToMarkdown(value.rich_text);
  switch (block.type) {
    case 'paragraph':
      return text;
    case 'heading_1':
      return `# ${text}`;
    case 'heading_2':
      return `## ${text}`;
    case 'heading_3':
      return `### ${text}`;
    case 'bulleted_list_item':
      return `- ${text}`;
    case 'numbered_list_item':
      return `${numberInList}. ${text}`;
    case 'to_do':
      return `- [${value.checked ? 'x' : ' '}] ${text}`;
    case 'toggle':
      return `▸ ${text}`;
    case 'quote':
      return `> ${text}`;
    case 'callout': {
      const icon = (value.icon as Json | undefined)?.emoji;
      return `> ${typeof icon === 'string' ? `${icon} ` : ''}${text}`;
    }
    case 'code':
      return `\`\`\`${typeof value.language === 'string' ? value.language : ''}\n${richTextToPlain(value.rich_text)}\n\`\`\``;
    case 'equation':
      return `$$ ${String(value.expression ?? '')} $$`;
    case 'divider':
      return '---';
    case 'child_page':
      return `[page] ${String(value.title ?? '')} (id: ${block.id ?? '?'})`;
    case 'child_database':
      return `[database] ${String(value.title ?? '')} (id: ${block.id ?? '?'})`;
    case 'link_to_page': {
      const target = value.page_id ?? value.database_id ?? value.data_source_id;
      return `[link to page] (id: ${String(target ?? '?')})`;
    }
    case 'bookmark':
    case 'embed':
    case 'link_preview':
      return `[${block.type}] ${String(value.url ?? '')}${text ? ` ${text}` : ''}`;
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
    case 'pdf': {
      const caption = richTextToMarkdown(value.caption);
      return `[${block.type}] ${fileLink(value)}${caption ? ` ${caption}` : ''}`;
    }
    case 'table_row': {
      const cells = Array.isArray(value.cells) ? value.cells : [];
      return `| ${cells.map((cell) => richTextToMarkdown(cell)).join(' | ')} |`;
    }
    case 'table':
    case 'column_list':
    case 'column':
    case 'synced_block':
    case 'template':
      return '';
    case 'table_of_contents':
      return '[table of contents]';
    case 'breadcrumb':
      return '';
    default:
      return text ? text : `[${block.type ?? 'unknown'} block]`;
  }
}

/** A table as GFM Markdown: the header separator after the first row (Markdown needs one even without a header). */
function tableToText(table: BlockNode, indent: string): string {
  const rows = (table.children ?? []).map((row) => indent + blockToText(row));
  const firstCells = body(table.children?.[0] ?? {}).cells;
  const width = Number(body(table).table_width) || (Array.isArray(firstCells) ? firstCells.length : 1);
  const separator = `${indent}|${' --- |'.repeat(width)}`;
  return [rows[0] ?? '', separator, ...rows.slice(1)].join('\n');
}

/** Blocks (with attached children) as text; children indented two spaces per level. */
export function blocksToText(blocks: readonly BlockNode[], depth = 0): string {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  let listNumber = 0;
  for (const block of blocks) {
    listNumber = block.type === 'numbered_list_item' ? listNumber + 1 : 0;
    const own = blockToText(block, listNumber);
    if (own !== '' || block.type === 'paragraph') {
      for (const line of own.split('\n')) lines.push(line === '' ? '' : indent + line);
    }
    const childDepth = own === '' && block.type !== 'paragraph' ? depth : depth + 1;
    if (block.type === 'table' && block.children && block.children.length > 0) lines.push(tableToText(block, indent));
    else if (block.children && block.children.length > 0) lines.push(blocksToText(block.children, childDepth));
    else if (block.children_omitted) {
      lines.push(`${'  '.repeat(childDepth)}[… nested content not loaded: read block ${block.id ?? '?'} to see it]`);
    }
  }
  return lines.join('\n');
}

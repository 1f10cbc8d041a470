// A small markdown subset as Notion block requests: headings, paragraphs, bulleted / numbered / to-do lists
// (nested by indentation), quotes, fenced code, dividers, GFM tables; inline **bold**, *italic*, `code`,
// ~~strike~~, links.
import { inlineMarkdownToRichText, plainToRichText } from './rich-text.js';

export interface BlockRequest {
  object: 'block';
  type: string;
  [key: string]: unknown;
}

/** Notion accepts at most two levels of nesting in one append request. */
const MAX_NESTING = 2;

function block(type: string, value: Record<string, unknown>): BlockRequest {
  return { object: 'block', type, [type]: value };
}

function textBlock(type: string, text: string, extra: Record<string, unknown> = {}): BlockRequest {
  return block(type, { rich_text: inlineMarkdownToRichText(text), ...extra });
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(\[( |x|X)\]\s+)?(.*)$/;

function listBlock(marker: string, checkbox: string | undefined, text: string): BlockRequest {
  if (checkbox !== undefined) return textBlock('to_do', text, { checked: checkbox.toLowerCase() === 'x' });
  return textBlock(/^\d/.test(marker) ? 'numbered_list_item' : 'bulleted_list_item', text);
}

function indentWidth(whitespace: string): number {
  return whitespace.replace(/\t/g, '    ').length;
}

function childrenOf(parent: BlockRequest): BlockRequest[] {
  const value = parent[parent.type] as { children?: BlockRequest[] };
  value.children ??= [];
  return value.children;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** A GFM table (header row, separator, rows) as a Notion table with a column header. */
function tableBlock(header: string[], rows: string[][]): BlockRequest {
  const width = header.length;
  const row = (cells: string[]) =>
    block('table_row', {
      cells: Array.from({ length: width }, (_, i) => inlineMarkdownToRichText(cells[i] ?? '')),
    });
  return block('table', {
    table_width: width,
    has_column_header: true,
    has_row_header: false,
    children: [row(header), ...rows.map(row)],
  });
}

export function markdownToBlocks(markdown: string): BlockRequest[] {
  const blocks: BlockRequest[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  // Open list items by nesting level, to attach indented items as children.
  let listStack: { indent: number; block: BlockRequest }[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(textBlock('paragraph', paragraph.join('\n')));
    paragraph = [];
  };
  const endList = () => {
    listStack = [];
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const fence = /^\s*```\s*([\w+#-]*)\s*$/.exec(line);
    if (fence) {
      flushParagraph();
      endList();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) code.push(lines[i++]!);
      blocks.push(block('code', { rich_text: plainToRichText(code.join('\n')), language: fence[1] || 'plain text' }));
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!)) {
      flushParagraph();
      endList();
      const header = tableCells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(tableCells(lines[i++]!));
      i -= 1;
      blocks.push(tableBlock(header, rows));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      endList();
      const level = Math.min(heading[1]!.length, 3);
      blocks.push(textBlock(`heading_${level}`, heading[2]!.trim()));
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushParagraph();
      endList();
      blocks.push(block('divider', {}));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushParagraph();
      const indent = indentWidth(item[1]!);
      const created = listBlock(item[2]!, item[4], item[5]!);
      while (listStack.length > 0 && listStack[listStack.length - 1]!.indent >= indent) listStack.pop();
      const parent = listStack[listStack.length - 1];
      if (parent && listStack.length <= MAX_NESTING) childrenOf(parent.block).push(created);
      else if (parent) childrenOf(listStack[MAX_NESTING - 1]!.block).push(created);
      else blocks.push(created);
      if (listStack.length < MAX_NESTING + 1) listStack.push({ indent, block: created });
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (quote) {
      flushParagraph();
      endList();
      blocks.push(textBlock('quote', quote[1]!));
      continue;
    }
    endList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks;
}

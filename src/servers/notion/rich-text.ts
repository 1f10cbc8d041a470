// Notion rich text <-> plain strings and a small inline markdown subset (**bold**, *italic*, `code`, [text](url)).

export interface RichTextItem {
  type?: string;
  plain_text?: string;
  text?: { content: string; link?: { url: string } | null };
  annotations?: Record<string, unknown>;
  href?: string | null;
}

/** Notion refuses text objects longer than this. */
export const MAX_TEXT_LENGTH = 2000;

export function richTextToPlain(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return items
    .map((item: RichTextItem) => item?.plain_text ?? item?.text?.content ?? '')
    .join('');
}

/** Rich text as markdown-ish text: links as [text](url), code as `code`, bold/italic marks kept. */
export function richTextToMarkdown(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return items
    .map((item: RichTextItem) => {
      let text = item?.plain_text ?? item?.text?.content ?? '';
      if (!text) return '';
      const a = item.annotations ?? {};
      if (a.code) text = `\`${text}\``;
      if (a.bold) text = `**${text}**`;
      if (a.italic) text = `*${text}*`;
      if (a.strikethrough) text = `~~${text}~~`;
      const href = item.href ?? item.text?.link?.url;
      if (href && item.type !== 'mention') text = `[${text}](${href})`;
      return text;
    })
    .join('');
}

interface TextRequest {
  type: 'text';
  text: { content: string; link?: { url: string } };
  annotations?: { bold?: boolean; italic?: boolean; code?: boolean; strikethrough?: boolean };
}

function chunk(content: string): string[] {
  if (content.length <= MAX_TEXT_LENGTH) return [content];
  const parts: string[] = [];
  for (let i = 0; i < content.length; i += MAX_TEXT_LENGTH) parts.push(content.slice(i, i + MAX_TEXT_LENGTH));
  return parts;
}

function textItems(content: string, annotations?: TextRequest['annotations'], url?: string): TextRequest[] {
  return chunk(content).map((part) => {
    const item: TextRequest = { type: 'text', text: { content: part } };
    if (url) item.text.link = { url };
    if (annotations) item.annotations = annotations;
    return item;
  });
}

/** Plain text as rich text, split into Notion's 2000-character pieces. */
export function plainToRichText(content: string): TextRequest[] {
  return content === '' ? [] : textItems(content);
}

const INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|~~([^~]+)~~|(?<![*\w])\*([^*\s][^*]*)\*(?!\*)|(?<![_\w])_([^_\s][^_]*)_(?![_\w])/g;

/** Inline markdown to rich text. Unknown syntax stays literal text. */
export function inlineMarkdownToRichText(source: string): TextRequest[] {
  const out: TextRequest[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.push(...textItems(source.slice(last, index)));
    const [, bold, code, linkText, linkUrl, strike, italic, italicUnderscore] = match;
    if (bold !== undefined) out.push(...textItems(bold, { bold: true }));
    else if (code !== undefined) out.push(...textItems(code, { code: true }));
    else if (linkText !== undefined) out.push(...textItems(linkText, undefined, linkUrl));
    else if (strike !== undefined) out.push(...textItems(strike, { strikethrough: true }));
    else out.push(...textItems(italic ?? italicUnderscore ?? '', { italic: true }));
    last = index + match[0].length;
  }
  if (last < source.length) out.push(...textItems(source.slice(last)));
  return out;
}

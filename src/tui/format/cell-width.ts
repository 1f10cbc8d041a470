import stringWidth from 'string-width';

/** Width of `text` in terminal cells (kana and kanji count 2), ignoring ANSI codes. Never use `.length` for this. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

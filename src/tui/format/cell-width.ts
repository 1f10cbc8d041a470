import stringWidth from 'string-width';

/** Non-ASCII text measured by string-width, kept until there are too many (a frame repeats the same strings). */
const measured = new Map<string, number>();
const MEASURED_MAX = 5000;
/** Longer strings are measured but not kept: the cache must not hold on to big text (a long log line). */
const MEASURED_KEY_MAX = 256;

/** How many leading characters of `text` are printable ASCII (one cell each). */
export function asciiPrefixLength(text: string): number {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) break;
    i++;
  }
  return i;
}

/**
 * Width of `text` in terminal cells (kana and kanji count 2), ignoring ANSI codes. Never use `.length` for this.
 * Printable ASCII is one cell per character and needs no grapheme segmenting, and a frame is mostly ASCII: only
 * the rest is measured by string-width (the bundle routes Ink's own string-width calls here, scripts/build.mjs).
 */
export function cellWidth(text: string): number {
  const ascii = asciiPrefixLength(text);
  if (ascii === text.length) return ascii;
  // The last ASCII character may start a grapheme with what follows (a keycap, a combining mark): measure it along.
  const split = Math.max(0, ascii - 1);
  const rest = split === 0 ? text : text.slice(split);
  let width = measured.get(rest);
  if (width === undefined) {
    width = stringWidth(rest);
    if (rest.length <= MEASURED_KEY_MAX) {
      if (measured.size >= MEASURED_MAX) measured.clear();
      measured.set(rest, width);
    }
  }
  return split + width;
}

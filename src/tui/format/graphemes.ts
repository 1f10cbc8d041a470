import { simpleCodePointWidth } from './cell-width.js';

let segmenter: Intl.Segmenter | null = null;

/** The one grapheme segmenter, made at first need: the first Intl.Segmenter costs ~25 ms (ICU's break data). */
export function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/**
 * UTF-16 length of the code point at `i` when it is a grapheme of its own whatever is next to it, else 0: printable
 * ASCII, a simple code point (simple-widths.ts), or a control other than CR and LF (ESC: Unicode breaks around them).
 */
function simpleLengthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code <= 0x9f) return code === 0x0a || code === 0x0d ? 0 : 1;
  const codePoint = text.codePointAt(i)!;
  if (simpleCodePointWidth(codePoint) < 0) return 0;
  return codePoint > 0xffff ? 2 : 1;
}

/**
 * The graphemes of `text` with their index, as Intl.Segmenter gives them. Printable ASCII, simple code points and
 * controls (escape codes) are each a grapheme of their own, so they are split here without segmenting; from the last one before anything else on
 * (it may join what follows) the segmenter takes over. Lazy: a caller that stops early pays for what it read.
 */
export function* graphemes(text: string): Generator<{ segment: string; index: number }> {
  let i = 0;
  while (i < text.length) {
    const length = simpleLengthAt(text, i);
    if (length === 0) break;
    const next = i + length;
    if (next < text.length && simpleLengthAt(text, next) === 0) break;
    yield { segment: text.slice(i, next), index: i };
    i = next;
  }
  if (i >= text.length) return;
  for (const { segment, index } of graphemeSegmenter().segment(i === 0 ? text : text.slice(i))) yield { segment, index: index + i };
}

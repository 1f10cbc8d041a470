import { createRequire } from 'node:module';
import type StringWidth from 'string-width';
import { SIMPLE_WIDTH_RUNS } from './simple-widths.js';

/** Text that is not all printable ASCII and simple code points, measured by string-width, kept until there are too many. */
const measured = new Map<string, number>();
const MEASURED_MAX = 5000;
/** Longer strings are measured but not kept: the cache must not hold on to big text (a long log line). */
const MEASURED_KEY_MAX = 256;

let realStringWidth: typeof StringWidth | null = null;

/**
 * The string-width package, loaded at first need: at load it builds an Intl.Segmenter and a `\p{RGI_Emoji}` regex
 * and its first call compiles that regex, ~100 ms before a first frame that (kana, kanji, box drawing) never needs it.
 * require() of an ES module: Node >= 20.19 (package.json engines); the bundle leaves it to Node (not the bundled
 * `require`), so it is the installed dependency.
 */
export function stringWidthPackage(): typeof StringWidth {
  realStringWidth ??= (createRequire(import.meta.url)('string-width') as { default: typeof StringWidth }).default;
  return realStringWidth;
}

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
 * Cells of a code point that is a grapheme cluster of its own beside any other such one or printable ASCII (kana,
 * kanji, Latin, box drawing, arrows, full-width forms...: src/tui/format/simple-widths.ts, generated), else -1.
 */
export function simpleCodePointWidth(codePoint: number): number {
  const runs = SIMPLE_WIDTH_RUNS;
  let low = 0;
  let high = runs.length / 3 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = mid * 3;
    if (codePoint < runs[at]!) high = mid - 1;
    else if (codePoint > runs[at + 1]!) low = mid + 1;
    else return runs[at + 2]!;
  }
  return -1;
}

/**
 * Where the colour code (SGR: ESC [ n;n... m, each n 1-4 digits) that starts at `start` ends, or -1 when none starts
 * there. Exactly those are skipped by the fast path: string-width (strip-ansi) removes each of them whole.
 */
function sgrEnd(text: string, start: number): number {
  if (text.charCodeAt(start + 1) !== 0x5b) return -1; // [
  let i = start + 2;
  let digits = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      if (++digits > 4) return -1;
    } else if (code === 0x3b && digits > 0) {
      digits = 0;
    } else if (code === 0x6d && (digits > 0 || i === start + 2)) {
      return i + 1; // m
    } else {
      return -1;
    }
  }
  return -1;
}

/**
 * The width of `text` from `start` on if it is all printable ASCII, simple code points and colour codes, else -1.
 * Simple code points never join one another or ASCII into one grapheme, so the width is the sum.
 */
export function simpleTextWidth(text: string, start = 0): number {
  let width = 0;
  const length = text.length;
  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      width++;
      continue;
    }
    if (code === 0x1b) {
      const end = sgrEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
      continue;
    }
    let codePoint = code;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const cells = simpleCodePointWidth(codePoint);
    if (cells < 0) return -1;
    width += cells;
  }
  return width;
}

/**
 * Width of `text` in terminal cells (kana and kanji count 2), ignoring ANSI codes. Never use `.length` for this.
 * Printable ASCII is one cell per character, and the simple code points the monitor shows (Japanese, box drawing,
 * its glyphs) have a fixed width each, colour codes none, so most text needs no grapheme segmenting: only the rest
 * (emoji sequences, combining marks, other escape codes...) is measured by string-width (the bundle routes Ink's own string-width calls here too,
 * scripts/build.mjs). test/tui/format/cell-width-simple.test.ts checks both paths give string-width's answer.
 */
export function cellWidth(text: string): number {
  const ascii = asciiPrefixLength(text);
  if (ascii === text.length) return ascii;
  const simple = simpleTextWidth(text, ascii);
  if (simple >= 0) return ascii + simple;
  // The last ASCII character may start a grapheme with what follows (a keycap, a combining mark): measure it along.
  const split = Math.max(0, ascii - 1);
  const rest = split === 0 ? text : text.slice(split);
  let width = measured.get(rest);
  if (width === undefined) {
    width = stringWidthPackage()(rest);
    if (rest.length <= MEASURED_KEY_MAX) {
      if (measured.size >= MEASURED_MAX) measured.clear();
      measured.set(rest, width);
    }
  }
  return split + width;
}

// What the CLI bundle gives Ink's `import ... from '@alcalzone/ansi-tokenize'` (scripts/build.mjs): the same
// functions with the same results, faster where a frame spends its time. Ink's Output.get() tokenizes every line
// of every frame by grapheme (Intl.Segmenter), copies each character's styles, and diffs styles cell by cell when
// it joins a row back into a string; a profile of the monitor under a log flood put a third of its CPU there.
// Here: printable ASCII is split per character without segmenting, a line seen in the last frame or two is not
// tokenized again, and cells without style are joined without diffing. test/tui/terminal compares the results
// with the package's own.
import {
  ansiCodesToString,
  diffAnsiCodes,
  styledCharsFromTokens as realStyledCharsFromTokens,
  tokenize as realTokenize,
  type AnsiCode,
  type StyledChar,
  type Token,
} from '@alcalzone/ansi-tokenize';
import { simpleCodePointWidth } from '../format/cell-width.js';

export * from '@alcalzone/ansi-tokenize';

const NO_STYLES: AnsiCode[] = Object.freeze([]) as unknown as AnsiCode[];

/** Two generations: what the current and the previous frames tokenized; older lines are dropped. */
const GENERATION_SIZE = 500;
let current = new Map<string, Token[]>();
let previous = new Map<string, Token[]>();
const styledByTokens = new WeakMap<Token[], StyledChar[]>();

function remember(line: string, tokens: Token[]): void {
  if (current.size >= GENERATION_SIZE) {
    previous = current;
    current = new Map();
  }
  current.set(line, tokens);
}

export function tokenize(str: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  if (endChar !== Number.POSITIVE_INFINITY) return realTokenize(str, endChar);
  let tokens = current.get(str);
  if (tokens !== undefined) return tokens;
  tokens = previous.get(str) ?? tokenizeFast(str);
  remember(str, tokens);
  return tokens;
}

const ESC = 0x1b;

/** A character token that is also its own styled char (no styles): see styledCharsFromTokens. */
function plainChar(value: string): Token {
  return { type: 'char', value, fullWidth: false, styles: NO_STYLES } as StyledChar;
}

/** SGR sequences (ESC [ digits and semicolons m) as the package tokenizes them, by sequence. */
const sgrTokens = new Map<string, Token[]>();

/**
 * Printable ASCII characters, simple code points and SGR sequences are tokenized here; from the first anything else
 * on (emoji, combining marks, other escapes) the package tokenizes the rest, starting one character early in case
 * that one begins a grapheme.
 */
function tokenizeFast(str: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < str.length) {
    const code = str.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      tokens.push(plainChar(str[i]!));
      i++;
      continue;
    }
    if (code === ESC && str.charCodeAt(i + 1) === 0x5b) {
      let end = i + 2;
      while (end < str.length) {
        const c = str.charCodeAt(end);
        if (c === 0x3b || (c >= 0x30 && c <= 0x39)) end++;
        else break;
      }
      if (str.charCodeAt(end) === 0x6d) {
        const sequence = str.slice(i, end + 1);
        let codes = sgrTokens.get(sequence);
        if (codes === undefined) {
          codes = realTokenize(sequence);
          if (sgrTokens.size < 1000) sgrTokens.set(sequence, codes);
        }
        for (const token of codes) tokens.push(token);
        i = end + 1;
        continue;
      }
    }
    // A simple code point (kana, kanji, box drawing...: src/tui/format/simple-widths.ts) is a grapheme of its own
    // unless what follows may join it: then the package takes over from it.
    const codePoint = str.codePointAt(i)!;
    const width = simpleCodePointWidth(codePoint);
    const next = i + (codePoint > 0xffff ? 2 : 1);
    if (width >= 0 && (next >= str.length || startsAlone(str, next))) {
      tokens.push({ type: 'char', value: str.slice(i, next), fullWidth: width === 2, styles: NO_STYLES } as StyledChar);
      i = next;
      continue;
    }
    let from = i;
    if (from > 0 && tokens.at(-1)?.type === 'char' && (tokens.at(-1) as StyledChar).styles === NO_STYLES) {
      from -= (tokens.pop() as StyledChar).value.length;
    }
    for (const token of realTokenize(str.slice(from))) tokens.push(token);
    break;
  }
  return tokens;
}

/** Whether a grapheme always starts at `i`: printable ASCII, a simple code point or ESC (a control) is there. */
function startsAlone(str: string, i: number): boolean {
  const code = str.charCodeAt(i);
  return (code >= 0x20 && code <= 0x7e) || code === ESC || simpleCodePointWidth(str.codePointAt(i)!) >= 0;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  let styled = styledByTokens.get(tokens);
  if (styled === undefined) {
    styled = tokens.some((token) => token.type === 'ansi')
      ? realStyledCharsFromTokens(tokens)
      : tokens.map((token) =>
          (token as StyledChar).styles === NO_STYLES
            ? (token as StyledChar)
            : { type: 'char', value: (token as StyledChar).value, fullWidth: (token as StyledChar).fullWidth, styles: NO_STYLES },
        );
    styledByTokens.set(tokens, styled);
  }
  return styled;
}

function sameCodes(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code) return false;
  return true;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  let previousStyles: AnsiCode[] = NO_STYLES;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const styles = char.styles;
    // Equal codes diff to nothing; the package computes that the long way for every cell.
    if (!sameCodes(previousStyles, styles)) out += ansiCodesToString(i === 0 ? styles : diffAnsiCodes(previousStyles, styles));
    out += char.value;
    previousStyles = styles;
  }
  if (previousStyles.length > 0) out += ansiCodesToString(diffAnsiCodes(previousStyles, []));
  return out;
}

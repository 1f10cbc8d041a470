// cellWidth's second fast path sums a fixed width per "simple" code point (src/tui/format/simple-widths.ts,
// generated). These compare it with the real string-width: every code point of every run, alone and between others,
// and random mixed strings, including ones with code points that are not simple (those go to string-width).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth, simpleCodePointWidth, simpleTextWidth } from '../../../src/tui/format/cell-width.js';
import { SIMPLE_WIDTH_RUNS } from '../../../src/tui/format/simple-widths.js';
import { graphemes } from '../../../src/tui/format/graphemes.js';
import * as realTokenizer from '@alcalzone/ansi-tokenize';
import { tokenize as aliasTokenize } from '../../../src/tui/terminal/ansi-tokenize-alias.js';
import { codePointWidth } from '../../../src/tui/terminal/char-width.js';

const runs: [number, number, number][] = [];
for (let i = 0; i < SIMPLE_WIDTH_RUNS.length; i += 3) runs.push([SIMPLE_WIDTH_RUNS[i]!, SIMPLE_WIDTH_RUNS[i + 1]!, SIMPLE_WIDTH_RUNS[i + 2]!]);
const simpleCodePoints = runs.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k));
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const tokenShape = (tokens: realTokenizer.Token[]) =>
  tokens.map((t) => (t.type === 'ansi' ? { type: t.type, code: t.code, endCode: t.endCode } : { type: t.type, value: t.value, fullWidth: t.fullWidth }));

/**
 * A colour code right before something that joins what precedes it (a combining mark): the package segments across
 * the code and drops that mark with the code's last letter; the alias keeps it (as before the simple code points).
 */
function colourBeforeJoiner(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  for (const match of text.matchAll(/\u001b\[[\d;]*m/g)) {
    const next = text.codePointAt(match.index + match[0].length);
    if (next !== undefined && !(next >= 0x20 && next <= 0x7e) && next !== 0x1b && simpleCodePointWidth(next) < 0) return true;
  }
  return false;
}

describe('the simple code point runs', () => {
  it('are sorted, do not overlap, and cover what the monitor shows', () => {
    for (let i = 1; i < runs.length; i++) expect(runs[i]![0]).toBeGreaterThan(runs[i - 1]![1]);
    for (const [first, last] of runs) expect(last).toBeGreaterThanOrEqual(first);
    // Japanese UI text, the glyphs, box drawing, full-width forms, CJK Ext B.
    for (const text of ['監視カレンダー連携ひらがなー、。「」', '…─▶●○✖◌·↑↓←→│✘✔•', '┌┐└┘├┤┬┴┼', 'ＡＢＣ１２３', '\u{20000}\u{2A6DF}'])
      for (const ch of text) expect([ch, simpleCodePointWidth(ch.codePointAt(0)!)]).toEqual([ch, stringWidth(ch)]);
  });

  it('give string-width\'s width for every code point in them, alone and in a row with their neighbours', () => {
    const wrong: string[] = [];
    for (const cp of simpleCodePoints) {
      if (stringWidth(String.fromCodePoint(cp)) !== simpleCodePointWidth(cp)) wrong.push(cp.toString(16));
      if (wrong.length > 20) break;
    }
    expect(wrong).toEqual([]);
    expect(simpleCodePoints.length).toBeGreaterThan(100_000);
    // 64 consecutive ones at a time, ASCII before and after: nothing joins, string-width agrees with the sum, and
    // Ink's tokenizer says of each what the alias the bundle gives it (which splits them itself) says.
    for (let i = 0; i < simpleCodePoints.length; i += 64) {
      const cps = simpleCodePoints.slice(i, i + 64);
      const text = `a${String.fromCodePoint(...cps)}b`;
      const sum = 2 + cps.reduce((n, cp) => n + simpleCodePointWidth(cp), 0);
      expect([text, stringWidth(text), cellWidth(text)]).toEqual([text, sum, sum]);
      expect(tokenShape(aliasTokenize(text))).toEqual(tokenShape(realTokenizer.tokenize(text)));
    }
  });

  it('are each a grapheme of their own next to one another', () => {
    const rand = random(12);
    for (let n = 0; n < 2000; n++) {
      const cps = Array.from({ length: 8 }, () => simpleCodePoints[Math.floor(rand() * simpleCodePoints.length)]!);
      const text = String.fromCodePoint(...cps);
      expect([...segmenter.segment(text)].length).toBe(cps.length);
    }
  });

  it('leave out what joins, extends or hides (these must go to string-width)', () => {
    for (const cp of [0x301, 0x200d, 0xfe0f, 0x20e3, 0x1f3fb, 0x1f1ef, 0x1100, 0xac00, 0xff9e, 0x0e33, 0x0d4e, 0x3099, 0xad])
      expect([cp.toString(16), simpleCodePointWidth(cp)]).toEqual([cp.toString(16), -1]);
  });
});

describe('cellWidth, codePointWidth, graphemes and the tokenizer alias against string-width, Intl.Segmenter and ansi-tokenize', () => {
  it('skips colour codes without string-width and measures what they colour', () => {
    expect(simpleTextWidth('\u001b[1mgakuco-monit (4) \u001b[22m\u001b[32m● PM2 接続中\u001b[39m')).toBe(cellWidth('gakuco-monit (4) ● PM2 接続中'));
    expect(simpleTextWidth('\u001b[12345m')).toBe(-1);
    expect(simpleTextWidth('\u001b]8;;x\u0007')).toBe(-1);
  });

  // Simple code points, ASCII, and some of what is not simple: combining marks, ZWJ, VS16, keycaps, emoji with
  // modifiers, flags, jamo, controls, escape codes, lone surrogates.
  const others = ['\u0301', '\u200d', '\ufe0f', '\u20e3', '👍', '\u{1F3FD}', '🇯', '🇵', '\u1100', '\u1161', '\u11a8', '가', '\u0007', '\t', '\u001b[31m', '\u001b[39m', '\ud800', '\udc00', 'ﾞ', '\u3099', 'क', '\u094d', 'ष', '\u001b[12345m', '\u001b[1;m', '\u001b[1:2m', '\u001b]8;;x\u0007', '\u001b[', '\u001b', '\u009b31m', '\u001b[2K', '\r\n', '\r', '\n', '\u0085', '\u007f'];
  const ascii = ' abc123#*-_/()[]m;'.split('');
  // Colour codes (SGR) are skipped by the fast path: they take no cells.
  const colours = ['\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[38;5;123m', '\u001b[48;2;10;200;30m', '\u001b[m', '\u001b[0m', '\u001b[7m'];

  it('agree on random strings of simple code points and ASCII', () => {
    const rand = random(7);
    for (let n = 0; n < 2500; n++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 16);
      for (let k = 0; k < length; k++) {
        const r = rand();
        text +=
          r < 0.3
            ? ascii[Math.floor(rand() * ascii.length)]
            : r < 0.45
              ? colours[Math.floor(rand() * colours.length)]
              : String.fromCodePoint(simpleCodePoints[Math.floor(rand() * simpleCodePoints.length)]!);
      }
      expect([text, cellWidth(text)]).toEqual([text, stringWidth(text)]);
      expect([text, tokenShape(aliasTokenize(text))]).toEqual([text, tokenShape(realTokenizer.tokenize(text))]);
    }
  });

  it('agree on random strings that mix in code points that are not simple', () => {
    const rand = random(99);
    for (let n = 0; n < 2500; n++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 12);
      for (let k = 0; k < length; k++) {
        const r = rand();
        text +=
          r < 0.3
            ? ascii[Math.floor(rand() * ascii.length)]
            : r < 0.4
              ? colours[Math.floor(rand() * colours.length)]
              : r < 0.6
                ? others[Math.floor(rand() * others.length)]
              : String.fromCodePoint(simpleCodePoints[Math.floor(rand() * simpleCodePoints.length)]!);
      }
      expect([text, cellWidth(text)]).toEqual([text, stringWidth(text)]);
      if (!colourBeforeJoiner(text)) expect([text, tokenShape(aliasTokenize(text))]).toEqual([text, tokenShape(realTokenizer.tokenize(text))]);
      expect([text, [...graphemes(text)]]).toEqual([text, [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }))]);
    }
  });

  it('codePointWidth gives string-width\'s width (at most 2) for simple code points and for the others', () => {
    const rand = random(3);
    for (let n = 0; n < 3000; n++) {
      const cp = simpleCodePoints[Math.floor(rand() * simpleCodePoints.length)]!;
      expect(codePointWidth(cp)).toBe(stringWidth(String.fromCodePoint(cp)));
    }
    for (const cp of [0x301, 0x200d, 0x1f44d, 0x1100, 0xac00, 0x7, 0x41])
      expect([cp, codePointWidth(cp)]).toEqual([cp, Math.min(2, stringWidth(String.fromCodePoint(cp)))]);
  });
});

import * as real from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import * as alias from '../../../src/tui/terminal/ansi-tokenize-alias.js';

// The bundle hands Ink these instead of @alcalzone/ansi-tokenize (scripts/build.mjs): they must give the same
// tokens, styled characters and strings, whether a line is seen the first time or comes from the cache.
const lines = [
  '',
  'plain ascii line 01:23:45   flood line 1234 @1795656213617 lorem ipsum',
  'cut log line ending in an ellipsis…',
  '── Logs: flood ──────────────── following ─',
  '\u001B[31m01:23:45 ! error line\u001B[39m',
  '\u001B[1m\u001B[7m web \u001B[27m\u001B[22m ok',
  '\u001B[1;31mcompound\u001B[0m after',
  '\u001B[38;5;196m256 colour\u001B[39m and \u001B[38;2;10;20;30mtruecolour\u001B[39m',
  '\u001B[mreset first',
  'ESC without SGR \u001B[2J then text',
  '\u001B[31mカレンダー\u001B[39m 再起動 mixed',
  'keycap 1\uFE0F\u20E3 and 👍🏽 and 🇯🇵',
  'abc\u0301 combining',
  '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 done',
];

const shape = (tokens: real.Token[]) =>
  tokens.map((t) => (t.type === 'ansi' ? { type: t.type, code: t.code, endCode: t.endCode } : { type: t.type, value: t.value, fullWidth: t.fullWidth }));
const styledShape = (chars: real.StyledChar[]) =>
  chars.map((c) => ({ value: c.value, fullWidth: c.fullWidth, styles: c.styles.map((s) => [s.code, s.endCode]) }));

describe('ansi-tokenize alias', () => {
  it('tokenizes like the package, the first time and from its cache', () => {
    for (let round = 0; round < 2; round++) {
      for (const line of lines) expect([line, shape(alias.tokenize(line))]).toEqual([line, shape(real.tokenize(line))]);
    }
  });

  it('passes a visible-width limit through to the package', () => {
    expect(shape(alias.tokenize('abcdef', 3))).toEqual(shape(real.tokenize('abcdef', 3)));
  });

  it('styles characters and joins rows back into the same strings', () => {
    for (let round = 0; round < 2; round++) {
      for (const line of lines) {
        const ours = alias.styledCharsFromTokens(alias.tokenize(line));
        const theirs = real.styledCharsFromTokens(real.tokenize(line));
        expect([line, styledShape(ours)]).toEqual([line, styledShape(theirs)]);
        expect(alias.styledCharsToString(ours)).toBe(real.styledCharsToString(theirs));
      }
    }
  });

  it('joins a row made of pieces of several lines and blank cells as the package does', () => {
    const blank = (): real.StyledChar => ({ type: 'char', value: ' ', fullWidth: false, styles: [] });
    for (let k = 0; k + 1 < lines.length; k++) {
      const pieces = (tokenize: typeof real.tokenize, styled: typeof real.styledCharsFromTokens) => [
        blank(),
        ...styled(tokenize(lines[k]!)).slice(0, 12),
        blank(),
        blank(),
        ...styled(tokenize(lines[k + 1]!)).slice(3),
        blank(),
      ];
      expect(alias.styledCharsToString(pieces(alias.tokenize, alias.styledCharsFromTokens))).toBe(
        real.styledCharsToString(pieces(real.tokenize, real.styledCharsFromTokens)),
      );
    }
  });
});

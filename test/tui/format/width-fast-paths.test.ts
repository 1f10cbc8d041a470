import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { truncateCells } from '../../../src/tui/format/truncate-cells.js';
import stringWidthAlias from '../../../src/tui/format/string-width-alias.js';

// cellWidth and truncateCells take shortcuts for ASCII; these check them against string-width itself and against
// the plain grapheme-by-grapheme cut, on text where a shortcut could go wrong.
const samples = [
  '',
  'notion',
  'flood line 1234 @1795656213617 lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor',
  'カレンダー連携サーバー',
  'restart 再起動 done',
  'abc\u0301def', // a combining mark after ASCII
  'e\u0301',
  'key 1\uFE0F\u20E3 pressed', // a keycap: ASCII digit + VS16 + keycap = 2 cells
  'ok 👍🏽 and 👨‍👩‍👧 family',
  'flag 🇯🇵 here',
  '\u001B[31mred\u001B[39m plain',
  'tab\there',
  'ctrl\u0007bell',
  'trailing …',
  '── Logs: flood ────',
  'ｈａｌｆ and full width',
];

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function referenceTruncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  const ellipsisWidth = stringWidth(ellipsis);
  if (ellipsisWidth > width) return ellipsis.slice(0, width);
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - ellipsisWidth) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

describe('cellWidth fast path', () => {
  it('measures like string-width', () => {
    for (const text of samples) expect([text, cellWidth(text)]).toEqual([text, stringWidth(text)]);
  });
  it('measures like string-width again from its cache, and with options passed through by the alias', () => {
    for (const text of samples) expect(cellWidth(text)).toBe(stringWidth(text));
    expect(stringWidthAlias('ａ', { ambiguousIsNarrow: false })).toBe(stringWidth('ａ', { ambiguousIsNarrow: false }));
    expect(stringWidthAlias('\u001B[31mx\u001B[39m', { countAnsiEscapeCodes: true })).toBe(
      stringWidth('\u001B[31mx\u001B[39m', { countAnsiEscapeCodes: true }),
    );
  });
});

describe('truncateCells fast path', () => {
  it('cuts every sample at every width like the grapheme-by-grapheme cut', () => {
    for (const text of samples) {
      for (let width = 0; width <= stringWidth(text) + 1; width++) {
        for (const ellipsis of ['…', '...']) {
          expect([text, width, ellipsis, truncateCells(text, width, ellipsis)]).toEqual([text, width, ellipsis, referenceTruncate(text, width, ellipsis)]);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { wrapCells } from '../../../src/tui/format/wrap-cells.js';

const joined = (rows: string[], indent: string) => rows.map((row, i) => (i === 0 ? row : row.slice(indent.length))).join(' ');

describe('wrapCells', () => {
  it('breaks at spaces, keeps every word, indents the rows after the first', () => {
    const text = 'fix: npx pm2 delete notion-mcp && npx pm2 start ecosystem.config.js --only notion-mcp';
    const rows = wrapCells(text, 30, '    ');
    for (const row of rows) expect(cellWidth(row)).toBeLessThanOrEqual(30);
    expect(rows.slice(1).every((row) => row.startsWith('    '))).toBe(true);
    expect(joined(rows, '    ')).toBe(text);
  });
  it('breaks a word longer than the row, and wide characters on whole cells', () => {
    const rows = wrapCells('日本語のとても長い文章が続きます', 11);
    for (const row of rows) expect(cellWidth(row)).toBeLessThanOrEqual(11);
    expect(rows.join('')).toBe('日本語のとても長い文章が続きます');
    expect(wrapCells('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });
  it('leaves text that fits alone', () => {
    expect(wrapCells('short', 10)).toEqual(['short']);
    expect(wrapCells('', 10)).toEqual(['']);
  });
});

describe('wrapCells with Japanese text', () => {
  it('breaks next to wide characters rather than leaving a short row at the last space', () => {
    const rows = wrapCells('✘ clash: ポート 3915 を別のプロセスが使っています: pid 524', 30, '    ');
    for (const row of rows) expect(cellWidth(row)).toBeLessThanOrEqual(30);
    expect(cellWidth(rows[0]!)).toBeGreaterThanOrEqual(28);
    const noSpaces = (text: string) => text.replace(/ /g, '');
    expect(noSpaces(rows.join(''))).toBe(noSpaces('✘ clash: ポート 3915 を別のプロセスが使っています: pid 524'));
  });
});

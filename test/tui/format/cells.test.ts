import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { padCells } from '../../../src/tui/format/pad-cells.js';
import { truncateCells } from '../../../src/tui/format/truncate-cells.js';

describe('cellWidth', () => {
  it('counts kana and kanji as two cells, not one like .length', () => {
    expect(cellWidth('notion')).toBe(6);
    expect(cellWidth('カレンダー')).toBe(10);
    expect('カレンダー'.length).toBe(5);
    expect(cellWidth('再起動abc')).toBe(9);
  });
});

describe('truncateCells', () => {
  it('keeps text that fits', () => {
    expect(truncateCells('カレンダー', 10)).toBe('カレンダー');
  });
  it('cuts Japanese at a cell budget and ends with an ellipsis', () => {
    const cut = truncateCells('カレンダー連携サーバー', 9);
    expect(cut).toBe('カレンダ…');
    expect(cellWidth(cut)).toBe(9);
  });
  it('never splits a wide character across the edge', () => {
    const cut = truncateCells('カレンダー連携', 8);
    expect(cellWidth(cut)).toBeLessThanOrEqual(8);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toBe('カレン…');
  });
  it('uses the ASCII ellipsis when given', () => {
    expect(truncateCells('notion-mcp-server', 10, '...')).toBe('notion-...');
    expect(truncateCells('通知サーバー', 7, '...')).toBe('通知...');
  });
  it('handles tiny widths', () => {
    expect(truncateCells('abc', 0)).toBe('');
    expect(truncateCells('abcdef', 2, '...')).toBe('..');
  });
});

describe('padCells', () => {
  it('pads by cells so Japanese and ASCII line up', () => {
    const a = padCells('名前', 8);
    const b = padCells('name', 8);
    expect(cellWidth(a)).toBe(8);
    expect(cellWidth(b)).toBe(8);
    expect(a).toBe('名前    ');
    expect(padCells('メモリ', 8, 'right')).toBe('  メモリ');
  });
  it('truncates what is too wide to exactly the width or one less', () => {
    expect(cellWidth(padCells('カレンダー連携', 9))).toBe(9);
  });
});

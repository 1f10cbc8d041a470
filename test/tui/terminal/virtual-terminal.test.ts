import { describe, expect, it } from 'vitest';
import { gridText, WIDE_TAIL } from '../../../src/tui/terminal/grid.js';
import { FLAG_BOLD, FLAG_INVERSE } from '../../../src/tui/terminal/style.js';
import { VirtualTerminal } from '../../../src/tui/terminal/virtual-terminal.js';

describe('VirtualTerminal', () => {
  it('lays out a frame, CR LF per newline, with styles per cell', () => {
    const vt = new VirtualTerminal(3, 10);
    vt.write('ab\u001B[31mc\u001B[39m\n\u001B[1;7mx\u001B[22;27my');
    expect(gridText(vt.grid)).toEqual(['abc', 'xy', '']);
    expect(vt.styles.get(vt.grid.styles[2]!).fg).toBe('31');
    expect(vt.styles.get(vt.grid.styles[1]!).fg).toBe('');
    expect(vt.styles.get(vt.grid.styles[10]!).flags).toBe(FLAG_BOLD | FLAG_INVERSE);
    expect(vt.styles.get(vt.grid.styles[11]!).flags).toBe(0);
  });

  it('puts Japanese in two cells each and wraps a wide character that does not fit', () => {
    const vt = new VirtualTerminal(2, 5);
    vt.write('a名前b');
    expect(vt.grid.chars.slice(0, 5)).toEqual(['a', '名', WIDE_TAIL, '前', WIDE_TAIL]);
    expect(gridText(vt.grid)).toEqual(['a名前', 'b']);
    const cut = new VirtualTerminal(2, 4);
    cut.write('abc名');
    expect(gridText(cut.grid)).toEqual(['abc', '名']);
  });

  it('blanks the other half of a wide character that is overwritten', () => {
    const vt = new VirtualTerminal(1, 6);
    vt.write('名前\u001B[1;2Hx');
    expect(gridText(vt.grid)).toEqual([' x前']);
  });

  it("follows Ink's clearTerminal + frame and log-update's eraseLines", () => {
    const vt = new VirtualTerminal(3, 8);
    vt.write('one\ntwo\nthree');
    vt.write('\u001B[2J\u001B[3J\u001B[Huno\ndos');
    expect(gridText(vt.grid)).toEqual(['uno', 'dos', '']);
    // eraseLines(2) from the second row: erase, up, erase, then column 1.
    vt.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gfirst\n');
    expect(gridText(vt.grid)).toEqual(['first', '', '']);
    expect([vt.row, vt.col]).toEqual([1, 0]);
  });

  it('scrolls when a newline is written on the last row', () => {
    const vt = new VirtualTerminal(2, 4);
    vt.write('a\nb\nc');
    expect(gridText(vt.grid)).toEqual(['b', 'c']);
  });

  it('keeps mode sequences for the real terminal, hides and shows the cursor, and joins split sequences', () => {
    const vt = new VirtualTerminal(1, 4);
    vt.write('\u001B[?25l\u001B[?2026h\u001B[?2004h\u001B]0;title\u0007\u001B[3');
    expect(vt.cursorVisible).toBe(false);
    vt.write('1mR');
    expect(vt.takePassthrough()).toBe('\u001B[?2004h\u001B]0;title\u0007');
    expect(vt.styles.get(vt.grid.styles[0]!).fg).toBe('31');
    vt.write('\u001B[?25h');
    expect(vt.cursorVisible).toBe(true);
  });
});

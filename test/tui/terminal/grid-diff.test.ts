import { describe, expect, it } from 'vitest';
import { clearScreen, diffGrid, type PhysicalScreen } from '../../../src/tui/terminal/grid-diff.js';
import { cloneGrid, gridText } from '../../../src/tui/terminal/grid.js';
import { VirtualTerminal } from '../../../src/tui/terminal/virtual-terminal.js';

/** A screen painted with `first`, then the output that turns it into `second`, checked by replaying it. */
function change(rows: number, cols: number, first: string, second: string): { output: string; vt: VirtualTerminal } {
  const vt = new VirtualTerminal(rows, cols);
  const { screen, output: clear } = clearScreen(rows, cols);
  vt.write(first);
  const paint = diffGrid(screen, vt.grid, vt.styles);
  vt.write('\u001B[2J\u001B[H' + second);
  // Start the second diff from a known cursor place: the start of the last row.
  screen.row = rows - 1;
  screen.col = 0;
  const output = diffGrid(screen, vt.grid, vt.styles);
  // What a terminal shows after all the writer's output equals the last frame.
  const terminal = new VirtualTerminal(rows, cols, vt.styles);
  terminal.write(clear + paint + `\u001B[${rows}H` + output);
  expect(gridText(terminal.grid)).toEqual(gridText(vt.grid));
  expect(Array.from(terminal.grid.styles)).toEqual(Array.from(vt.grid.styles));
  expectInSync(screen, vt);
  return { output, vt };
}

function expectInSync(screen: PhysicalScreen, vt: VirtualTerminal): void {
  expect(screen.grid.chars).toEqual(vt.grid.chars);
}

describe('diffGrid', () => {
  it('writes nothing for an identical frame', () => {
    expect(change(3, 20, 'hello\nworld', 'hello\nworld').output).toBe('');
  });

  it('emits only the changed run for a tiny change', () => {
    const { output } = change(4, 40, 'name  cpu 1%\nlogs line 1234', 'name  cpu 1%\nlogs line 1235');
    expect(output).toBe('\u001B[2;14H5');
    expect(change(4, 40, 'a\nb\nc\nd', 'a\nb\nc\nD').output).toBe('D');
  });

  it('joins runs separated by a short gap and jumps over a long one', () => {
    expect(change(1, 40, 'a123456789b', 'x12y456789z').output).toBe('x12y\u001B[6Cz');
  });

  it('redraws a changed wide character whole, and the one a narrow change cuts into', () => {
    expect(change(1, 20, 'ab名前cd', 'ab名字cd').output).toBe('\u001B[4C字');
    // A narrow character replaces the second half of 名: the terminal drops all of 名, so its cell is redrawn.
    const cut = change(1, 20, 'ab名前', 'ab x前');
    expect(cut.output).toBe('\u001B[2C x');
  });

  it('emits the colour change and nothing else for a recoloured word', () => {
    const { output } = change(1, 30, 'status \u001B[32monline\u001B[39m', 'status \u001B[31monline\u001B[39m');
    expect(output).toBe('\u001B[7C\u001B[31monline');
  });

  it('erases a line that became shorter with ESC[K', () => {
    const { output } = change(2, 30, 'a very long line here\nx', 'a\nx');
    expect(output).toBe('\u001B[1;3H\u001B[K');
  });

  it('moves between rows with NEL (ESC E) and keeps SGR across runs', () => {
    const { output } = change(3, 10, 'a\nb\nc', '\u001B[1mA\nB\u001B[22m\nc');
    expect(output).toBe('\u001B[H\u001B[1mA\u001BEB');
  });

  it('goes down a column of changed digits with CUD and backspace', () => {
    const { output } = change(4, 20, 'a 28s\r\nb 28s\r\nc 28s', 'a 29s\r\nb 29s\r\nc 29s');
    expect(output).toBe('\u001B[1;4H9\u001B[B\b9\u001B[B\b9');
  });
  it('turns a blank screen into a full frame (first paint)', () => {
    const vt = new VirtualTerminal(2, 10);
    vt.write('first\n\u001B[7mframe\u001B[27m');
    const { screen, output } = clearScreen(2, 10);
    const paint = output + diffGrid(screen, vt.grid, vt.styles);
    const terminal = new VirtualTerminal(2, 10, vt.styles);
    terminal.write(paint);
    expect(gridText(terminal.grid)).toEqual(['first', 'frame']);
    expect(diffGrid(screen, cloneGrid(vt.grid), vt.styles)).toBe('');
  });
});

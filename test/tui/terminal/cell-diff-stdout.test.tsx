import React, { useEffect, useState } from 'react';
import { Box, Text, render } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCellDiffStdout, type CellDiffStdout } from '../../../src/tui/terminal/cell-diff-stdout.js';
import { FakeTerminal } from '../fixtures/fake-terminal.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));
// Ink renders on its own schedule; under load a fixed pause is not enough, so wait for what is expected.
const settle = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: 3000, interval: 10 });

let setValue: (v: string) => void = () => {};
function Frame({ rows }: { rows: number }): React.ReactElement {
  const [value, set] = useState('1234');
  useEffect(() => {
    setValue = set;
  }, []);
  return (
    <Box flexDirection="column" height={rows}>
      <Text>
        名前 <Text color="green">online</Text> restarts {value}
      </Text>
      <Box flexGrow={1} />
      <Text inverse>footer</Text>
    </Box>
  );
}

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

function mount(terminal: FakeTerminal): CellDiffStdout {
  const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false });
  const ink = render(<Frame rows={terminal.rows} />, { stdout, patchConsole: false, exitOnCtrlC: false, maxFps: 1000 });
  cleanup.push(() => {
    ink.unmount();
    stdout.restore();
  });
  return stdout;
}

describe('createCellDiffStdout behind Ink', () => {
  it('paints the first frame on a cleared alternate screen, then sends only changed cells', async () => {
    const terminal = new FakeTerminal(6, 40);
    const stdout = mount(terminal);
    await settle(() => expect(terminal.text()[0]).toBe('名前 online restarts 1234'));
    expect(terminal.writes[0]).toContain('\u001B[?1049h');
    expect(terminal.writes[0]).toContain('\u001B[2J');
    expect(terminal.text()).toEqual(['名前 online restarts 1234', '', '', '', '', 'footer']);

    const before = terminal.writes.length;
    setValue('1235');
    await settle(() => expect(terminal.text()[0]).toBe('名前 online restarts 1235'));
    // Ink wrote the whole screen again; the terminal got a cursor move and one digit.
    expect(terminal.writes.slice(before).join('')).toBe('\u001B[1;25H5');
    expect(stdout.stats.inkBytes).toBeGreaterThan(stdout.stats.targetBytes);
  });

  it('writes nothing when a render produces the same frame', async () => {
    const terminal = new FakeTerminal(5, 30);
    mount(terminal);
    await settle(() => expect(terminal.text()[0]).toBe('名前 online restarts 1234'));
    const before = terminal.writes.length;
    setValue('1234');
    setValue('9');
    setValue('1234');
    await tick();
    expect(terminal.bytesSince(before)).toBe(0);
  });

  it('forwards resize and repaints the whole screen at the new size', async () => {
    const terminal = new FakeTerminal(6, 40);
    const stdout = mount(terminal);
    await settle(() => expect(terminal.text()[0]).toBe('名前 online restarts 1234'));
    const before = terminal.writes.length;
    terminal.resize(8, 30);
    expect(stdout.rows).toBe(8);
    expect(stdout.columns).toBe(30);
    await settle(() => expect(stdout.stats.repaints).toBe(2));
    const after = terminal.writes.slice(before).join('');
    expect(after).toContain('\u001B[2J');
    // The Frame keeps its old height prop (6): the repaint shows it at the top of the resized screen.
    expect(terminal.text().slice(0, 6)).toEqual(['名前 online restarts 1234', '', '', '', '', 'footer']);
    expect(stdout.stats.repaints).toBe(2);
  });

  it('restores the terminal: leaves the alternate screen and shows the cursor', async () => {
    const terminal = new FakeTerminal(4, 20);
    const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false });
    const ink = render(<Text>hi</Text>, { stdout, patchConsole: false, exitOnCtrlC: false });
    await tick();
    ink.unmount();
    stdout.restore();
    const last = terminal.writes.at(-1) ?? '';
    expect(last).toContain('\u001B[?1049l');
    expect(last.endsWith('\u001B[?25h')).toBe(true);
    const count = terminal.writes.length;
    stdout.restore();
    expect(terminal.writes.length).toBe(count);
  });

  it('after the start screen (entered): clears and draws without entering the alternate screen again, and still leaves it', async () => {
    const terminal = new FakeTerminal(4, 20);
    const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false, entered: true });
    const ink = render(<Text>hi</Text>, { stdout, patchConsole: false, exitOnCtrlC: false });
    await settle(() => expect(terminal.text()[0]).toBe('hi'));
    const first = terminal.writes.join('');
    expect(first).not.toContain('\u001B[?1049h');
    // The cursor was hidden by the start screen: not hidden again, and the whole screen is cleared before the frame.
    expect(first).not.toContain('\u001B[?25l');
    expect(first.indexOf('\u001B[2J')).toBeLessThan(first.indexOf('hi'));
    ink.unmount();
    stdout.restore();
    const last = terminal.writes.at(-1) ?? '';
    expect(last).toContain('\u001B[?1049l');
    expect(last.endsWith('\u001B[?25h')).toBe(true);
  });

  it('after a start screen that drew rows (shown): the first frame sends only what differs from them', async () => {
    // (Ink's chalk has no colour here: the frame's text is plain, so the start screen's is too.)
    const shownText = '\u001B[?1049h\u001B[?25l\u001B[m\u001B[H\u001B[2Jtitle 1\u001B[2Halpha ok';
    const terminal = new FakeTerminal(4, 20);
    terminal.write(shownText);
    const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false, entered: true, shown: { text: shownText, rows: 4, columns: 20 } });
    const ink = render(
      <Box flexDirection="column" height={4}>
        <Text>title 2</Text>
        <Text>alpha ok</Text>
        <Text>beta</Text>
      </Box>,
      { stdout, patchConsole: false, exitOnCtrlC: false },
    );
    await settle(() => expect(terminal.text()[2]).toBe('beta'));
    const first = terminal.writes.slice(1).join('');
    expect(first).not.toContain('\u001B[2J');
    expect(first).not.toContain('alpha');
    expect(first).not.toContain('title');
    expect(terminal.text().slice(0, 3)).toEqual(['title 2', 'alpha ok', 'beta']);
    ink.unmount();
    stdout.restore();
  });

  it('shown at another size than the terminal has now (resized since): clears and repaints it all', async () => {
    const terminal = new FakeTerminal(4, 20);
    const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false, entered: true, shown: { text: 'alpha', rows: 4, columns: 30 } });
    const ink = render(<Text>alpha</Text>, { stdout, patchConsole: false, exitOnCtrlC: false });
    await settle(() => expect(terminal.text()[0]).toBe('alpha'));
    const first = terminal.writes.join('');
    expect(first.indexOf('\u001B[2J')).toBeLessThan(first.indexOf('alpha'));
    ink.unmount();
    stdout.restore();
  });
});

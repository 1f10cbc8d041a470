import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TerminalApp } from '../../../src/tui/components/TerminalApp.js';
import { makeDisplayOptions } from '../../../src/tui/display/make-display-options.js';
import { ScreenLayersContext } from '../../../src/tui/display/screen-layers-context.js';
import { createCellDiffStdout, type CellDiffStdout } from '../../../src/tui/terminal/cell-diff-stdout.js';
import { createGrid, gridText } from '../../../src/tui/terminal/grid.js';
import { ScreenLayers } from '../../../src/tui/terminal/screen-layers.js';
import { StyleTable } from '../../../src/tui/terminal/style.js';
import { VirtualTerminal } from '../../../src/tui/terminal/virtual-terminal.js';
import { FakeTerminal } from '../fixtures/fake-terminal.js';
import { logLines } from '../fixtures/log-lines.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { RecordingActions } from '../fixtures/recording-actions.js';

describe('ScreenLayers.compose', () => {
  it('paints rows over a copy of the base at the rect, clipped, leaving the base alone', () => {
    const styles = new StyleTable();
    const base = new VirtualTerminal(4, 12, styles);
    base.write('abcdefghijkl\r\nmnopqrstuvwx');
    const layers = new ScreenLayers();
    layers.set('x', { rect: () => ({ top: 1, left: 8, width: 6, height: 3 }), rows: ['名前12', '\u001B[31mred\u001B[39m'] });
    const out = layers.compose(base.grid, styles);
    expect(gridText(out)).toEqual(['abcdefghijkl', 'mnopqrst名前', '        red', '']);
    expect(gridText(base.grid)[1]).toBe('mnopqrstuvwx');
    // The red run carries a style of its own, the blank rows of the layer do not.
    expect(out.styles[2 * 12 + 8]).not.toBe(out.styles[2 * 12 + 7]);
    expect(out.styles[3 * 12 + 8]).toBe(out.styles[3 * 12 + 7]);
  });

  it('writes again only the rows that changed (and the row after one, which an overlong row may have wrapped into)', () => {
    const styles = new StyleTable();
    const base = createGrid(4, 6);
    const layers = new ScreenLayers();
    const rect = () => ({ top: 0, left: 0, width: 6, height: 4 });
    layers.set('x', { rect, rows: ['page 1', 'page 2', 'skip 1', 'new 1'] });
    expect(gridText(layers.compose(base, styles))).toEqual(['page 1', 'page 2', 'skip 1', 'new 1']);
    const write = vi.spyOn(VirtualTerminal.prototype, 'write');
    layers.set('x', { rect, rows: ['page 1', 'page 2', 'skip 2', 'new 2'] });
    expect(gridText(layers.compose(base, styles))).toEqual(['page 1', 'page 2', 'skip 2', 'new 2']);
    expect(write.mock.calls.map(([text]) => text.includes('page'))).toEqual([false]);
    // A row past the width wraps into the next one; that row is written again even though it did not change.
    layers.set('x', { rect, rows: ['page 1-long', 'page 2', 'skip 2', 'new 2'] });
    expect(gridText(layers.compose(base, styles))).toEqual(['page 1', 'page 2', 'skip 2', 'new 2']);
    write.mockRestore();
  });

  it('returns the base itself when there is no layer, and tells the writer about every change', () => {
    const layers = new ScreenLayers();
    const changes = vi.fn();
    layers.onChange = changes;
    const base = createGrid(2, 2);
    expect(layers.compose(base, new StyleTable())).toBe(base);
    layers.set('x', { rect: () => null, rows: [] });
    layers.delete('x');
    layers.delete('x');
    expect(changes).toHaveBeenCalledTimes(2);
  });
});

/** A keyboard that types nothing, so Ink can turn raw mode on. */
class QuietStdin extends EventEmitter {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  read(): null {
    return null;
  }
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function mountMonitor(terminal: FakeTerminal, source: MemorySource, now: () => number = () => 1_700_000_000_000, display = makeDisplayOptions({ lang: 'en' })): CellDiffStdout {
  const stdout = createCellDiffStdout(terminal as unknown as NodeJS.WriteStream, { restoreOnExit: false });
  const app = (
    <ScreenLayersContext.Provider value={stdout.layers}>
      <TerminalApp source={source} actions={new RecordingActions()} display={display} spareRows={0} onQuit={() => undefined} now={now} />
    </ScreenLayersContext.Provider>
  );
  const stdin = new QuietStdin() as unknown as NodeJS.ReadStream;
  const ink = render(app, { stdout, stdin, patchConsole: false, exitOnCtrlC: false, maxFps: 1000 });
  cleanup.push(() => {
    ink.unmount();
    stdout.restore();
  });
  return stdout;
}

const settle = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: 3000, interval: 10 });

/** Waits until Ink has written no frame for 300 ms (a loaded machine may still be drawing the frames after the first). */
async function inkSettled(stdout: CellDiffStdout): Promise<number> {
  for (;;) {
    const writes = stdout.stats.inkWrites;
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (stdout.stats.inkWrites === writes) return writes;
  }
}

describe('the log pane as a screen layer', () => {
  it('draws the selected service lines where Ink left its box, and a new line costs no Ink frame', async () => {
    const terminal = new FakeTerminal(24, 80);
    const lines = logLines(5);
    const source = new MemorySource([makeService({ pmId: 0, name: 'worker' })], new Map([[0, lines]]));
    const stdout = mountMonitor(terminal, source);
    await settle(() => expect(terminal.text().join('\n')).toContain('line 5'));
    const rows = terminal.text().join('\n').split('\n');
    const title = rows.findIndex((row) => row.includes('Logs: worker'));
    expect(rows[title + 5]).toMatch(/ ! line 5$/);
    const inkWrites = await inkSettled(stdout);
    source.update({ logs: new Map([[0, [...lines, ...logLines(1, 6)]]]) });
    await settle(() => expect(terminal.text().join('\n')).toContain('line 6'));
    expect(terminal.text().join('\n').split('\n')[title + 6]).toMatch(/ {3}line 6$/);
    expect(stdout.stats.inkWrites).toBe(inkWrites);
  });

  it('follows a resize from side by side to stacked, and leaves the screen when the pane goes', async () => {
    const terminal = new FakeTerminal(40, 120);
    const source = new MemorySource([makeService({ pmId: 0, name: 'worker' })], new Map([[0, logLines(40, 1, (i) => `flood ${i}`)]]));
    const stdout = mountMonitor(terminal, source);
    const bodyRow = (rows: string[]) => rows.findIndex((row) => row.includes('Logs: worker')) + 1;
    await settle(() => {
      const rows = terminal.text().join('\n').split('\n');
      expect(rows.at(-3)).toContain('flood 40');
      // Side by side: the log body starts right of the detail pane.
      expect(rows[bodyRow(rows)]!.indexOf('flood')).toBeGreaterThan(40);
    });
    terminal.resize(24, 80);
    await settle(() => {
      const rows = terminal.text().join('\n').split('\n');
      expect(rows.at(-3)).toContain('flood 40');
      expect(rows[bodyRow(rows)]!.indexOf('flood')).toBeLessThan(16);
      expect(rows.filter((row) => row.includes('flood 40'))).toHaveLength(1);
    });
    cleanup.splice(0).forEach((fn) => fn());
    expect(stdout.layers.size).toBe(0);
  });
});

describe('the header clock as a screen layer', () => {
  const CLOCK = /\d\d:\d\d:\d\d$/;

  it('ticks on the terminal each second with no Ink frame, in the cells the header leaves for it', async () => {
    const terminal = new FakeTerminal(24, 80);
    const started = Date.now();
    const now = () => 1_700_000_000_000 + (Date.now() - started);
    // Up an hour: no uptime in the table turns within the test, so nothing but the clock counts time.
    const stdout = mountMonitor(terminal, new MemorySource([makeService({ pmId: 0, name: 'worker' })]), now);
    await settle(() => expect(terminal.text()[0]).toMatch(CLOCK));
    const first = terminal.text()[0]!;
    expect(first).toMatch(/^gakuco-monit \(1\) ● .* \d\d:\d\d:\d\d$/);
    expect(first.indexOf(CLOCK.exec(first)![0])).toBe(72);
    const inkWrites = await inkSettled(stdout);
    await vi.waitFor(() => expect(terminal.text()[0]).not.toBe(first), { timeout: 4000, interval: 20 });
    expect(terminal.text()[0]!.slice(0, 72)).toBe(first.slice(0, 72));
    expect(stdout.stats.inkWrites).toBe(inkWrites);
  });

  it('at the narrowest size (60 cells, ja, read-only) sits right of the cut status and the badge, and leaves with the header', async () => {
    const terminal = new FakeTerminal(24, 60);
    const display = makeDisplayOptions({ lang: 'ja', readOnly: true });
    const source = new MemorySource([makeService({ pmId: 0, name: 'worker' })]);
    const stdout = mountMonitor(terminal, source, undefined, display);
    await settle(() => expect(terminal.text()[0]).toMatch(CLOCK));
    const row = terminal.text()[0]!;
    expect(row).toMatch(/^gakuco-monit \(1\) .*\[読み取り専用\] \d\d:\d\d:\d\d$/);
    // The monitor's own React path (no layers) draws the same row.
    const plain = new FakeTerminal(24, 60);
    const ink = render(<TerminalApp source={source} actions={new RecordingActions()} display={display} spareRows={0} onQuit={() => undefined} now={() => 1_700_000_000_000} />, {
      stdout: createCellDiffStdout(plain as unknown as NodeJS.WriteStream, { restoreOnExit: false }),
      stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    cleanup.push(() => ink.unmount());
    await settle(() => expect(plain.text()[0]).toBe(row));
    // Too small: the header goes, and the clock with it.
    terminal.resize(24, 50);
    await settle(() => expect(stdout.layers.size).toBe(0));
    await settle(() => expect(terminal.text().join('\n')).not.toMatch(/\d\d:\d\d:\d\d/));
  });
});

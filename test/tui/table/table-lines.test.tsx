import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ja } from '../../../src/i18n/ja.js';
import { ServiceTable } from '../../../src/tui/components/ServiceTable.js';
import { DisplayContext } from '../../../src/tui/display/display-context.js';
import { makeDisplayOptions } from '../../../src/tui/display/make-display-options.js';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { gridText } from '../../../src/tui/terminal/grid.js';
import { VirtualTerminal } from '../../../src/tui/terminal/virtual-terminal.js';
import { FLAG_BOLD, FLAG_INVERSE } from '../../../src/tui/terminal/style.js';
import { tableLineSgr } from '../../../src/tui/table/table-line-sgr.js';
import { tableLines, type TableLine, type TableLinesInput } from '../../../src/tui/table/table-lines.js';
import { tableRows } from '../../../src/tui/table/table-rows.js';
import { makeService } from '../fixtures/make-service.js';

// Ink's chalk decides its colour level when it loads: force colours, so the styled frame can be compared.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const now = 1_700_000_000_000;
const services = [
  makeService({ pmId: 0, name: 'notion-mcp', port: 3001 }),
  makeService({ pmId: 1, name: 'カレンダー連携', status: 'errored', pid: 0, restarts: 15, unstableRestarts: 4, diagnostics: [{ code: 'restart-loop', severity: 'error', params: { restarts: 15 }, fix: 'pm2 logs 1' }] }),
  makeService({ pmId: 2, name: 'メール送信', status: 'stopped', pid: 0 }),
  makeService({ pmId: 3, name: 'api', execMode: 'cluster', instanceId: 0, instances: 2 }),
  makeService({ pmId: 4, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2 }),
];

function input(overrides: Partial<TableLinesInput> = {}): TableLinesInput {
  return {
    rows: tableRows(services, { key: 'app', descending: false }, new Set(), 0),
    selectedIndex: 0,
    marks: new Set(),
    unseen: new Set(),
    sort: { key: 'app', descending: false },
    hidden: new Set(),
    width: 100,
    height: 10,
    now,
    emptyText: 'no services',
    focused: true,
    messages: ja,
    glyphs: unicodeGlyphs,
    color: true,
    ...overrides,
  };
}

const text = (line: TableLine) => line.segments.map((s) => s.text).join('');

/** A terminal after the lines are written as the start screen writes them. */
function drawn(lines: TableLine[], color: boolean, cols: number) {
  const terminal = new VirtualTerminal(lines.length, cols);
  terminal.write(lines.map((line, i) => `\u001B[${i + 1}H${tableLineSgr(line, color)}`).join(''));
  return terminal;
}

describe('tableLines', () => {
  it('keeps every line within the width and the columns aligned in cells, Japanese names included', () => {
    for (const width of [60, 80, 120]) {
      for (const messages of [ja, en]) {
        const lines = tableLines(input({ width, messages }));
        expect(lines.map((line) => line.key)).toEqual(['header', 'pm:0', 'pm:1', 'pm:2', 'app:default/api']);
        for (const line of lines) expect(cellWidth(text(line))).toBeLessThanOrEqual(width);
        // The status column starts at the same cell on every row: after the name column's segment.
        const statusAt = lines.slice(1).map((line) => cellWidth(line.segments.slice(0, 4).map((s) => s.text).join('')));
        expect(new Set(statusAt).size).toBe(1);
        expect(cellWidth(lines[0]!.segments.slice(0, 3).map((s) => s.text).join(''))).toBe(statusAt[0]);
      }
    }
  });

  it('draws the selection: the mark, its cells bold, inverse only when the table has the focus and colour is on', () => {
    const [, first, second] = tableLines(input({ selectedIndex: 1, marks: new Set([0]) }));
    expect(text(first!).startsWith(' *')).toBe(true);
    expect(text(second!).startsWith(`${unicodeGlyphs.selected} ${unicodeGlyphs.severityError}`)).toBe(true);
    const cells = second!.segments.filter((s) => s.text.trim() !== '' && s !== second!.segments[0] && s !== second!.segments[1]);
    expect(cells.every((s) => s.bold && s.inverse)).toBe(true);
    // The one-cell gaps between columns stay plain, as between Ink's column boxes.
    expect(second!.segments.filter((s) => s.text === ' ').every((s) => !s.inverse && !s.bold)).toBe(true);
    expect(tableLines(input({ selectedIndex: 1, focused: false }))[2]!.segments.some((s) => s.inverse)).toBe(false);
    expect(tableLines(input({ selectedIndex: 1, color: false }))[2]!.segments.some((s) => s.inverse)).toBe(false);
  });

  it('scrolls so the selection is in view, within the height (the column header included)', () => {
    const lines = tableLines(input({ height: 3, selectedIndex: 3 }));
    expect(lines.map((line) => line.key)).toEqual(['header', 'pm:2', 'app:default/api']);
    expect(tableLines(input({ height: 0 }))).toEqual([]);
  });

  it('says so when there are no rows, and heads each namespace when there are several', () => {
    const empty = tableLines(input({ rows: [] }));
    expect(empty.map(text)).toEqual([expect.any(String), '   no services']);
    const spaced = tableLines(input({ rows: tableRows([...services, makeService({ pmId: 9, name: 'job', namespace: 'batch' })], { key: 'app', descending: false }, new Set(), 0) }));
    const heading = spaced.find((line) => line.key === 'ns:batch')!;
    expect(heading.segments).toEqual([{ text: '   [batch] 1', tone: 'cyan', bold: true, inverse: false }]);
  });
});

describe('tableLineSgr', () => {
  it('writes the lines cell for cell, the selected row bold and inverse, and no SGR without colour', () => {
    const lines = tableLines(input({ selectedIndex: 1 }));
    const terminal = drawn(lines, true, 100);
    expect(gridText(terminal.grid).map((row) => row.trimEnd())).toEqual(lines.map((line) => text(line).trimEnd()));
    const at = cellWidth(lines[2]!.segments.slice(0, 3).map((s) => s.text).join(''));
    const style = terminal.styles.get(terminal.grid.styles[2 * 100 + at]!);
    expect(style.flags & (FLAG_BOLD | FLAG_INVERSE)).toBe(FLAG_BOLD | FLAG_INVERSE);
    // eslint-disable-next-line no-control-regex
    expect(lines.map((line) => tableLineSgr(line, false)).join('')).not.toMatch(/\u001B/);
  });
});

describe('ServiceTable draws the lines', () => {
  it('as the same text and styles as the start screen writes them', () => {
    for (const [color, glyphs] of [[true, unicodeGlyphs], [false, asciiGlyphs]] as const) {
      const display = makeDisplayOptions({ lang: 'ja', color, ascii: glyphs === asciiGlyphs });
      const lines = tableLines(input({ selectedIndex: 1, color, glyphs }));
      const { rows, selectedIndex, marks, unseen, sort, hidden, width, height, emptyText, focused } = input({ selectedIndex: 1 });
      const view = render(
        <DisplayContext.Provider value={display}>
          <ServiceTable {...{ rows, selectedIndex, marks, unseen, sort, hidden, width, height, now, emptyText, focused }} />
        </DisplayContext.Provider>,
      );
      const ink = new VirtualTerminal(10, 100);
      ink.write((view.lastFrame() ?? '').replaceAll('\n', '\r\n'));
      const start = drawn(lines, color, 100);
      for (let row = 0; row < lines.length; row++) {
        for (let col = 0; col < 100; col++) {
          const i = row * 100 + col;
          expect(ink.grid.chars[i], `row ${row} col ${col}`).toBe(start.grid.chars[i]);
          expect(ink.styles.get(ink.grid.styles[i]!), `row ${row} col ${col}`).toEqual(start.styles.get(start.grid.styles[i]!));
        }
      }
      view.unmount();
    }
  });
});

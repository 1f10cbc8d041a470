import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ja } from '../../../src/i18n/ja.js';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { fitColumns, ROW_PREFIX_WIDTH } from '../../../src/tui/table/fit-columns.js';
import { serviceCells } from '../../../src/tui/table/service-cells.js';
import { tableText } from '../../../src/tui/table/table-text.js';
import { makeService } from '../fixtures/make-service.js';

const rowWidth = (columns: { width: number }[]) => ROW_PREFIX_WIDTH + columns.reduce((sum, c) => sum + c.width + 1, 0);

describe('fitColumns', () => {
  it('keeps every column on a wide terminal', () => {
    expect(fitColumns(160, ja, 12).map((c) => c.id)).toEqual(['name', 'status', 'pid', 'cpu', 'memory', 'trend', 'restarts', 'uptime', 'port', 'health']);
  });
  it('fits 80 columns in both languages by dropping the least useful first', () => {
    for (const messages of [ja, en]) {
      const columns = fitColumns(80, messages, 20);
      expect(rowWidth(columns)).toBeLessThanOrEqual(80);
      expect(columns.map((c) => c.id)).not.toContain('pid');
      expect(columns.map((c) => c.id)).not.toContain('trend');
      expect(columns.map((c) => c.id)).toEqual(expect.arrayContaining(['name', 'status', 'memory', 'port', 'health']));
    }
  });
  it('never drops name or status, even at 40 columns', () => {
    const ids = fitColumns(40, ja, 30).map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual(['name', 'status']);
    expect(rowWidth(fitColumns(60, ja, 30))).toBeLessThanOrEqual(60);
  });
});

describe('serviceCells', () => {
  const ctx = { messages: ja, glyphs: unicodeGlyphs, now: 1_700_000_000_000 };
  it('names cluster instances name#id', () => {
    const cells = serviceCells(makeService({ pmId: 4, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2 }), ctx);
    expect(cells.name.text).toBe('api#1');
  });
  it('shows the status as mark and word, and dashes for a stopped process', () => {
    const cells = serviceCells(makeService({ pmId: 1, name: 'x', status: 'stopped', pid: 0 }), ctx);
    expect(cells.status.text).toBe('○ 停止');
    expect(cells.pid.text).toBe('-');
    expect(cells.memory.text).toBe('-');
    expect(cells.uptime.text).toBe('-');
  });
  it('words the port check: ok, closed, conflict, none', () => {
    const check = { port: 3001, checkedAt: 0, listening: true, connectMs: 2, health: 'ok' as const, healthMs: 7, healthDetail: null, upstreamConfigured: null, conflict: null };
    expect(serviceCells(makeService({ pmId: 0, name: 'a', port: 3001, portCheck: check }), ctx).health).toEqual({ text: 'OK 7ms', tone: 'green' });
    expect(serviceCells(makeService({ pmId: 0, name: 'a', port: 3001, portCheck: { ...check, listening: false } }), ctx).health).toEqual({ text: '✖ 閉', tone: 'red' });
    expect(serviceCells(makeService({ pmId: 0, name: 'a', port: 3001, portCheck: { ...check, conflict: { pid: 9, command: 'nc' } } }), ctx).health.text).toBe('✖ 競合');
    expect(serviceCells(makeService({ pmId: 0, name: 'a' }), ctx).health.text).toBe('-');
  });
});

describe('tableText (--once)', () => {
  it('keeps columns aligned with Japanese names, measured in cells', () => {
    const services = [makeService({ pmId: 0, name: 'notion-mcp' }), makeService({ pmId: 1, name: 'カレンダー連携' }), makeService({ pmId: 2, name: 'メール' })];
    const lines = tableText(services, { width: Number.POSITIVE_INFINITY, messages: ja, glyphs: asciiGlyphs, now: 1_700_000_000_000 });
    // The status column starts at the same cell on every row.
    const statusAt = lines.slice(1).map((line) => cellWidth(line.slice(0, line.indexOf('+ '))));
    expect(new Set(statusAt).size).toBe(1);
    const headerStatus = cellWidth(lines[0]!.slice(0, lines[0]!.indexOf('状態')));
    expect(headerStatus).toBe(statusAt[0]);
  });
  it('fits the given width', () => {
    const services = [makeService({ pmId: 0, name: 'とても長い名前のサービスです-production' })];
    for (const line of tableText(services, { width: 80, messages: ja, glyphs: unicodeGlyphs, now: 0 })) expect(cellWidth(line)).toBeLessThanOrEqual(80);
  });
});

import { describe, expect, it } from 'vitest';
import { selectLogWindow } from '../../../src/tui/state/select-log-window.js';
import { resolveSelectedIndex } from '../../../src/tui/state/resolve-selected-index.js';
import { selectVisibleServices } from '../../../src/tui/state/select-visible-services.js';
import { logLines } from '../fixtures/log-lines.js';
import { makeService } from '../fixtures/make-service.js';

const services = [makeService({ pmId: 0, name: 'Notion-MCP' }), makeService({ pmId: 1, name: 'カレンダー連携' }), makeService({ pmId: 2, name: 'worker' })];

describe('selectVisibleServices', () => {
  it('filters by name, ignoring case, keeping order', () => {
    expect(selectVisibleServices(services, 'notion').map((s) => s.pmId)).toEqual([0]);
    expect(selectVisibleServices(services, 'カレ').map((s) => s.pmId)).toEqual([1]);
    expect(selectVisibleServices(services, '').length).toBe(3);
    expect(selectVisibleServices(services, 'zzz')).toEqual([]);
  });
});

describe('resolveSelectedIndex', () => {
  it('finds by pm_id and falls back to a neighbour', () => {
    const ids = services.map((s) => s.pmId);
    expect(resolveSelectedIndex(1, ids)).toBe(1);
    expect(resolveSelectedIndex(5, ids)).toBe(2);
    expect(resolveSelectedIndex(null, ids)).toBe(0);
    expect(resolveSelectedIndex(0, [])).toBe(-1);
  });
});

describe('selectLogWindow', () => {
  const lines = logLines(30);
  it('shows the newest lines while following', () => {
    const w = selectLogWindow(lines, { follow: true }, 5);
    expect(w.lines.map((l) => l.seq)).toEqual([26, 27, 28, 29, 30]);
    expect(w.newerHidden).toBe(0);
  });
  it('ends at the anchor while paused and counts newer lines', () => {
    const w = selectLogWindow(lines, { follow: false, anchorSeq: 12 }, 5);
    expect(w.lines.map((l) => l.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(w.newerHidden).toBe(18);
  });
  it('shows the oldest page when the anchor has left the buffer', () => {
    const w = selectLogWindow(logLines(10, 100), { follow: false, anchorSeq: 3 }, 4);
    expect(w.lines.map((l) => l.seq)).toEqual([100, 101, 102, 103]);
  });
  it('is empty for no room or no lines', () => {
    expect(selectLogWindow(lines, { follow: true }, 0).lines).toEqual([]);
    expect(selectLogWindow([], { follow: true }, 5).lines).toEqual([]);
  });
});

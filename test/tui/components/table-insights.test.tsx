// Issue 10 in the table: the mark beside a name when something happened since the operator last selected it, and
// the trend column (CPU sparkline from the insights history).
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomActionRunner, HistoryPoint, InsightsSnapshot, InsightsSource, TimelineEvent } from '../../../src/pm2-bridge/types.js';
import { TREND_BIN_MS, trendEnd, trendText } from '../../../src/tui/table/trend-cell.js';
import { unseenServices } from '../../../src/tui/table/unseen-events.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { press, renderApp, settle, waitForFrame } from '../fixtures/render-app.js';

/** An insights source whose timeline the test appends to. */
class MemoryInsights implements InsightsSource, CustomActionRunner {
  private snapshot: InsightsSnapshot = { timeline: [], exceptions: [], version: 0 };
  private readonly listeners = new Set<() => void>();
  getInsights = () => this.snapshot;
  cpu = new Map<number, HistoryPoint[]>();
  historyOf = (key: { pmId: number; name: string }) => ({ ...key, series: { cpu: this.cpu.get(key.pmId) ?? [] } });
  subscribeInsights = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  runCustomAction = () => Promise.resolve({ ok: true as const, reply: '' });
  add(event: Omit<TimelineEvent, 'source'>) {
    this.snapshot = { ...this.snapshot, timeline: [...this.snapshot.timeline, { ...event, source: 'live' }], version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

const crash = (pmId: number, name: string, at: number): Omit<TimelineEvent, 'source'> => ({ at, pmId, name, kind: 'exit', cause: 'crash', exitCode: 1, signal: null });

describe('unseenServices', () => {
  const base = { exceptions: [] };
  it('counts crashes, automatic restarts and errored after the last look; not manual restarts, starts or the selection', () => {
    const timeline: TimelineEvent[] = [
      { ...crash(0, 'a', 100), source: 'pm2-log' },
      { at: 200, pmId: 1, name: 'b', kind: 'restart', cause: 'manual', source: 'live' },
      { at: 200, pmId: 2, name: 'c', kind: 'start', source: 'live' },
      { at: 300, pmId: 3, name: 'd', kind: 'errored', source: 'live' },
      { at: 50, pmId: 4, name: 'e', kind: 'restart', cause: 'auto', source: 'live' },
    ];
    expect([...unseenServices({ ...base, timeline }, new Map([[4, 60]]), new Set())]).toEqual([0, 3]);
    expect([...unseenServices({ ...base, timeline }, new Map([[0, 100]]), new Set([3]))]).toEqual([4]);
  });
  it('counts an exception after the last look, and one without a time only if never looked at', () => {
    const exceptions = [
      { pmId: 5, name: 'f', message: 'Error: x', count: 1, firstSeen: 10, lastSeen: 20, stack: '', source: 'bus' as const },
      { pmId: 6, name: 'g', message: 'Error: y', count: 1, firstSeen: null, lastSeen: null, stack: '', source: 'error-log' as const },
    ];
    expect([...unseenServices({ timeline: [], exceptions }, new Map(), new Set())]).toEqual([5, 6]);
    expect([...unseenServices({ timeline: [], exceptions }, new Map([[5, 20], [6, 1]]), new Set())]).toEqual([]);
  });
});

const views: { unmount: () => void }[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.unmount();
});

describe('the mark in the table', () => {
  const services = () => [makeService({ pmId: 0, name: 'alpha' }), makeService({ pmId: 1, name: 'beta' })];
  it('marks a crashed service not selected, clears it once selected, and marks it again for a new crash after', async () => {
    const insights = new MemoryInsights();
    insights.add(crash(1, 'beta', 1_699_999_000_000));
    const view = renderApp({ source: new MemorySource(services()), lang: 'en', insights });
    views.push(view);
    await waitForFrame(view, (f) => /beta •/.test(f));
    expect(view.lastFrame()).not.toMatch(/alpha •/);
    await press(view, 'j');
    await waitForFrame(view, (f) => !/beta •/.test(f));
    // Selected: a new event does not mark the row being looked at.
    insights.add(crash(1, 'beta', 1_699_999_999_500));
    await settle();
    expect(view.lastFrame()).not.toMatch(/beta •/);
    await press(view, 'k');
    await waitForFrame(view, (f) => /^▶ +alpha/m.test(f) && !/beta •/.test(f));
    await settle();
    expect(view.lastFrame()).not.toMatch(/beta •/);
    insights.add(crash(1, 'beta', 1_700_000_001_000));
    await waitForFrame(view, (f) => /beta •/.test(f));
  });
  it('uses ! under --ascii, and the help says what the mark means', async () => {
    const insights = new MemoryInsights();
    insights.add({ at: 1, pmId: 1, name: 'beta', kind: 'errored', source: 'live' } as TimelineEvent);
    const view = renderApp({ source: new MemorySource(services()), lang: 'en', ascii: true, insights, width: 120, height: 30 });
    views.push(view);
    await waitForFrame(view, (f) => /beta !/.test(f));
    await press(view, '?');
    await waitForFrame(view, (f) => f.includes('! after a name'));
  });
});

describe('the trend column (CPU sparkline)', () => {
  const NOW = 1_700_000_000_000;
  // One sample per closed 15 s cell of the clock, the newest in the last one closed before NOW: 0, 10 … 70 %.
  const closed = trendEnd(NOW);
  const ramp = Array.from({ length: 8 }, (_, i) => ({ at: closed - (8 - i) * TREND_BIN_MS + 1000, value: i * 10 }));
  it('draws the samples low to high, blank where none', () => {
    expect(trendText(ramp, NOW + 1000, false)).toBe('▁▂▃▄▅▆▇█');
    expect(trendText(ramp, NOW + 1000, true)).toBe('_.,-~=*#');
    expect(trendText(ramp.slice(4), NOW + 1000, false)).toBe('    ▅▆▇█');
  });
  it('changes only when a cell closes: samples in the cell still filling are not drawn until it does', () => {
    const filling = [...ramp, { at: closed + 2000, value: 200 }, { at: closed + 9000, value: 0 }];
    const texts = new Set<string>();
    for (let at = closed; at < closed + TREND_BIN_MS; at += 1000) texts.add(trendText(filling, at, false));
    expect([...texts]).toEqual(['▁▂▃▄▅▆▇█']);
    // The cell closes: everything moves one cell left and the 200 % peak is the new top.
    expect(trendText(filling, closed + TREND_BIN_MS, false)).toBe('▁▂▂▂▃▃▃█');
  });
  it('shows on a wide terminal, is dropped first at 80 columns, and hides through the chooser', async () => {
    const insights = new MemoryInsights();
    insights.cpu.set(0, ramp);
    const services = [makeService({ pmId: 0, name: 'alpha' }), makeService({ pmId: 1, name: 'beta' })];
    const wide = renderApp({ source: new MemorySource(services), lang: 'en', insights, width: 120, height: 30 });
    views.push(wide);
    const frame = await waitForFrame(wide, (f) => f.includes('CPU trend'));
    expect(frame).toMatch(/alpha .*▁▂▃▄▅▆▇█/);
    await press(wide, 'c');
    await waitForFrame(wide, (f) => /4 .*CPU trend/.test(f));
    await press(wide, '4');
    await press(wide, 'c');
    await waitForFrame(wide, (f) => !f.includes('CPU trend') && !f.includes('▁▂▃▄▅▆▇█'));
    const narrow = renderApp({ source: new MemorySource(services), lang: 'en', insights, width: 80 });
    views.push(narrow);
    const small = await waitForFrame(narrow, (f) => f.includes('Memory'));
    expect(small).not.toContain('CPU trend');
  });
});

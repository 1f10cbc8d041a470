import { describe, expect, it } from 'vitest';
import { insightsMessages } from '../../src/i18n/insights.js';
import { formatMetricValue } from '../../src/tui/format/metric-value.js';
import { historyChartLines } from '../../src/tui/insights/chart-lines.js';
import { followingEvent, timelineRows } from '../../src/tui/insights/insights-lines.js';
import { insightsReducer, openInsights } from '../../src/tui/insights/insights-view.js';
import type { ExceptionGroup, TimelineEvent } from '../../src/pm2-bridge/types.js';

const m = insightsMessages('en');
const now = Date.parse('2026-12-01T12:00:00');

describe('insights rows', () => {
  const events: TimelineEvent[] = [
    { at: now - 60_000, pmId: 0, name: 'api', kind: 'exit', cause: 'crash', exitCode: 1, signal: 'SIGINT', source: 'pm2-log' },
    { at: now - 59_000, pmId: 0, name: 'api', kind: 'restart', cause: 'auto', source: 'live' },
    { at: Date.parse('2026-11-30T03:12:00'), pmId: 0, name: 'api', kind: 'memory-limit', memory: 200 * 1024 * 1024, limit: 190 * 1024 * 1024, source: 'pm2-log' },
  ];
  it('words each event newest first, with the date when not today and the before-start mark', () => {
    const rows = timelineRows([events[2]!, events[0]!, events[1]!], m, now, true);
    expect(rows[0]).toBe('11:59:01  api  restarted (automatic)');
    expect(rows[1]).toBe('11:59:00  api  exited (crash) code 1 / signal SIGINT (before start)');
    expect(rows[2]).toMatch(/^11-30 03:12:00 {2}api {2}memory limit 200M > limit 190M \(before start\)$/);
  });

  it('finds the restart that followed an exception', () => {
    const group: ExceptionGroup = { pmId: 0, name: 'api', message: 'Error: x', count: 2, firstSeen: null, lastSeen: now - 60_500, stack: 'Error: x', source: 'bus' };
    expect(followingEvent(group, events)?.kind).toBe('exit');
    expect(followingEvent({ ...group, lastSeen: null }, events)).toBeNull();
  });

  it('the action phases: parameter, confirmation, running, reply', () => {
    let s = openInsights('actions');
    s = insightsReducer(s, { type: 'askParam', action: 'echo' });
    s = insightsReducer(s, { type: 'typeParam', text: 'hé' });
    s = insightsReducer(s, { type: 'eraseParam' });
    expect(s.action).toEqual({ kind: 'param', action: 'echo', text: 'h' });
    s = insightsReducer(s, { type: 'askConfirm', action: 'echo', param: 'h' });
    s = insightsReducer(s, { type: 'run' });
    s = insightsReducer(s, { type: 'finished', action: 'other', result: { ok: true, reply: 'x' } });
    expect(s.action.kind).toBe('running');
    s = insightsReducer(s, { type: 'finished', action: 'echo', result: { ok: true, reply: '"h"' } });
    expect(s.action).toEqual({ kind: 'done', action: 'echo', result: { ok: true, reply: '"h"' } });
  });
});

describe('history charts', () => {
  it('draws CPU and memory rows tall with min/max/now, and a sparkline per metric', () => {
    // One sample in each of the 20 closed 15 s cells before `now` (a whole minute), the newest in the last one.
    const points = (f: (i: number) => number) => Array.from({ length: 20 }, (_, i) => ({ at: now - (20 - i) * 15_000 + 1000, value: f(i) }));
    const lines = historyChartLines(
      { pmId: 0, name: 'api', series: { cpu: points((i) => i * 5), memory: points(() => 1024 * 1024), 'metric:queue': points((i) => i % 3) } },
      m,
      { width: 22, rows: 2, ascii: true, now },
    );
    expect(lines[0]).toMatchObject({ label: 'CPU', text: expect.stringMatching(/^min 0(\.0)?% {2}max 95(\.0)?% {2}now 95(\.0)?% {2}last 5 min$/) });
    // 0…95 in steps of 5 on a 0…95 scale, 16 eighths in 2 rows: 5 is 1 eighth ('.'), 25 is 4 (':'), 45 a full row.
    expect(lines.slice(1, 3).map((l) => l.text)).toEqual(['           ...:::::#', '_....::::###########']);
    expect(lines[3]?.label).toBe('Memory');
    expect(lines.at(-1)).toMatchObject({ label: 'queue' });
  });
  it('redraws when a cell closes, not with each sample: the same rows for every second of a cell', () => {
    const samples = Array.from({ length: 90 }, (_, i) => ({ at: now - 90_000 + i * 1000, value: (i * 7) % 13 }));
    const chartAt = (at: number) => {
      const history = { pmId: 0, name: 'api', series: { cpu: samples.filter((p) => p.at <= at), 'metric:Heap Usage': samples.filter((p) => p.at <= at).map((p) => ({ ...p, value: p.value + 0.37 })) } };
      return historyChartLines(history, m, { width: 40, rows: 3, ascii: false, now: at }).filter((l) => l.label === null || l.label === 'Heap Usage').map((l) => l.text.replace(/ [\d.]+$/, ''));
    };
    const rows = new Set<string>();
    for (let at = now - 14_000; at < now; at += 1000) rows.add(JSON.stringify(chartAt(at)));
    expect(rows.size).toBe(1);
    expect(JSON.stringify(chartAt(now))).not.toBe([...rows][0]);
    // A metric's newest value to what is useful (one decimal below 10, none above).
    const heap = historyChartLines({ pmId: 0, name: 'api', series: { 'metric:Heap Usage': [{ at: now - 20_000, value: 82.16 }] } }, m, { width: 40, rows: 3, ascii: false, now });
    expect(heap.at(-1)?.text).toMatch(/ 82$/);
    // "now" is the list's figure when given (the table's, drawn in the same frame), not the newest sample.
    const withLatest = historyChartLines({ pmId: 0, name: 'api', series: { cpu: samples } }, m, { width: 40, rows: 3, ascii: false, now, latest: { cpu: 42, memory: 0 } });
    expect(withLatest[0]?.text).toContain('now 42%');
  });
});

describe('metric values', () => {
  it('rounds numbers with decimals to one below 10 and none above; whole numbers and other text as they are', () => {
    expect(['82.16', '5.94', '0.04', '-0.01', '1234.5', '3', '12', 'n/a', '1e3'].map(formatMetricValue)).toEqual(['82', '5.9', '0.0', '0.0', '1235', '3', '12', 'n/a', '1e3']);
  });
});

import { describe, expect, it } from 'vitest';
import { HistoryStore, seriesStats } from '../../../src/pm2-bridge/insights/history-store.js';
import { barChart, binPoints, chartScale, sparkline } from '../../../src/tui/format/sparkline.js';

const key = { pmId: 0, name: 'api' };

describe('history store', () => {
  it('keeps raw samples for the raw span and folds older ones into buckets with avg/min/max', () => {
    const store = new HistoryStore({ intervalMs: 1000, rawSpanMs: 10_000, bucketMs: 5_000, coarseSpanMs: 20_000 });
    for (let i = 0; i < 30; i++) store.record(key, i * 1000, { cpu: i, memory: 1000 + i });
    const cpu = store.historyOf(key).series.cpu!;
    const raw = cpu.filter((p) => p.min === undefined);
    expect(raw.map((p) => p.value)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    // 20 samples folded: buckets of 5 s, the coarse span keeps 4 of them.
    expect(cpu.filter((p) => p.min !== undefined)).toEqual([
      { at: 0, value: 2, min: 0, max: 4 },
      { at: 5000, value: 7, min: 5, max: 9 },
      { at: 10_000, value: 12, min: 10, max: 14 },
      { at: 15_000, value: 17, min: 15, max: 19 },
    ]);
    expect(seriesStats(cpu)).toEqual({ min: 0, max: 29, now: 29 });
  });

  it('ignores samples that are not newer, keeps custom metrics up to the bound, forgets services', () => {
    const store = new HistoryStore({ intervalMs: 1000, maxMetricSeries: 1 });
    store.record(key, 1000, { cpu: 1, 'metric:a': 5, 'metric:b': 6 });
    store.record(key, 1000, { cpu: 9 });
    store.record(key, 2000, { cpu: 2 });
    const h = store.historyOf(key);
    expect(h.series.cpu?.map((p) => p.value)).toEqual([1, 2]);
    expect(Object.keys(h.series).sort()).toEqual(['cpu', 'metric:a']);
    store.retain([{ pmId: 0, name: 'other' }]);
    expect(store.historyOf(key).series).toEqual({});
  });

  it('imports history from another holder under its own samples', () => {
    const agent = new HistoryStore({ intervalMs: 1000 });
    for (let i = 0; i < 5; i++) agent.record(key, i * 1000, { cpu: i });
    const monitor = new HistoryStore({ intervalMs: 1000 });
    monitor.record(key, 3000, { cpu: 30 });
    monitor.record(key, 5000, { cpu: 50 });
    monitor.importHistory(JSON.parse(JSON.stringify(agent.exportHistory())));
    expect(monitor.historyOf(key).series.cpu?.map((p) => [p.at, p.value])).toEqual([[0, 0], [1000, 1], [2000, 2], [3000, 30], [5000, 50]]);
  });

  it('stays bounded with 60 services sampled for more than a day at 1 s', () => {
    const store = new HistoryStore({ intervalMs: 1000 });
    const services = Array.from({ length: 60 }, (_, i) => ({ pmId: i, name: `svc-${i}` }));
    const perService = 3600 * 8 + 2 * 3600 * 4 + 2 * 1440 * 56; // times + cpu/memory rings + 24 h of buckets
    let at = 0;
    // 26 h of samples, written quickly: a sample every 20 s of sample time is enough to fill buckets, then 1 h at 1 s.
    for (; at < 25 * 3_600_000; at += 20_000) for (const s of services) store.record(s, at, { cpu: 1, memory: 2 });
    for (let i = 0; i < 3700; i++, at += 1000) for (const s of services) store.record(s, at, { cpu: i % 100, memory: i });
    expect(store.serviceCount).toBe(60);
    expect(store.bytes).toBeLessThanOrEqual(60 * perService);
    const h = store.historyOf(services[0]!);
    expect(h.series.cpu!.length).toBeLessThanOrEqual(3600 + 1440);
    expect(h.series.cpu!.at(-1)).toEqual({ at: at - 1000, value: 3699 % 100 });
  });
});

describe('sparkline', () => {
  it('draws one cell per bin at the sample values, blank where nothing was sampled', () => {
    const points = [0, 1, 2, 3, 4, 5, 6, 7].map((v, i) => ({ at: i * 1000, value: v }));
    const bins = binPoints(points, 10, 1000, 10_000);
    expect(bins).toEqual([0, 1, 2, 3, 4, 5, 6, 7, null, null]);
    const scale = chartScale(bins);
    expect(sparkline(bins, scale, false)).toBe('▁▂▃▄▅▆▇█  ');
    expect(sparkline(bins, scale, true)).toBe('_.,-~=*#  ');
  });

  it('keeps the peak of a bin and draws a chart rows tall', () => {
    const bins = binPoints([{ at: 0, value: 1 }, { at: 500, value: 9 }, { at: 1000, value: 4, max: 8 }], 2, 1000, 2000);
    expect(bins).toEqual([9, 8]);
    expect(barChart([0, 6, 8, null], { lo: 0, hi: 8 }, 2, false)).toEqual([' ▄█ ', '▁██ ']);
    expect(barChart([0, 6, 8, null], { lo: 0, hi: 8 }, 2, true)).toEqual([' :# ', '_## ']);
  });
});

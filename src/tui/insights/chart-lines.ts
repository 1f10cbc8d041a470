// The detail pane's history charts: CPU and memory a few rows tall with min/max/now, a sparkline per custom metric.
import type { InsightsMessages } from '../../i18n/insights.js';
import type { HistoryPoint, SeriesKey, ServiceHistory } from '../../pm2-bridge/types.js';
import type { DetailLine } from '../detail/detail-lines.js';
import { formatBytes } from '../format/bytes.js';
import { formatMetricValue } from '../format/metric-value.js';
import { formatPercent } from '../format/percent.js';
import { barChart, binPoints, chartScale, sparkline } from '../format/sparkline.js';

export interface ChartOptions {
  /** Cells the chart rows may use. */
  width: number;
  rows: number;
  ascii: boolean;
  now: number;
  /** The span a chart covers at most (1 h: the raw history). */
  maxSpanMs?: number;
  /** Custom metrics drawn (one sparkline row each). */
  maxMetrics?: number;
  /** The service's CPU and memory as the list says now (the table's figures); default the newest sample. */
  latest?: { cpu: number; memory: number };
}

/** Cell widths a chart uses: whole steps of the clock, so its cells close at the same times whatever the width. */
const CELL_STEPS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/**
 * The chart's cells: the smallest step of at least 15 s that holds the history (up to `maxSpanMs`) in `cols`
 * cells, ending with the newest closed one, so the chart changes when a cell closes, not with every sample.
 */
export function chartCells(points: readonly HistoryPoint[], cols: number, now: number, maxSpanMs: number): { binMs: number; end: number } {
  const first = points[0]?.at ?? now;
  const span = Math.max(1000, Math.min(maxSpanMs, now + 1 - first));
  const binMs = CELL_STEPS_MS.find((step) => step * cols >= span) ?? Math.ceil(span / cols / 60_000) * 60_000;
  return { binMs, end: Math.floor((now + 1) / binMs) * binMs };
}

function stats(bins: readonly (number | null)[], last: number, format: (n: number) => string, m: InsightsMessages): string {
  const values = bins.filter((b): b is number => b !== null);
  return m.chart.stats(format(Math.min(...values)), format(Math.max(...values)), format(last));
}

export function historyChartLines(history: ServiceHistory, m: InsightsMessages, options: ChartOptions): DetailLine[] {
  const cols = Math.max(8, options.width - 2);
  const maxSpan = options.maxSpanMs ?? 3_600_000;
  const lines: DetailLine[] = [];
  const charts: [SeriesKey, string, (n: number) => string, number | undefined][] = [
    ['cpu', m.chart.cpu, (n) => formatPercent(n), options.latest?.cpu],
    ['memory', m.chart.memory, (n) => formatBytes(n), options.latest?.memory],
  ];
  for (const [key, label, format, latest] of charts) {
    const points = history.series[key];
    if (!points || points.length === 0) continue;
    const { binMs, end } = chartCells(points, cols, options.now, maxSpan);
    const bins = binPoints(points, cols, binMs, end);
    if (bins.every((b) => b === null)) continue;
    const scale = chartScale(bins, key === 'cpu' ? 1 : 0);
    lines.push({ label, text: `${stats(bins, latest ?? points[points.length - 1]!.value, format, m)}  ${m.chart.span(Math.max(1, Math.round((binMs * cols) / 60_000)))}`, tone: null });
    for (const row of barChart(bins, scale, options.rows, options.ascii)) lines.push({ label: null, text: row, tone: 'cyan' });
  }
  const metrics = (Object.keys(history.series) as SeriesKey[]).filter((k) => k.startsWith('metric:')).slice(0, options.maxMetrics ?? 4);
  for (const key of metrics) {
    const points = history.series[key]!;
    const metricCols = Math.max(8, cols - 24);
    const { binMs, end } = chartCells(points, metricCols, options.now, maxSpan);
    const bins = binPoints(points, metricCols, binMs, end);
    if (bins.every((b) => b === null)) continue;
    lines.push({ label: key.slice('metric:'.length), text: `${sparkline(bins, chartScale(bins), options.ascii)} ${formatMetricValue(String(points[points.length - 1]!.value))}`, tone: null });
  }
  return lines;
}

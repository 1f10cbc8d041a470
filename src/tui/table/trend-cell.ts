// The table's trend column: a service's recent CPU as a sparkline, TREND_WIDTH cells of TREND_BIN_MS each.
import type { HistoryPoint, InsightsSource } from '../../pm2-bridge/types.js';
import { binPoints, chartScale, sparkline } from '../format/sparkline.js';
import { TREND_WIDTH } from './fit-columns.js';

/** 15 s a cell: the column covers the last two minutes. */
export const TREND_BIN_MS = 15_000;

/**
 * The end of the newest closed cell at `now`: cells are whole 15 s of the clock, and the one still filling is not
 * drawn, so the column changes only when a cell closes (not with every sample).
 */
export function trendEnd(now: number): number {
  return Math.floor(now / TREND_BIN_MS) * TREND_BIN_MS;
}

/** The end of the newest closed cell the column draws at the whole second `at` (the monitor's clock). */
export function trendEndAt(at: number): number {
  return trendEnd(at + 1000);
}

/** CPU points (percent) as the column's text; scaled to the largest shown, at least 1% (idle stays at the floor). */
export function trendText(points: readonly HistoryPoint[], now: number, ascii: boolean): string {
  const bins = binPoints(points, TREND_WIDTH, TREND_BIN_MS, trendEnd(now));
  return sparkline(bins, chartScale(bins, 1), ascii);
}

/**
 * The trend column's text of each service from the insights history, as at `end` (trendEndAt): each service's worked
 * out once, on first ask. hooks/use-cpu-trend.ts makes one per closed cell; the start screen one for its frame.
 */
export function trendTexts(insights: Pick<InsightsSource, 'historyOf'>, end: number, ascii: boolean): (service: { pmId: number; name: string }) => string {
  const texts = new Map<string, string>();
  return (service) => {
    const id = `${service.pmId}\u0000${service.name}`;
    let text = texts.get(id);
    if (text === undefined) texts.set(id, (text = trendText(insights.historyOf(service).series.cpu ?? [], end, ascii)));
    return text;
  };
}

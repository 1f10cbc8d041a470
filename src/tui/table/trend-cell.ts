// The table's trend column: a service's recent CPU as a sparkline, TREND_WIDTH cells of TREND_BIN_MS each.
import type { HistoryPoint } from '../../pm2-bridge/types.js';
import { binPoints, chartScale, sparkline } from '../format/sparkline.js';
import { TREND_WIDTH } from './fit-columns.js';

/** 15 s a cell: the column covers the last two minutes. */
export const TREND_BIN_MS = 15_000;

/** CPU points (percent) as the column's text; scaled to the largest shown, at least 1% (idle stays at the floor). */
export function trendText(points: readonly HistoryPoint[], now: number, ascii: boolean): string {
  const bins = binPoints(points, TREND_WIDTH, TREND_BIN_MS, now);
  return sparkline(bins, chartScale(bins, 1), ascii);
}

import { useMemo } from 'react';
import type { InsightsSource } from '../../pm2-bridge/types.js';
import { trendText } from '../table/trend-cell.js';

/** The table's CPU trend column: a service's sparkline from the insights history (none without insights). */
export function useCpuTrend(insights: InsightsSource | undefined, at: number, ascii: boolean): ((service: { pmId: number; name: string }) => string) | undefined {
  return useMemo(() => (insights ? (service: { pmId: number; name: string }) => trendText(insights.historyOf(service).series.cpu ?? [], at + 1000, ascii) : undefined), [insights, at, ascii]);
}

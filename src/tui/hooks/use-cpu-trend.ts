import { useMemo } from 'react';
import type { InsightsSource } from '../../pm2-bridge/types.js';
import { trendEndAt, trendTexts } from '../table/trend-cell.js';

type ServiceKey = { pmId: number; name: string };

/**
 * The table's CPU trend column: a service's sparkline from the insights history (none without insights). Its
 * cells close every 15 s, so each service's text is worked out once per closed cell, not on every render.
 */
export function useCpuTrend(insights: InsightsSource | undefined, at: number, ascii: boolean): ((service: ServiceKey) => string) | undefined {
  const end = trendEndAt(at);
  return useMemo(() => (insights ? trendTexts(insights, end, ascii) : undefined), [insights, end, ascii]);
}

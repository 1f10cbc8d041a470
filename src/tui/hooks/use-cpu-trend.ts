import { useMemo } from 'react';
import type { InsightsSource } from '../../pm2-bridge/types.js';
import { trendEnd, trendText } from '../table/trend-cell.js';

type ServiceKey = { pmId: number; name: string };

/**
 * The table's CPU trend column: a service's sparkline from the insights history (none without insights). Its
 * cells close every 15 s, so each service's text is worked out once per closed cell, not on every render.
 */
export function useCpuTrend(insights: InsightsSource | undefined, at: number, ascii: boolean): ((service: ServiceKey) => string) | undefined {
  const end = trendEnd(at + 1000);
  return useMemo(() => {
    if (!insights) return undefined;
    const texts = new Map<string, string>();
    return (service: ServiceKey) => {
      const id = `${service.pmId}\u0000${service.name}`;
      let text = texts.get(id);
      if (text === undefined) texts.set(id, (text = trendText(insights.historyOf(service).series.cpu ?? [], end, ascii)));
      return text;
    };
  }, [insights, end, ascii]);
}

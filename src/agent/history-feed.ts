// The monitor's side of the hand-over: a HistoryFeed that reads GET /history of a running agent, so a monitor
// started later can merge the agent's past into its own history (HistoryStore.importHistory). What comes back is
// checked field by field; anything malformed is dropped, and a feed that cannot be reached gives null.
import type { HistoryExport, HistoryFeed, HistoryPoint, SeriesKey, ServiceHistory } from '../pm2-bridge/types.js';

export interface AgentFeedOptions {
  /** The agent's base URL, e.g. http://127.0.0.1:9209 */
  url: string;
  apiKey?: string | null;
  timeoutMs?: number;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function points(raw: unknown): HistoryPoint[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p: unknown) => {
    const r = p as Partial<HistoryPoint> | null;
    if (!r || !isNumber(r.at) || !isNumber(r.value)) return [];
    const point: HistoryPoint = { at: r.at, value: r.value };
    if (isNumber(r.min)) point.min = r.min;
    if (isNumber(r.max)) point.max = r.max;
    return [point];
  });
}

/** A checked HistoryExport from untrusted JSON, or null when it is not one. */
export function toHistoryExport(json: unknown): HistoryExport | null {
  const raw = json as Partial<HistoryExport> | null;
  if (!raw || raw.version !== 1 || !isNumber(raw.intervalMs) || !Array.isArray(raw.services)) return null;
  const services: ServiceHistory[] = [];
  for (const s of raw.services as unknown[]) {
    const r = s as Partial<ServiceHistory> | null;
    if (!r || !isNumber(r.pmId) || typeof r.name !== 'string' || !r.series || typeof r.series !== 'object') continue;
    const series: ServiceHistory['series'] = {};
    for (const [key, value] of Object.entries(r.series)) {
      if (key !== 'cpu' && key !== 'memory' && !key.startsWith('metric:')) continue;
      const checked = points(value);
      if (checked.length > 0) series[key as SeriesKey] = checked;
    }
    services.push({ pmId: r.pmId, name: r.name, series });
  }
  return { version: 1, intervalMs: raw.intervalMs, services };
}

export function createAgentHistoryFeed(options: AgentFeedOptions): HistoryFeed {
  const base = options.url.replace(/\/+$/, '');
  return {
    async fetchHistory() {
      try {
        const res = await fetch(`${base}/history`, {
          headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
          signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
        });
        if (!res.ok) return null;
        return toHistoryExport(await res.json());
      } catch {
        return null;
      }
    },
  };
}

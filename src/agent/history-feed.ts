// The monitor's side of the hand-over: a HistoryFeed that reads GET /history of a running agent, so a monitor
// started later can merge the agent's past into its own history (HistoryStore.importHistory). What comes back is
// checked field by field; anything malformed is dropped, and a feed that cannot be reached gives null.
import type { ClientRequest, IncomingMessage } from 'node:http';
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

/**
 * GET <url>/history with node:http, not the global fetch(): the first fetch() loads undici, ~100 ms on the main
 * thread of a monitor that is starting. Null when nothing answers within the timeout (the whole exchange, body
 * included), on a status other than 2xx, or on a body that is not a history export.
 */
export function createAgentHistoryFeed(options: AgentFeedOptions): HistoryFeed {
  const url = `${options.url.replace(/\/+$/, '')}/history`;
  const headers: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
  const timeoutMs = options.timeoutMs ?? 3000;
  return {
    async fetchHistory() {
      // https for an agent on another host (--agent: plain http is for this machine only).
      const { get } = url.startsWith('https:') ? await import('node:https') : await import('node:http');
      return new Promise<HistoryExport | null>((resolve) => {
        let request: ClientRequest | undefined;
        const finish = (value: HistoryExport | null) => {
          clearTimeout(timer);
          request?.destroy();
          resolve(value); // a second call is a no-op
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        timer.unref();
        const onResponse = (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) return finish(null);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => finish(null));
          res.on('end', () => finish(parseHistory(Buffer.concat(chunks))));
        };
        try {
          request = get(url, { headers }, onResponse);
          request.on('error', () => finish(null));
        } catch {
          finish(null); // not an http: URL
        }
      });
    },
  };
}

function parseHistory(body: Buffer): HistoryExport | null {
  try {
    return toHistoryExport(JSON.parse(body.toString('utf8')));
  } catch {
    return null;
  }
}

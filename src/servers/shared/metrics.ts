// Counters one server keeps about itself: one ServerMetrics per service (ServiceDefinition.metrics), passed to the
// HTTP kit, the upstream client and /health. run.ts publishes them to PM2 (tx2 custom metrics, pm2-metrics.ts), so
// `pm2 show`, `pm2 monit` and gakuco-monit display them; tests read them from the service.

const WINDOW_MS = 60_000;
/** How long one internal tool error keeps /health at "degraded". */
export const INTERNAL_ERROR_DEGRADES_MS = 15 * 60_000;

export interface InternalErrorRecord {
  tool: string;
  error: string;
  at: number;
}

/** Samples of the last minute: how many, and their mean. */
class MinuteWindow {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  add(now: number, value = 0): void {
    this.times.push(now);
    this.values.push(value);
    this.trim(now);
  }

  count(now: number): number {
    this.trim(now);
    return this.times.length;
  }

  mean(now: number): number | null {
    this.trim(now);
    if (this.values.length === 0) return null;
    return this.values.reduce((sum, value) => sum + value, 0) / this.values.length;
  }

  private trim(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - WINDOW_MS) drop += 1;
    if (drop > 0) {
      this.times.splice(0, drop);
      this.values.splice(0, drop);
    }
  }
}

export class ServerMetrics {
  openSessions = 0;
  toolErrors = 0;
  /** Tool calls that failed for a reason inside the server (internal-error.ts); also counted in toolErrors. */
  internalErrors = 0;
  lastInternalError: InternalErrorRecord | null = null;
  /** Requests refused by the rate limit (HTTP 429). */
  rateLimited = 0;
  private readonly requests = new MinuteWindow();
  private readonly toolCalls = new MinuteWindow();
  private readonly toolFailures = new MinuteWindow();
  private readonly upstreamCalls = new MinuteWindow();
  private lastUpstreamMs: number | null = null;

  request(now = Date.now()): void {
    this.requests.add(now);
  }

  /** One tools/call answered (its result sent), failed or not. */
  toolCall(now = Date.now()): void {
    this.toolCalls.add(now);
  }

  /** One failed tool result (isError) sent: the tools' own, and the SDK's (invalid arguments, unknown tool). */
  toolError(now = Date.now()): void {
    this.toolErrors += 1;
    this.toolFailures.add(now);
  }

  internalError(tool: string, error: string, now = Date.now()): void {
    this.internalErrors += 1;
    this.lastInternalError = { tool, error, at: now };
  }

  /** The last internal error while it still counts against /health, else null. */
  recentInternalError(now = Date.now()): InternalErrorRecord | null {
    const last = this.lastInternalError;
    return last !== null && now - last.at < INTERNAL_ERROR_DEGRADES_MS ? last : null;
  }

  rateLimitRefusal(): void {
    this.rateLimited += 1;
  }

  /** One upstream attempt took `ms` (failures included). */
  upstreamLatency(ms: number, now = Date.now()): void {
    this.lastUpstreamMs = ms;
    this.upstreamCalls.add(now, ms);
  }

  requestsPerMinute(now = Date.now()): number {
    return this.requests.count(now);
  }

  toolCallsPerMinute(now = Date.now()): number {
    return this.toolCalls.count(now);
  }

  toolFailuresPerMinute(now = Date.now()): number {
    return this.toolFailures.count(now);
  }

  /** The last upstream attempt's latency, null before the first. */
  upstreamMs(): number | null {
    return this.lastUpstreamMs;
  }

  /** The mean upstream latency of the last minute (whole ms), null when there was no upstream call in it. */
  upstreamMeanMs(now = Date.now()): number | null {
    const mean = this.upstreamCalls.mean(now);
    return mean === null ? null : Math.round(mean);
  }
}

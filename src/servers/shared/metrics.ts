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

export class ServerMetrics {
  openSessions = 0;
  toolErrors = 0;
  /** Tool calls that failed for a reason inside the server (internal-error.ts); also counted in toolErrors. */
  internalErrors = 0;
  lastInternalError: InternalErrorRecord | null = null;
  /** Requests refused by the rate limit (HTTP 429). */
  rateLimited = 0;
  private requestTimes: number[] = [];
  private lastUpstreamMs: number | null = null;

  request(now = Date.now()): void {
    this.requestTimes.push(now);
    this.trim(now);
  }

  /** One failed tool result (isError) sent: the tools' own, and the SDK's (invalid arguments, unknown tool). */
  toolError(): void {
    this.toolErrors += 1;
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

  upstreamLatency(ms: number): void {
    this.lastUpstreamMs = ms;
  }

  requestsPerMinute(now = Date.now()): number {
    this.trim(now);
    return this.requestTimes.length;
  }

  upstreamMs(): number | null {
    return this.lastUpstreamMs;
  }

  private trim(now: number): void {
    let drop = 0;
    while (drop < this.requestTimes.length && this.requestTimes[drop]! <= now - WINDOW_MS) drop += 1;
    if (drop > 0) this.requestTimes.splice(0, drop);
  }
}


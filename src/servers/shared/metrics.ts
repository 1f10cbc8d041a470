// Counters the servers keep about themselves. The HTTP kit publishes them to PM2 (tx2 custom metrics), so
// `pm2 show`, `pm2 monit` and gakuco-monit display them; tests read them directly.

const WINDOW_MS = 60_000;

class ServerMetrics {
  openSessions = 0;
  toolErrors = 0;
  private requestTimes: number[] = [];
  private lastUpstreamMs: number | null = null;

  request(now = Date.now()): void {
    this.requestTimes.push(now);
    this.trim(now);
  }

  toolError(): void {
    this.toolErrors += 1;
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

export const serverMetrics = new ServerMetrics();

// Tool-call rate limit per API key: a token bucket (rate per second, burst), refilled continuously. A refused call
// is told how long until a token is there (Retry-After), never made to wait. Buckets live in the process: with N
// cluster workers each keeps its own, so the whole server allows up to N times the rate.

export interface RateLimitOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: calls allowed at once after a quiet spell. */
  burst: number;
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets not touched for this long are full again and are forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes `cost` tokens from the bucket of `key`, or says when they will be there. */
  take(key: string, cost = 1): RateDecision {
    const now = this.now();
    const { ratePerSecond, burst } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 1000) this.forgetIdle(now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) / ratePerSecond) * 1000) };
  }

  private forgetIdle(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at > FORGET_AFTER_MS) this.buckets.delete(key);
  }
}

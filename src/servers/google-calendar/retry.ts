// Pure retry arithmetic: how long to wait before the next attempt at an upstream call.

/** Exponential backoff: base, 2x base, 4x base, ... for attempt 1, 2, 3 ... */
export function backoffDelay(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

export interface RetryDecision {
  retry: boolean;
  waitMs: number;
}

/**
 * Whether to try again after a retryable failure. A Retry-After longer than `maxWaitMs` is not waited out:
 * the caller reports when to retry instead.
 */
export function decideRetry(options: {
  attempt: number;
  maxRetries: number;
  retryAfterMs: number | undefined;
  baseDelayMs: number;
  maxWaitMs: number;
}): RetryDecision {
  const waitMs = options.retryAfterMs ?? backoffDelay(options.attempt, options.baseDelayMs);
  if (options.attempt > options.maxRetries || waitMs > options.maxWaitMs) return { retry: false, waitMs };
  return { retry: true, waitMs };
}

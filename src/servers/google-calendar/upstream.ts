// Every Calendar API call goes through here: one timeout per attempt (token refresh included), retries with
// backoff for rate limits (honouring Retry-After) and, for calls safe to repeat, server errors; the latency
// of each attempt goes to the server metrics. Failures come out as UpstreamError, never as raw client errors.
import type { calendar_v3, MethodOptions } from '@googleapis/calendar';
import type { ServerMetrics } from '../shared/metrics.js';
import type { UpstreamStatus } from '../shared/service.js';
import { createAuthClient } from './auth.js';
import type { CalendarConfig } from './config.js';
import { loadGoogleCalendar } from './google-module.js';
import {
  InvalidAnswerError,
  UpstreamError,
  UpstreamTimeoutError,
  classifyUpstreamError,
  isRetryable,
  retryAfterHeader,
} from './errors.js';
import { boundedFetch } from '../shared/bounded-fetch.js';
import { decideRetry } from './retry.js';
import { parseRetryAfter } from '../shared/retry-after.js';
import { isInternalError } from '../shared/internal-error.js';

export type CalendarApi = calendar_v3.Calendar;
export type CalendarRequest<T> = (api: CalendarApi, options: MethodOptions) => Promise<{ data: T }>;

export interface CallOptions {
  /** False for calls that must not be repeated after a server error (creating an event). Default true. */
  idempotent?: boolean;
}

export interface CalendarUpstream {
  status(): UpstreamStatus;
  /** What is wrong with the credentials beyond missing names (an unreadable file), if anything. */
  problem(): string | undefined;
  call<T>(operation: string, request: CalendarRequest<T>, options?: CallOptions): Promise<T>;
}

export class MissingCredentialsError extends Error {
  constructor() {
    super('Google Calendar credentials are not configured');
    this.name = 'MissingCredentialsError';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt<T>(
  api: CalendarApi,
  request: CalendarRequest<T>,
  timeoutMs: number,
  fetchImplementation: typeof fetch,
  metrics: ServerMetrics,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UpstreamTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  const started = performance.now();
  try {
    // retry: false because the retry policy is ours (gaxios would retry 429 without reading Retry-After).
    // fetchImplementation: the global fetch with the body limit (gaxios would buffer any size with node-fetch).
    const response = await Promise.race([
      request(api, { retry: false, timeout: timeoutMs, signal: controller.signal, fetchImplementation }),
      timeout,
    ]);
    // gaxios hands back the raw text when a JSON answer does not parse; only a 204's empty body is a string here.
    if (typeof response.data === 'string' && response.data !== '') throw new InvalidAnswerError();
    return response.data;
  } finally {
    clearTimeout(timer);
    metrics.upstreamLatency(Math.round(performance.now() - started));
  }
}

export function createCalendarUpstream(config: CalendarConfig, metrics: ServerMetrics): CalendarUpstream {
  const credentials = config.credentials;
  const fetchImplementation = boundedFetch(config.maxResponseBytes);
  let api: Promise<CalendarApi> | undefined;
  const calendarApi = (): Promise<CalendarApi> => {
    api ??= loadGoogleCalendar().then((google) => {
      const authClient = createAuthClient(config, google);
      if (!authClient) throw new MissingCredentialsError();
      return google.calendar({ version: 'v3', auth: authClient, ...(config.apiRootUrl ? { rootUrl: config.apiRootUrl } : {}) });
    });
    return api;
  };

  return {
    status: () =>
      credentials.kind === 'none' ? { configured: false, missing: credentials.missing } : { configured: true, missing: [] },
    problem: () => (credentials.kind === 'none' ? credentials.problem : undefined),
    async call<T>(operation: string, request: CalendarRequest<T>, options: CallOptions = {}): Promise<T> {
      if (credentials.kind === 'none') throw new MissingCredentialsError();
      const client = await calendarApi();
      const idempotent = options.idempotent ?? true;
      for (let attemptNo = 1; ; attemptNo += 1) {
        try {
          return await attempt(client, request, config.timeoutMs, fetchImplementation, metrics);
        } catch (err) {
          // A bug in a request callback is not an upstream failure: it goes out as it is (context.ts).
          if (isInternalError(err)) throw err;
          const retryAfterMs = parseRetryAfter(retryAfterHeader(err));
          const failure = classifyUpstreamError(err, retryAfterMs);
          if (!isRetryable(failure, idempotent)) throw new UpstreamError(failure, operation);
          const decision = decideRetry({
            attempt: attemptNo,
            maxRetries: config.maxRetries,
            retryAfterMs,
            baseDelayMs: config.retryBaseDelayMs,
            maxWaitMs: config.maxRetryWaitMs,
          });
          if (!decision.retry) throw new UpstreamError(failure, operation);
          await sleep(decision.waitMs);
        }
      }
    },
  };
}

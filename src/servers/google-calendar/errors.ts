// Upstream failures in words a model (and its user) can act on. Classification reads the Google client's
// errors (gaxios: status, response data, network codes); the text never carries a token or a secret.
import { restartCommand } from '../shared/env-file.js';
import { formatLimit, tooLargeCause } from '../shared/bounded-fetch.js';
import { redactSecrets } from '../shared/redact-secrets.js';
import { headerValue } from '../shared/retry-after.js';

export type UpstreamFailure =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'auth'; reason: string }
  | { kind: 'forbidden'; reason?: string; detail?: string }
  | { kind: 'not-found' }
  | { kind: 'gone' }
  | { kind: 'bad-request'; detail?: string }
  | { kind: 'conflict'; detail?: string }
  | { kind: 'server'; status: number }
  | { kind: 'network'; code: string }
  | { kind: 'too-large'; limitBytes: number }
  | { kind: 'invalid-answer' }
  | { kind: 'unknown'; detail: string };

/** Thrown by the upstream runner once it gives up; tools turn it into an isError result. */
export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    readonly operation: string,
  ) {
    super(`${operation}: ${failure.kind}`);
    this.name = 'UpstreamError';
  }
}

/** Google answered 2xx with a body that is not the JSON asked for (cut off or garbled): never an empty success. */
export class InvalidAnswerError extends Error {
  constructor() {
    super('the answer is not valid JSON');
    this.name = 'InvalidAnswerError';
  }
}

export class UpstreamTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'UpstreamTimeoutError';
  }
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** An upstream message as it may be shown: token-shaped text masked (shared/redact-secrets.ts), the length bounded. */
export function shownDetail(text: string): string {
  return redactSecrets(text).slice(0, 400);
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  response?: { status?: unknown; data?: unknown; headers?: unknown };
}

/** The Retry-After header of an error's response, if any. */
export function retryAfterHeader(err: unknown): string | undefined {
  return headerValue((err as ErrorLike | undefined)?.response?.headers, 'retry-after');
}

interface GoogleErrorBody {
  error?: string | { code?: number; message?: string; status?: string; errors?: { reason?: string; message?: string }[] };
  error_description?: string;
}

function networkCode(err: ErrorLike): string | undefined {
  for (let current: ErrorLike | undefined = err, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) return current.code;
    current = current.cause as ErrorLike | undefined;
  }
  const message = typeof err.message === 'string' ? err.message : '';
  if (/fetch failed|socket hang up|network/i.test(message)) return 'network error';
  return undefined;
}

export function classifyUpstreamError(err: unknown, retryAfterMs?: number): UpstreamFailure {
  if (err instanceof UpstreamTimeoutError) return { kind: 'timeout', timeoutMs: err.timeoutMs };
  if (err instanceof InvalidAnswerError) return { kind: 'invalid-answer' };
  const tooLarge = tooLargeCause(err);
  if (tooLarge) return { kind: 'too-large', limitBytes: tooLarge.limitBytes };
  const e = (err ?? {}) as ErrorLike;
  const rawStatus = e.response?.status ?? e.status;
  const status = typeof rawStatus === 'number' ? rawStatus : Number(rawStatus) || undefined;
  const body = (e.response?.data ?? {}) as GoogleErrorBody;
  const oauthError = typeof body.error === 'string' ? body.error : undefined;
  const apiError = typeof body.error === 'object' && body.error !== null ? body.error : undefined;
  const reason = apiError?.errors?.[0]?.reason ?? apiError?.status;
  const detail = apiError?.message ? shownDetail(apiError.message) : undefined;

  if (oauthError) return { kind: 'auth', reason: oauthError };
  if (status === undefined) {
    const code = networkCode(e);
    if (code) return { kind: 'network', code };
    if (typeof e.message === 'string' && /refresh token|No access|invalid_grant/i.test(e.message)) {
      return { kind: 'auth', reason: 'no usable token' };
    }
    return { kind: 'unknown', detail: shownDetail(typeof e.message === 'string' ? e.message : String(err)) };
  }
  if (status === 429 || (status === 403 && reason && RATE_LIMIT_REASONS.has(reason))) {
    return retryAfterMs === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterMs };
  }
  if (status === 401) return { kind: 'auth', reason: reason ?? 'unauthorized' };
  if (status === 403) {
    return { kind: 'forbidden', ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) };
  }
  if (status === 404) return { kind: 'not-found' };
  if (status === 410) return { kind: 'gone' };
  if (status === 409) return detail ? { kind: 'conflict', detail } : { kind: 'conflict' };
  if (status === 400) return detail ? { kind: 'bad-request', detail } : { kind: 'bad-request' };
  if (status >= 500) return { kind: 'server', status };
  return { kind: 'unknown', detail: `HTTP ${status}${detail ? `: ${detail}` : ''}` };
}

/** Whether another attempt may succeed: rate limits always; server errors only when the call is safe to repeat. */
export function isRetryable(failure: UpstreamFailure, idempotent: boolean): boolean {
  if (failure.kind === 'rate-limited') return true;
  return failure.kind === 'server' && idempotent;
}

function clock(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const REAUTHORIZE =
  'Run `npm run auth:google` again (it stores a new refresh token), or put a valid GOOGLE_REFRESH_TOKEN in the env file ' +
  `(MCP_ENV_FILE, default ~/.config/gakuco-monit/mcp.env), then restart the server: \`${restartCommand('google-calendar-mcp')}\` in the project directory.`;

export function describeFailure(failure: UpstreamFailure, operation: string, now = new Date()): string {
  const prefix = `Google Calendar ${operation} failed:`;
  switch (failure.kind) {
    case 'timeout':
      return `${prefix} no answer within ${failure.timeoutMs / 1000} s. Google or the network is slow; try again shortly.`;
    case 'rate-limited': {
      if (failure.retryAfterMs === undefined) {
        return `${prefix} rate limited by Google (429) and still limited after retries. Retry in a minute or two.`;
      }
      const seconds = Math.ceil(failure.retryAfterMs / 1000);
      return `${prefix} rate limited by Google (429). Retry after ${seconds} s (at ${clock(new Date(now.getTime() + failure.retryAfterMs))}).`;
    }
    case 'auth':
      return `${prefix} the token is invalid or expired (${failure.reason}). ${REAUTHORIZE}`;
    case 'forbidden':
      if (failure.reason && /scope|insufficientPermissions/i.test(failure.reason)) {
        return `${prefix} permission denied: the token lacks the Calendar scope. ${REAUTHORIZE}`;
      }
      return `${prefix} permission denied: this account may only read that calendar, or it is not shared with it${failure.detail ? ` (Google: ${failure.detail})` : ''}. Ask the owner to share it with change rights, or use another calendar.`;
    case 'not-found':
      return `${prefix} not found or not shared with this account. Check the calendar id (calendar_list_calendars) and the event id (calendar_list_events).`;
    case 'gone':
      return `${prefix} the event was deleted.`;
    case 'bad-request':
      return `${prefix} Google rejected the request${failure.detail ? `: ${failure.detail}` : ''}. Fix the arguments and try again.`;
    case 'conflict':
      return `${prefix} conflict${failure.detail ? `: ${failure.detail}` : ''} (an event with that id may already exist).`;
    case 'server':
      return `${prefix} Google answered HTTP ${failure.status}, a problem on its side. Try again in a minute.`;
    case 'network':
      return `${prefix} cannot reach Google (${failure.code}). Check the network connection of the machine running the server.`;
    case 'too-large':
      return `${prefix} Google's answer is larger than the limit of ${formatLimit(failure.limitBytes)} (MCP_UPSTREAM_MAX_BYTES), so it was cut off and not used. Ask for less: a shorter time range, fewer calendars or a smaller maxResults.`;
    case 'invalid-answer':
      return `${prefix} Google's answer is not valid JSON (cut off or garbled on the way), so nothing of it was used. Try again.`;
    case 'unknown':
      return `${prefix} ${failure.detail}`;
  }
}

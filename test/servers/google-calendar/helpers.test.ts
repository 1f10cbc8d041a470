// Unit tests of the small pure modules: retry arithmetic, error classification and wording, the event view,
// free/busy intervals, the multi-calendar cursor.
import { describe, expect, it } from 'vitest';
import { freeGaps, mergeBusy } from '../../../src/servers/google-calendar/busy.js';
import {
  UpstreamTimeoutError,
  classifyUpstreamError,
  describeFailure,
  isRetryable,
  shownDetail,
} from '../../../src/servers/google-calendar/errors.js';
import { compactCalendar, compactEvent } from '../../../src/servers/google-calendar/event-view.js';
import { decodeCursor, encodeCursor } from '../../../src/servers/google-calendar/pagination.js';
import { backoffDelay, decideRetry } from '../../../src/servers/google-calendar/retry.js';
import { parseRetryAfter } from '../../../src/servers/shared/retry-after.js';

describe('retry', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sat, 31 May 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially, honours Retry-After, stops at the limits', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 100))).toEqual([100, 200, 400]);
    const base = { maxRetries: 2, baseDelayMs: 100, maxWaitMs: 5000 };
    expect(decideRetry({ ...base, attempt: 1, retryAfterMs: undefined })).toEqual({ retry: true, waitMs: 100 });
    expect(decideRetry({ ...base, attempt: 1, retryAfterMs: 3000 })).toEqual({ retry: true, waitMs: 3000 });
    expect(decideRetry({ ...base, attempt: 1, retryAfterMs: 60_000 }).retry).toBe(false);
    expect(decideRetry({ ...base, attempt: 3, retryAfterMs: undefined }).retry).toBe(false);
  });
});

describe('errors', () => {
  const gaxiosLike = (status: number, data: unknown) => ({ message: 'x', response: { status, data, headers: new Headers() } });

  it('classifies Google and OAuth answers', () => {
    expect(classifyUpstreamError(gaxiosLike(400, { error: 'invalid_grant', error_description: 'revoked' }))).toEqual({
      kind: 'auth',
      reason: 'invalid_grant',
    });
    expect(classifyUpstreamError(gaxiosLike(429, {}), 5000)).toEqual({ kind: 'rate-limited', retryAfterMs: 5000 });
    expect(
      classifyUpstreamError(gaxiosLike(403, { error: { code: 403, message: 'x', errors: [{ reason: 'userRateLimitExceeded' }] } })),
    ).toEqual({ kind: 'rate-limited' });
    expect(classifyUpstreamError(gaxiosLike(403, { error: { message: 'No access', errors: [{ reason: 'forbidden' }] } }))).toEqual({
      kind: 'forbidden',
      reason: 'forbidden',
      detail: 'No access',
    });
    expect(classifyUpstreamError(gaxiosLike(404, {}))).toEqual({ kind: 'not-found' });
    expect(classifyUpstreamError(gaxiosLike(410, {}))).toEqual({ kind: 'gone' });
    expect(classifyUpstreamError(gaxiosLike(502, {}))).toEqual({ kind: 'server', status: 502 });
    expect(classifyUpstreamError(new UpstreamTimeoutError(1500))).toEqual({ kind: 'timeout', timeoutMs: 1500 });
    const refused = Object.assign(new Error('request failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(classifyUpstreamError(refused)).toEqual({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('retries rate limits always and server errors only when safe', () => {
    expect(isRetryable({ kind: 'rate-limited' }, false)).toBe(true);
    expect(isRetryable({ kind: 'server', status: 503 }, true)).toBe(true);
    expect(isRetryable({ kind: 'server', status: 503 }, false)).toBe(false);
    expect(isRetryable({ kind: 'not-found' }, true)).toBe(false);
  });

  it('words failures with what to do', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(describeFailure({ kind: 'rate-limited', retryAfterMs: 90_500 }, 'list events', now)).toBe(
      'Google Calendar list events failed: rate limited by Google (429). Retry after 91 s (at 2025-06-01T00:01:30Z).',
    );
    expect(describeFailure({ kind: 'forbidden', reason: 'insufficientPermissions' }, 'x')).toMatch(/lacks the Calendar scope.*auth:google/);
    expect(describeFailure({ kind: 'not-found' }, 'get event')).toMatch(/not found or not shared/);
  });

  it('masks tokens, keys and secrets in upstream text', () => {
    const text = shownDetail(
      'got ya29.a0AfH6SMB-xyz and 1//0gLongRefreshToken123 Bearer abc.def refresh_token=zzz "client_secret": "shh" -----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----',
    );
    for (const secret of ['ya29', '0gLongRefreshToken', 'abc.def', 'zzz', 'shh', 'MII']) expect(text).not.toContain(secret);
    expect(shownDetail('x'.repeat(1000))).toHaveLength(400);
  });
});

describe('event view', () => {
  it('keeps what a model needs and marks my response', () => {
    const view = compactEvent({
      id: 'e1_20250601T010000Z',
      recurringEventId: 'e1',
      summary: 'Sync',
      start: { dateTime: '2025-06-01T10:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-01T10:30:00+09:00' },
      description: 'd'.repeat(500),
      attendees: [
        { email: 'me@example.com', self: true, responseStatus: 'tentative' },
        { email: 'x@example.com', displayName: 'X', optional: true },
      ],
      etag: '"123"',
      kind: 'calendar#event',
      conferenceData: { entryPoints: [{ entryPointType: 'video', uri: 'https://meet.example/abc' }] },
    });
    expect(view).toMatchObject({
      id: 'e1_20250601T010000Z',
      seriesId: 'e1',
      allDay: false,
      timeZone: 'Asia/Tokyo',
      myResponse: 'tentative',
      conference: 'https://meet.example/abc',
      attendees: [
        { email: 'me@example.com', response: 'tentative', self: true },
        { email: 'x@example.com', name: 'X', response: 'needsAction', optional: true },
      ],
    });
    expect(view.description).toHaveLength(300);
    expect(view).not.toHaveProperty('etag');
    expect(compactEvent({ id: 'a', start: { date: '2025-06-01' } })).toMatchObject({ summary: '(no title)', allDay: true });
    expect(compactCalendar({ id: 'c', summary: 'Orig', summaryOverride: 'Mine', accessRole: 'reader' })).toEqual({
      id: 'c',
      summary: 'Mine',
      accessRole: 'reader',
    });
  });
});

describe('free/busy intervals', () => {
  it('merges overlapping blocks and finds gaps of a minimum length', () => {
    const busy = mergeBusy([
      { start: '2025-06-03T03:00:00Z', end: '2025-06-03T04:00:00Z' },
      { start: '2025-06-03T00:00:00Z', end: '2025-06-03T01:00:00Z' },
      { start: '2025-06-03T00:30:00Z', end: '2025-06-03T02:00:00Z' },
      { start: '2025-06-03T02:10:00Z', end: '2025-06-03T02:20:00Z' },
    ]);
    expect(busy.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()])).toEqual([
      ['2025-06-03T00:00:00.000Z', '2025-06-03T02:00:00.000Z'],
      ['2025-06-03T02:10:00.000Z', '2025-06-03T02:20:00.000Z'],
      ['2025-06-03T03:00:00.000Z', '2025-06-03T04:00:00.000Z'],
    ]);
    const from = Date.parse('2025-06-02T23:00:00Z');
    const to = Date.parse('2025-06-03T05:00:00Z');
    const gaps = freeGaps(busy, from, to, 30).map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);
    expect(gaps).toEqual([
      ['2025-06-02T23:00:00.000Z', '2025-06-03T00:00:00.000Z'],
      ['2025-06-03T02:20:00.000Z', '2025-06-03T03:00:00.000Z'],
      ['2025-06-03T04:00:00.000Z', '2025-06-03T05:00:00.000Z'],
    ]);
    expect(freeGaps([], from, to)).toEqual([{ start: from, end: to }]);
  });
});

describe('cursor', () => {
  it('packs per-calendar page tokens and refuses foreign cursors', () => {
    const cursor = encodeCursor({ primary: 'p2', 'team@x': 'abc' });
    expect(decodeCursor(cursor!)).toEqual({ primary: 'p2', 'team@x': 'abc' });
    expect(encodeCursor({})).toBeUndefined();
    expect(() => decodeCursor('%%%')).toThrow(/nextPageToken/);
    expect(() => decodeCursor(Buffer.from('[1]').toString('base64url'))).toThrow(/nextPageToken/);
  });
});

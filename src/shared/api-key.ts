// MCP_API_KEY check: the key may come as `x-api-key: KEY` or `Authorization: Bearer KEY`. Compared in constant time
// (over fixed-length digests, so the key's length does not leak either).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type ApiKeyVerdict = 'ok' | 'missing' | 'wrong-scheme' | 'wrong-key';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function apiKeysEqual(expected: string, presented: string): boolean {
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The key a request presents, read only from headers (the body is not touched). */
export function checkApiKey(headers: IncomingHttpHeaders, expected: string): ApiKeyVerdict {
  const headerKey = headers['x-api-key'];
  if (typeof headerKey === 'string') return apiKeysEqual(expected, headerKey) ? 'ok' : 'wrong-key';
  const authorization = headers.authorization;
  if (typeof authorization !== 'string' || authorization.length === 0) return 'missing';
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (!match) return 'wrong-scheme';
  return apiKeysEqual(expected, match[1]!) ? 'ok' : 'wrong-key';
}

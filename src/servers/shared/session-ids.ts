// Session ids the server can recognise without remembering them: 16 random bytes and an HMAC-SHA256 tag over them,
// keyed per service by a key derived from the configured MCP_API_KEY (or, without one, from a 0600 key file). Any
// process that has the key (after a restart, a reload, a cap eviction, another cluster worker) can tell an id it
// issued from a forged or altered one, and rebuild the session from the id alone. The id is a bearer credential
// only together with the API key, which is checked before it (401).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const RANDOM_BYTES = 16;
const TAG_BYTES = 16;
const ID_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

export interface SessionIds {
  issue(): string;
  /** True only for ids made by issue() with the same key. */
  verify(id: string): boolean;
}

export function createSessionIds(key: Buffer): SessionIds {
  const tag = (random: Buffer): Buffer => createHmac('sha256', key).update(random).digest().subarray(0, TAG_BYTES);
  return {
    issue() {
      const random = randomBytes(RANDOM_BYTES);
      return `${random.toString('base64url')}.${tag(random).toString('base64url')}`;
    },
    verify(id) {
      const match = ID_PATTERN.exec(id);
      if (!match) return false;
      const random = Buffer.from(match[1]!, 'base64url');
      const presented = Buffer.from(match[2]!, 'base64url');
      // base64url decoding is lenient about the last character's spare bits: compare the canonical spelling too.
      if (random.length !== RANDOM_BYTES || presented.length !== TAG_BYTES) return false;
      if (random.toString('base64url') !== match[1] || presented.toString('base64url') !== match[2]) return false;
      return timingSafeEqual(tag(random), presented);
    },
  };
}

/** The per-service id key: HMAC(secret, label). A secret is the API key or the key file's bytes. */
export function deriveSessionKey(secret: string | Buffer, serviceName: string): Buffer {
  return createHmac('sha256', secret).update(`gakuco-monit session ids v1\0${serviceName}`).digest();
}

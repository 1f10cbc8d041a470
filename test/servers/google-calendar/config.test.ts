import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../src/servers/google-calendar/config.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcal-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const absent = (): string => join(dir, 'absent.json');

describe('configFromEnv', () => {
  it('takes OAuth credentials from the environment, with defaults for the rest', () => {
    const config = configFromEnv({
      GOOGLE_CLIENT_ID: 'id',
      GOOGLE_CLIENT_SECRET: 'secret',
      GOOGLE_REFRESH_TOKEN: 'refresh',
      GOOGLE_TOKEN_FILE: absent(),
      GCAL_TIME_ZONE: 'Asia/Tokyo',
    });
    expect(config.credentials).toEqual({ kind: 'oauth', clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh', source: 'env' });
    expect(config).toMatchObject({ defaultTimeZone: 'Asia/Tokyo', timeoutMs: 15_000, maxRetries: 2 });
    expect(config.apiRootUrl).toBeUndefined();
    expect(config.oauthTokenUrl).toBeUndefined();
  });

  it('reads the token file the authorize helper writes; env values win', () => {
    const file = join(dir, 'token.json');
    writeFileSync(file, JSON.stringify({ refresh_token: 'from-file', client_id: 'file-id', client_secret: 'file-secret' }));
    expect(configFromEnv({ GOOGLE_TOKEN_FILE: file }).credentials).toEqual({
      kind: 'oauth',
      clientId: 'file-id',
      clientSecret: 'file-secret',
      refreshToken: 'from-file',
      source: 'token-file',
    });
    expect(configFromEnv({ GOOGLE_TOKEN_FILE: file, GOOGLE_CLIENT_SECRET: 'env-secret' }).credentials).toMatchObject({
      clientSecret: 'env-secret',
      refreshToken: 'from-file',
    });
  });

  it('falls back to a service-account key file, and says when that file is missing', () => {
    const key = join(dir, 'sa.json');
    writeFileSync(key, '{}');
    expect(configFromEnv({ GOOGLE_TOKEN_FILE: absent(), GOOGLE_APPLICATION_CREDENTIALS: key }).credentials).toEqual({
      kind: 'service-account',
      keyFile: key,
    });
    const missing = configFromEnv({ GOOGLE_TOKEN_FILE: absent(), GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'nope.json') });
    expect(missing.credentials).toMatchObject({ kind: 'none', missing: ['GOOGLE_APPLICATION_CREDENTIALS'] });
  });

  it('lists what is missing, and flags an unreadable token file', () => {
    expect(configFromEnv({ GOOGLE_TOKEN_FILE: absent(), GOOGLE_CLIENT_ID: 'id' }).credentials).toEqual({
      kind: 'none',
      missing: ['GOOGLE_CLIENT_SECRET', 'GOOGLE_REFRESH_TOKEN'],
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, 'not json');
    expect(configFromEnv({ GOOGLE_TOKEN_FILE: broken }).credentials).toMatchObject({
      kind: 'none',
      problem: expect.stringMatching(/cannot be read as JSON/),
    });
  });

  it('reads test settings, ignores bad numbers and unknown zones', () => {
    const config = configFromEnv({
      GOOGLE_TOKEN_FILE: absent(),
      GOOGLE_API_ROOT_URL: 'http://127.0.0.1:9',
      GOOGLE_OAUTH_TOKEN_URL: 'http://127.0.0.1:9/token',
      GCAL_TIMEOUT_MS: 'abc',
      GCAL_MAX_RETRIES: '0',
      GCAL_TIME_ZONE: 'Nowhere/City',
      TZ: 'Europe/Paris',
    });
    expect(config).toMatchObject({
      apiRootUrl: 'http://127.0.0.1:9/',
      oauthTokenUrl: 'http://127.0.0.1:9/token',
      timeoutMs: 15_000,
      maxRetries: 0,
      defaultTimeZone: 'Europe/Paris',
    });
  });
});

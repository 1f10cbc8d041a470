// Settings of the Google Calendar server, read once from the environment. Which credentials win: an OAuth
// refresh token (GOOGLE_REFRESH_TOKEN, or the token file the authorize helper writes), else a service-account
// key file (GOOGLE_APPLICATION_CREDENTIALS). Missing credentials are not fatal: the server starts and says how
// to set them.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isValidTimeZone } from './time.js';
import { envFilePath, type ServiceEnvSpec } from '../shared/env-file.js';
import { upstreamLimitFromEnv } from '../shared/bounded-fetch.js';

/** What google-calendar-mcp takes from the env file (shared/env-file.ts): its secrets and settings, nothing else. */
export const CALENDAR_ENV: ServiceEnvSpec = {
  names: [
    'GOOGLE_CLIENT_ID',
    'GOOGLE_CLIENT_SECRET',
    'GOOGLE_REFRESH_TOKEN',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_SERVICE_ACCOUNT_SUBJECT',
    'GOOGLE_TOKEN_FILE',
    'GCAL_TIME_ZONE',
    'GCAL_MCP_API_KEY',
    'MCP_API_KEY',
  ],
  apiKeyName: 'GCAL_MCP_API_KEY',
};

export const DEFAULT_TOKEN_FILE = join(homedir(), '.config', 'gakuco-monit', 'google-token.json');

export type CalendarCredentials =
  | { kind: 'oauth'; clientId: string; clientSecret: string; refreshToken: string; source: 'env' | 'token-file' }
  | { kind: 'service-account'; keyFile: string; subject?: string }
  | { kind: 'none'; missing: string[]; problem?: string };

export interface CalendarConfig {
  credentials: CalendarCredentials;
  /** Where the token file is (read or to be written by `npm run auth:google`). */
  tokenFile: string;
  /** Where the credentials are set (the env file), for the answers that say how to set them. */
  envFile: string;
  /** MCP_UPSTREAM_MAX_BYTES: the most one Google answer may be; a bigger one is cut off and the tool says so. */
  maxResponseBytes: number;
  /** Calendar API root, ending in "/" (tests point it at a local fake). Undefined: Google's. */
  apiRootUrl?: string;
  /** OAuth token endpoint (tests point it at a local fake). Undefined: Google's. */
  oauthTokenUrl?: string;
  /** IANA zone used when a tool gets no time zone. */
  defaultTimeZone: string;
  /** Limit for one upstream attempt, token refresh included. */
  timeoutMs: number;
  /** Extra attempts after a 429 / rate-limit 403 / 5xx (5xx only for calls that are safe to repeat). */
  maxRetries: number;
  /** First backoff delay when no Retry-After is given; doubles each attempt. */
  retryBaseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the tool answers when to retry instead. */
  maxRetryWaitMs: number;
}

type Env = Record<string, string | undefined>;

interface TokenFileContent {
  refresh_token?: unknown;
  client_id?: unknown;
  client_secret?: unknown;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveInt(value: string | undefined, fallback: number, { allowZero = false } = {}): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || (!allowZero && parsed === 0)) return fallback;
  return parsed;
}

function readTokenFile(path: string): { content?: TokenFileContent; problem?: string } {
  try {
    statSync(path);
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object') return { problem: `the token file ${path} is not a JSON object` };
    return { content: parsed as TokenFileContent };
  } catch {
    return { problem: `the token file ${path} cannot be read as JSON; run \`npm run auth:google\` again` };
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function credentialsFromEnv(env: Env, tokenFile: string): CalendarCredentials {
  const file = readTokenFile(tokenFile);
  const clientId = nonEmpty(env.GOOGLE_CLIENT_ID) ?? asString(file.content?.client_id);
  const clientSecret = nonEmpty(env.GOOGLE_CLIENT_SECRET) ?? asString(file.content?.client_secret);
  const envRefresh = nonEmpty(env.GOOGLE_REFRESH_TOKEN);
  const refreshToken = envRefresh ?? asString(file.content?.refresh_token);

  if (refreshToken && clientId && clientSecret) {
    return { kind: 'oauth', clientId, clientSecret, refreshToken, source: envRefresh ? 'env' : 'token-file' };
  }

  const keyFile = nonEmpty(env.GOOGLE_APPLICATION_CREDENTIALS);
  if (keyFile) {
    try {
      statSync(keyFile);
    } catch {
      return {
        kind: 'none',
        missing: ['GOOGLE_APPLICATION_CREDENTIALS'],
        problem: `GOOGLE_APPLICATION_CREDENTIALS points to ${keyFile}, which does not exist or cannot be read`,
      };
    }
    const subject = nonEmpty(env.GOOGLE_SERVICE_ACCOUNT_SUBJECT);
    return subject ? { kind: 'service-account', keyFile, subject } : { kind: 'service-account', keyFile };
  }

  const missing: string[] = [];
  if (!clientId) missing.push('GOOGLE_CLIENT_ID');
  if (!clientSecret) missing.push('GOOGLE_CLIENT_SECRET');
  if (!refreshToken) missing.push('GOOGLE_REFRESH_TOKEN');
  return file.problem ? { kind: 'none', missing, problem: file.problem } : { kind: 'none', missing };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function configFromEnv(env: Env): CalendarConfig {
  const tokenFile = nonEmpty(env.GOOGLE_TOKEN_FILE) ?? DEFAULT_TOKEN_FILE;
  const zoneCandidates = [nonEmpty(env.GCAL_TIME_ZONE), nonEmpty(env.TZ), systemTimeZone()];
  const defaultTimeZone = zoneCandidates.find((zone): zone is string => !!zone && isValidTimeZone(zone)) ?? 'UTC';
  const apiRoot = nonEmpty(env.GOOGLE_API_ROOT_URL);
  const tokenUrl = nonEmpty(env.GOOGLE_OAUTH_TOKEN_URL);
  return {
    credentials: credentialsFromEnv(env, tokenFile),
    tokenFile,
    envFile: envFilePath(env),
    maxResponseBytes: upstreamLimitFromEnv(env),
    ...(apiRoot ? { apiRootUrl: withTrailingSlash(apiRoot) } : {}),
    ...(tokenUrl ? { oauthTokenUrl: tokenUrl } : {}),
    defaultTimeZone,
    timeoutMs: positiveInt(env.GCAL_TIMEOUT_MS, 15_000),
    maxRetries: positiveInt(env.GCAL_MAX_RETRIES, 2, { allowZero: true }),
    retryBaseDelayMs: positiveInt(env.GCAL_RETRY_BASE_MS, 500, { allowZero: true }),
    maxRetryWaitMs: positiveInt(env.GCAL_MAX_RETRY_WAIT_MS, 20_000, { allowZero: true }),
  };
}

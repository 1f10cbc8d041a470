// Settings of the Notion MCP server, read once from the environment. Pure: tests build configs directly.
import { envFilePath, type ServiceEnvSpec } from '../shared/env-file.js';
import { upstreamLimitFromEnv } from '../shared/bounded-fetch.js';

/** What notion-mcp takes from the env file (shared/env-file.ts): its secrets and its own settings, nothing else. */
export const NOTION_ENV: ServiceEnvSpec = {
  names: ['NOTION_TOKEN', 'NOTION_VERSION', 'NOTION_MCP_API_KEY', 'MCP_API_KEY'],
  apiKeyName: 'NOTION_MCP_API_KEY',
};

export const DEFAULT_NOTION_VERSION = '2025-09-03';
export const LEGACY_NOTION_VERSION = '2022-06-28';
export const DEFAULT_NOTION_BASE_URL = 'https://api.notion.com';

export interface NotionConfig {
  /** NOTION_TOKEN; null when unset or blank (the server still starts and tools say how to set it). */
  token: string | null;
  /** NOTION_VERSION sent as the Notion-Version header. */
  notionVersion: string;
  /** NOTION_BASE_URL, without the /v1 suffix. Tests point it at a local fake. */
  baseUrl: string;
  /** NOTION_TIMEOUT_MS: one HTTP attempt's budget. */
  timeoutMs: number;
  /** NOTION_MAX_RETRIES: retries on 429 / 5xx (the client honours Retry-After). */
  maxRetries: number;
  /** NOTION_RETRY_DELAY_MS: first back-off when Retry-After is absent. */
  initialRetryDelayMs: number;
  /** NOTION_MAX_RETRY_DELAY_MS: cap on any one wait, Retry-After included, so a tool call stays bounded. */
  maxRetryDelayMs: number;
  /** Where NOTION_TOKEN is set (the env file), for the answers that say how to set it. */
  envFile: string;
  /** MCP_UPSTREAM_MAX_BYTES: the most one Notion answer may be; a bigger one is cut off and the tool says so. */
  maxResponseBytes: number;
}

type Env = Record<string, string | undefined>;

function intFromEnv(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) return fallback;
  return value;
}

/** True for the versions before data sources (2025-09-03), where databases are queried directly. */
export function usesLegacyDatabases(notionVersion: string): boolean {
  return notionVersion < DEFAULT_NOTION_VERSION;
}

export function configFromEnv(env: Env): NotionConfig {
  const token = env.NOTION_TOKEN?.trim();
  const version = env.NOTION_VERSION?.trim();
  const baseUrl = env.NOTION_BASE_URL?.trim();
  return {
    token: token ? token : null,
    notionVersion: version && /^\d{4}-\d{2}-\d{2}$/.test(version) ? version : DEFAULT_NOTION_VERSION,
    baseUrl: (baseUrl ? baseUrl : DEFAULT_NOTION_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: intFromEnv(env, 'NOTION_TIMEOUT_MS', 15_000, 50, 600_000),
    maxRetries: intFromEnv(env, 'NOTION_MAX_RETRIES', 2, 0, 10),
    initialRetryDelayMs: intFromEnv(env, 'NOTION_RETRY_DELAY_MS', 1_000, 0, 60_000),
    maxRetryDelayMs: intFromEnv(env, 'NOTION_MAX_RETRY_DELAY_MS', 10_000, 0, 120_000),
    envFile: envFilePath(env),
    maxResponseBytes: upstreamLimitFromEnv(env),
  };
}

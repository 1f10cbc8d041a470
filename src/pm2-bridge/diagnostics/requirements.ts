// What configuration each known service needs, and which of it is missing. Presence only: values are never read
// (the bridge has masked secret values before they get here; an empty value counts as missing).
import type { EnvEntry } from '../types.js';

export interface ServiceRequirements {
  /** Alternatives: the service is configured when every name of at least one alternative is set. */
  credentials: readonly (readonly string[])[];
  /** The service serves HTTP and must have MCP_API_KEY when HOST is not a loopback address. */
  apiKeyWhenExposed: boolean;
}

/** Keyed by PM2 app name (ecosystem.config.js). */
export const SERVICE_REQUIREMENTS: Readonly<Record<string, ServiceRequirements>> = {
  'notion-mcp': { credentials: [['NOTION_TOKEN']], apiKeyWhenExposed: true },
  // The server also reads client id, secret and refresh token from its token file (GOOGLE_TOKEN_FILE, or a default
  // path), which env names cannot show: while it runs, its /health answer decides (see checkConfig).
  'google-calendar-mcp': {
    credentials: [
      ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_REFRESH_TOKEN'],
      ['GOOGLE_TOKEN_FILE'],
      ['GOOGLE_APPLICATION_CREDENTIALS'],
    ],
    apiKeyWhenExposed: true,
  },
};

export function isSet(env: readonly EnvEntry[], key: string): boolean {
  const entry = env.find((e) => e.key === key);
  return entry !== undefined && (entry.masked || entry.value.trim() !== '');
}

export interface MissingCredentials {
  /** The names still missing from the alternative closest to complete. */
  missing: string[];
  /** The other ways to satisfy it, each as names joined by " + ". */
  alternatives: string[];
}

/**
 * null when one alternative is complete (or nothing is required). Otherwise the alternative the operator has
 * gone furthest with (most names set; the first listed on a tie) says what is missing.
 */
export function missingCredentials(
  env: readonly EnvEntry[],
  credentials: readonly (readonly string[])[],
): MissingCredentials | null {
  let best: readonly string[] | null = null;
  let bestSet = -1;
  for (const alternative of credentials) {
    const set = alternative.filter((key) => isSet(env, key)).length;
    if (set === alternative.length) return null;
    if (set > bestSet) {
      best = alternative;
      bestSet = set;
    }
  }
  if (best === null) return null;
  const missing = best.filter((key) => !isSet(env, key));
  const alternatives = credentials.filter((a) => a !== best).map((a) => a.join(' + '));
  return { missing, alternatives };
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** HOST as the MCP servers read it: unset means 127.0.0.1. */
export function effectiveHost(env: readonly EnvEntry[]): string {
  const entry = env.find((e) => e.key === 'HOST');
  return entry && entry.value.trim() !== '' ? entry.value.trim() : '127.0.0.1';
}

// Reads the kit's settings from the environment (pure, so it is tested without starting anything).
//   HOST (default 127.0.0.1), PORT, MCP_API_KEY, MCP_ALLOWED_HOSTS (comma separated), MCP_MAX_SESSIONS,
//   MCP_SESSION_IDLE_MINUTES, MCP_RATE_LIMIT (tool calls per second per API key, default 10; 0 = no limit),
//   MCP_RATE_BURST (default 40), MCP_SESSION_KEY_FILE (only without MCP_API_KEY: the session-id secret's file),
//   MCP_SUBSCRIPTION_POLL_S (how often a subscribed resource is read again; default 60, minimum 10).
import { isLoopbackHost } from '../../shared/host-guard.js';

export const DEFAULT_RATE_LIMIT = { ratePerSecond: 10, burst: 40 };
/** Each poll reads the upstream once per subscription: below this, a few clients would eat the rate limits. */
export const MIN_SUBSCRIPTION_POLL_S = 10;

export interface RunConfig {
  host: string;
  port: number;
  apiKey: string | null;
  allowedHosts: string[];
  maxSessions: number | undefined;
  sessionIdleMs: number | undefined;
  /** null = no limit. */
  rateLimit: { ratePerSecond: number; burst: number } | null;
  /** undefined = the kit's default (60 s). */
  subscriptionPollMs: number | undefined;
  /** Lines to print once at start (never containing a secret). */
  warnings: string[];
}

export type RunConfigResult = { ok: true; config: RunConfig } | { ok: false; message: string };

export function runConfigFromEnv(env: NodeJS.ProcessEnv, defaultPort?: number): RunConfigResult {
  const host = env.HOST?.trim() || '127.0.0.1';
  const portText = env.PORT?.trim();
  const port = portText ? Number(portText) : defaultPort;
  if (port === undefined) return { ok: false, message: 'PORT is not set: set PORT to the port to listen on.' };
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return { ok: false, message: `PORT must be a port number (0-65535), got "${portText}".` };
  }
  const apiKey = env.MCP_API_KEY?.trim() || null;
  const warnings: string[] = [];
  if (apiKey === null) {
    if (!isLoopbackHost(host)) {
      return {
        ok: false,
        message:
          `Refusing to start: HOST is ${host} (reachable from other machines) and MCP_API_KEY is not set. ` +
          'Set MCP_API_KEY (e.g. `openssl rand -hex 32`) or bind HOST=127.0.0.1.',
      };
    }
    warnings.push(
      'warning: MCP_API_KEY is not set; any program on this machine can use this server. Set MCP_API_KEY to require a key.',
    );
  }
  const rate = nonNegativeNumber(env.MCP_RATE_LIMIT, 'MCP_RATE_LIMIT');
  if (typeof rate === 'string') return { ok: false, message: rate };
  const burst = nonNegativeNumber(env.MCP_RATE_BURST, 'MCP_RATE_BURST');
  if (typeof burst === 'string') return { ok: false, message: burst };
  const ratePerSecond = rate ?? DEFAULT_RATE_LIMIT.ratePerSecond;
  const rateLimit =
    ratePerSecond === 0 ? null : { ratePerSecond, burst: Math.max(1, burst ?? DEFAULT_RATE_LIMIT.burst) };
  const poll = nonNegativeNumber(env.MCP_SUBSCRIPTION_POLL_S, 'MCP_SUBSCRIPTION_POLL_S');
  if (typeof poll === 'string') return { ok: false, message: poll };
  if (poll !== undefined && poll < MIN_SUBSCRIPTION_POLL_S) {
    return {
      ok: false,
      message: `MCP_SUBSCRIPTION_POLL_S must be at least ${MIN_SUBSCRIPTION_POLL_S} (seconds), got "${env.MCP_SUBSCRIPTION_POLL_S?.trim()}".`,
    };
  }
  const maxSessions = positiveInt(env.MCP_MAX_SESSIONS);
  const idleMinutes = positiveInt(env.MCP_SESSION_IDLE_MINUTES);
  const allowedHosts = (env.MCP_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return {
    ok: true,
    config: {
      host,
      port,
      apiKey,
      allowedHosts,
      maxSessions,
      sessionIdleMs: idleMinutes === undefined ? undefined : idleMinutes * 60_000,
      rateLimit,
      subscriptionPollMs: poll === undefined ? undefined : poll * 1000,
      warnings,
    },
  };
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A number >= 0, undefined when unset, or the message for a value that is not one. */
function nonNegativeNumber(text: string | undefined, name: string): number | undefined | string {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : `${name} must be a number >= 0, got "${text.trim()}".`;
}

// Reads the kit's settings from the environment (pure, so it is tested without starting anything).
//   HOST (default 127.0.0.1), PORT, MCP_API_KEY, MCP_ALLOWED_HOSTS (comma separated), MCP_MAX_SESSIONS,
//   MCP_SESSION_IDLE_MINUTES.
import { isLoopbackHost } from './host-guard.js';

export interface RunConfig {
  host: string;
  port: number;
  apiKey: string | null;
  allowedHosts: string[];
  maxSessions: number | undefined;
  sessionIdleMs: number | undefined;
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
      warnings,
    },
  };
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

// GET /health: what a monitor needs to know, without auth, so nothing secret: names and booleans only.
import type { ServiceDefinition, UpstreamStatus } from './service.js';

export interface HealthBody {
  /** 'ok' when the upstream credentials are set, 'degraded' when the server runs but tools cannot reach upstream. */
  status: 'ok' | 'degraded';
  service: string;
  version: string;
  uptime_s: number;
  sessions: number;
  upstream: UpstreamStatus;
}

export function healthBody(def: ServiceDefinition, startedAt: number, sessions: number, now = Date.now()): HealthBody {
  const upstream = def.upstream();
  return {
    status: upstream.configured ? 'ok' : 'degraded',
    service: def.name,
    version: def.version,
    uptime_s: Math.floor((now - startedAt) / 1000),
    sessions,
    upstream: { configured: upstream.configured, missing: [...upstream.missing] },
  };
}

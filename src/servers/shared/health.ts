// GET /health: what a monitor needs to know, without auth, so nothing secret: names, counts and booleans only.
import type { ServiceDefinition, UpstreamStatus } from './service.js';
import type { ToolsReport } from './tool-filter.js';

export interface HealthBody {
  /**
   * 'ok', or 'degraded' when tools cannot work: the upstream credentials are not set, or a tool failed for a reason
   * inside the server in the last 15 minutes (see last_internal_error and the error log).
   */
  status: 'ok' | 'degraded';
  service: string;
  version: string;
  uptime_s: number;
  sessions: number;
  /** Sessions rebuilt from their id since start (after a restart, a cap eviction, on another cluster worker). */
  sessions_rebuilt: number;
  upstream: UpstreamStatus;
  /** Tool calls that failed inside the server since start (a bug, not an upstream answer). */
  internal_errors: number;
  /** The last of them while it keeps the status degraded: the tool's name, the error's name, when. */
  last_internal_error: { tool: string; error: string; at: string } | null;
  /** Requests refused by the rate limit since start (HTTP 429). */
  rate_limited: number;
  /** The tools that are on and off (MCP_ENABLED_TOOLS, MCP_READ_ONLY); null until the tools have loaded. */
  tools: ToolsReport | null;
}

export function healthBody(
  def: ServiceDefinition,
  startedAt: number,
  sessions: { open: number; rebuilt: number },
  tools: ToolsReport | null = null,
  now = Date.now(),
): HealthBody {
  const upstream = def.upstream();
  const internal = def.metrics.recentInternalError(now);
  return {
    status: upstream.configured && internal === null ? 'ok' : 'degraded',
    service: def.name,
    version: def.version,
    uptime_s: Math.floor((now - startedAt) / 1000),
    sessions: sessions.open,
    sessions_rebuilt: sessions.rebuilt,
    upstream: { configured: upstream.configured, missing: [...upstream.missing] },
    internal_errors: def.metrics.internalErrors,
    last_internal_error:
      internal === null ? null : { tool: internal.tool, error: internal.error, at: new Date(internal.at).toISOString() },
    rate_limited: def.metrics.rateLimited,
    tools,
  };
}

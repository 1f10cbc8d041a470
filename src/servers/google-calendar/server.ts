// The Google Calendar service for the shared HTTP kit: one upstream client for the process, a fresh McpServer per
// session. The SDK, the tools and (with credentials) the Google library load on the first session or when run.ts
// prepares them after listening.
import { ServerMetrics } from '../shared/metrics.js';
import type { ServiceDefinition } from '../shared/service.js';
import { configFromEnv, type CalendarConfig } from './config.js';
import type { ToolContext } from './context.js';
import { loadGoogleCalendar } from './google-module.js';
import { createCalendarUpstream } from './upstream.js';

export const CALENDAR_SERVICE_NAME = 'google-calendar-mcp';
export const CALENDAR_SERVICE_VERSION = '0.1.0';

export interface CalendarServiceOptions {
  /** Clock for "now" (tests). */
  now?: () => Date;
}

type ServerModule = typeof import('./mcp-server.js');

export function createCalendarService(config: CalendarConfig, options: CalendarServiceOptions = {}): ServiceDefinition {
  const metrics = new ServerMetrics();
  const upstream = createCalendarUpstream(config, metrics);
  const ctx: ToolContext = { config, upstream, now: options.now ?? (() => new Date()) };
  const identity = { name: CALENDAR_SERVICE_NAME, version: CALENDAR_SERVICE_VERSION };
  let loading: Promise<ServerModule> | undefined;
  const load = (): Promise<ServerModule> => (loading ??= import('./mcp-server.js'));
  return {
    name: CALENDAR_SERVICE_NAME,
    version: CALENDAR_SERVICE_VERSION,
    metrics,
    defaultPort: 3002,
    async createMcpServer() {
      return (await load()).createCalendarMcpServer(identity, ctx);
    },
    async prepare() {
      // With credentials, load the Google library now too: its chunk file is renamed by every `npm run build`, so a
      // server that waited for its first call could no longer find it after a rebuild.
      await Promise.all([load(), config.credentials.kind === 'none' ? undefined : loadGoogleCalendar()]);
    },
    async reconfigure(env) {
      // Every session's tools read ctx at call time: a new upstream (new credentials, new token cache) from now on.
      const next = { ...ctx.config, credentials: configFromEnv(env).credentials };
      Object.assign(ctx, { config: next, upstream: createCalendarUpstream(next, metrics) });
      if (next.credentials.kind !== 'none') await loadGoogleCalendar();
    },
    upstream: () => ctx.upstream.status(),
  };
}

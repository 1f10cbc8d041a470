// The Notion MCP service. What a starting server needs (name, port, whether the token is set) is here; the SDK,
// the tools and the Notion client load on the first session or when run.ts prepares them after listening.
import { ServerMetrics } from '../shared/metrics.js';
import type { ServiceDefinition } from '../shared/service.js';
import { configFromEnv, type NotionConfig } from './config.js';
import type { NotionMcpServerFactory } from './mcp-server.js';
import type { LogSink } from './upstream-log.js';

export const NOTION_SERVICE_NAME = 'notion-mcp';
export const NOTION_SERVICE_VERSION = '0.1.0';

export interface NotionServiceOptions {
  /** Where the Notion client's warnings go (default: one line each on stderr). */
  logSink?: LogSink;
}

export function createNotionService(initial: NotionConfig, options: NotionServiceOptions = {}): ServiceDefinition {
  let config = initial;
  const metrics = new ServerMetrics();
  let factory: Promise<NotionMcpServerFactory> | undefined;
  const load = (): Promise<NotionMcpServerFactory> =>
    (factory ??= import('./mcp-server.js').then((m) =>
      m.notionMcpServerFactory({ name: NOTION_SERVICE_NAME, version: NOTION_SERVICE_VERSION }, config, metrics, options.logSink),
    ));
  return {
    name: NOTION_SERVICE_NAME,
    version: NOTION_SERVICE_VERSION,
    metrics,
    defaultPort: 3001,
    async createMcpServer() {
      return (await load()).create();
    },
    async prepare() {
      await load();
    },
    async reconfigure(env) {
      config = { ...config, token: configFromEnv(env).token };
      if (factory !== undefined) (await factory).useConfig(config);
    },
    upstream() {
      return config.token ? { configured: true, missing: [] } : { configured: false, missing: ['NOTION_TOKEN'] };
    },
  };
}

// What one MCP server (Notion, Google Calendar) gives the shared HTTP kit. The kit owns HTTP, auth, sessions,
// /health, metrics and shutdown; a service owns its tools and its upstream client.
import type { ServerMetrics } from './metrics.js';
import type { ToolCatalogServer } from './tool-catalog.js';

export interface UpstreamStatus {
  /** Whether the credentials the upstream needs are set. Never their values. */
  configured: boolean;
  /** Names of the missing settings (e.g. ["NOTION_TOKEN"]), for /health and for tool answers. */
  missing: string[];
}

export interface ServiceDefinition {
  /** PM2 app name and /health `service`, e.g. "notion-mcp". */
  name: string;
  version: string;
  /** This server's counters: the kit, the upstream client and /health all count into this one object. */
  metrics: ServerMetrics;
  /** The port used when PORT is not set (notion-mcp 3001, google-calendar-mcp 3002). */
  defaultPort?: number;
  /**
   * A fresh McpServer (a ToolCatalogServer, so the kit sees the tools' registrations) with every tool registered:
   * the SDK needs one per session. Must be cheap once loaded; may
   * load the SDK and the tools on the first call (a promise), so that a starting server does not.
   */
  createMcpServer(): ToolCatalogServer | Promise<ToolCatalogServer>;
  /** Loads what createMcpServer needs ahead of the first session (run.ts calls it once the server is ready). */
  prepare?(): Promise<void>;
  upstream(): UpstreamStatus;
  /**
   * Takes the upstream credentials from `env` (the env file read again: the PM2 action "re-read credentials"), for
   * every call from now on, in every session. Other settings keep their values until a restart.
   */
  reconfigure?(env: NodeJS.ProcessEnv): Promise<void>;
  /** Releases upstream resources on shutdown (agents, timers). */
  close?(): Promise<void>;
}

// The Google Calendar service for the shared HTTP kit: one upstream client for the process, a fresh McpServer
// (with every tool) per session.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServiceDefinition } from '../shared/service.js';
import type { CalendarConfig } from './config.js';
import type { ToolContext } from './context.js';
import { registerCalendarTools } from './tools/index.js';
import { createCalendarUpstream } from './upstream.js';

export const CALENDAR_SERVICE_NAME = 'google-calendar-mcp';
export const CALENDAR_SERVICE_VERSION = '0.1.0';

export interface CalendarServiceOptions {
  /** Clock for "now" (tests). */
  now?: () => Date;
}

export function createCalendarService(config: CalendarConfig, options: CalendarServiceOptions = {}): ServiceDefinition {
  const upstream = createCalendarUpstream(config);
  const ctx: ToolContext = { config, upstream, now: options.now ?? (() => new Date()) };
  return {
    name: CALENDAR_SERVICE_NAME,
    version: CALENDAR_SERVICE_VERSION,
    defaultPort: 3002,
    createMcpServer() {
      const server = new McpServer(
        { name: CALENDAR_SERVICE_NAME, version: CALENDAR_SERVICE_VERSION },
        {
          instructions:
            'Google Calendar of the configured account. Call get_current_time first to resolve relative dates; list_calendars gives calendar ids; list_events gives event ids for get/update/delete/respond.',
        },
      );
      registerCalendarTools(server, ctx);
      return server;
    },
    upstream: () => upstream.status(),
  };
}

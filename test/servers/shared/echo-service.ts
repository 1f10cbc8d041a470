// A tiny ServiceDefinition for the kit's own tests: one `echo` tool with a zod schema, one that throws.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServiceDefinition, UpstreamStatus } from '../../../src/servers/shared/service.js';
import { toolFailure, toolText } from '../../../src/servers/shared/tool-result.js';

export function createEchoService(upstream: UpstreamStatus = { configured: true, missing: [] }): ServiceDefinition & {
  closed: number;
} {
  const def = {
    name: 'echo-mcp',
    version: '1.2.3',
    closed: 0,
    createMcpServer(): McpServer {
      const server = new McpServer({ name: 'echo-mcp', version: '1.2.3' });
      server.registerTool(
        'echo',
        {
          description: 'Returns the text it is given.',
          inputSchema: { text: z.string().min(1), times: z.number().int().min(1).max(3).optional() },
          annotations: { readOnlyHint: true },
        },
        ({ text, times }) => toolText(text.repeat(times ?? 1)),
      );
      server.registerTool(
        'fail',
        { description: 'Always fails the way upstream failures do.', inputSchema: {} },
        () => toolFailure('upstream said no'),
      );
      return server;
    },
    upstream: () => upstream,
    async close() {
      def.closed += 1;
    },
  };
  return def;
}

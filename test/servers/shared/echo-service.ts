// A tiny ServiceDefinition for the kit's own tests: one `echo` tool with a zod schema, one that fails the way upstream
// failures do, one with a bug (a TypeError, answered through internalFailure as the real tools do).
import { ToolCatalogServer } from '../../../src/servers/shared/tool-catalog.js';
import { z } from 'zod';
import { ServerMetrics } from '../../../src/servers/shared/metrics.js';
import type { ServiceDefinition, UpstreamStatus } from '../../../src/servers/shared/service.js';
import { toolFailure, toolText } from '../../../src/servers/shared/tool-result.js';
import { internalFailure, isInternalError } from '../../../src/servers/shared/internal-error.js';

export function createEchoService(upstream: UpstreamStatus = { configured: true, missing: [] }): ServiceDefinition & {
  closed: number;
} {
  const def = {
    name: 'echo-mcp',
    version: '1.2.3',
    metrics: new ServerMetrics(),
    closed: 0,
    createMcpServer(): ToolCatalogServer {
      const server = new ToolCatalogServer({ name: 'echo-mcp', version: '1.2.3' });
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
      server.registerTool('buggy', { description: 'Reads a property of undefined.', inputSchema: {} }, () => {
        try {
          const missing = (globalThis as { noSuchModule?: { auth: { OAuth2: unknown } } }).noSuchModule;
          return toolText(String(missing!.auth.OAuth2));
        } catch (error) {
          if (isInternalError(error)) return internalFailure(error);
          throw error;
        }
      });
      return server;
    },
    upstream: () => upstream,
    async close() {
      def.closed += 1;
    },
  };
  return def;
}

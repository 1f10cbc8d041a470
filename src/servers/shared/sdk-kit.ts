// The SDK pieces a session needs (the Streamable HTTP transport, which brings @hono/node-server, undici's web
// classes and the MCP protocol's zod schemas), loaded on first use instead of at start: listening and /health
// do not need them, and importing them is most of a server's start-up CPU (bench/servers.mjs).
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

export interface SdkKit {
  StreamableHTTPServerTransport: typeof StreamableHTTPServerTransport;
  isInitializeRequest: typeof isInitializeRequest;
}

let loading: Promise<SdkKit> | undefined;

export function loadSdkKit(): Promise<SdkKit> {
  loading ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]).then(([transport, types]) => ({
    StreamableHTTPServerTransport: transport.StreamableHTTPServerTransport,
    isInitializeRequest: types.isInitializeRequest,
  }));
  return loading;
}

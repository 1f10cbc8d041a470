// The SDK pieces a session needs (the Streamable HTTP transport, @hono/node-server's Node <-> web adapter, undici's
// web classes and the MCP protocol's zod schemas), loaded on first use instead of at start: listening and /health
// do not need them, and importing them is most of a server's start-up CPU (bench/servers.mjs).
//
// The web-standard transport is the one the SDK's Node transport wraps (with the same adapter): used directly, a
// session can also be initialized from inside the server, through its public handleRequest (session-rebuild.ts).
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type * as McpTypes from '@modelcontextprotocol/sdk/types.js';
import type { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { getRequestListener } from '@hono/node-server';

export interface SdkKit {
  WebStandardStreamableHTTPServerTransport: typeof WebStandardStreamableHTTPServerTransport;
  getRequestListener: typeof getRequestListener;
  isInitializeRequest: typeof isInitializeRequest;
  latestProtocolVersion: string;
  supportedProtocolVersions: readonly string[];
  /** The protocol's schemas and errors (resource-subscriptions.ts). */
  types: typeof McpTypes;
}

let loading: Promise<SdkKit> | undefined;

export function loadSdkKit(): Promise<SdkKit> {
  loading ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    import('@modelcontextprotocol/sdk/types.js'),
    import('@hono/node-server'),
  ]).then(([transport, types, hono]) => ({
    WebStandardStreamableHTTPServerTransport: transport.WebStandardStreamableHTTPServerTransport,
    getRequestListener: hono.getRequestListener,
    isInitializeRequest: types.isInitializeRequest,
    latestProtocolVersion: types.LATEST_PROTOCOL_VERSION,
    supportedProtocolVersions: types.SUPPORTED_PROTOCOL_VERSIONS,
    types,
  }));
  return loading;
}

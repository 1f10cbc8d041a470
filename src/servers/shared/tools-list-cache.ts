// Every session's McpServer has the same tools, yet the SDK turns each tool's zod schema into JSON Schema again on
// every tools/list. The first answer is kept (per service definition) and served to every later tools/list: through
// the SDK's handler (cacheToolsList), and, for a plain tools/list in a session the server holds, straight from the
// kit without the transport at all (cachedToolsListAnswer), since nothing in that answer depends on the session.
import type { IncomingHttpHeaders } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

type Handler = (request: { params?: { cursor?: unknown } }, extra: unknown) => Promise<unknown>;

export interface ToolsListCache {
  value?: unknown;
  /** `value` as JSON, made once. */
  json?: string;
}

/**
 * Puts the cache in front of the server's tools/list handler. Uses the SDK's handler map (not public API): when an
 * SDK version lacks it, nothing changes and false is returned (test/servers/shared checks it is true for ours).
 */
export function cacheToolsList(mcp: McpServer, cache: ToolsListCache): boolean {
  const handlers = (mcp.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) return false;
  const original = handlers.get('tools/list') as Handler | undefined;
  if (typeof original !== 'function') return false;
  const cached: Handler = async (request, extra) => {
    if (request.params?.cursor !== undefined) return original(request, extra);
    cache.value ??= await original(request, extra);
    return cache.value;
  };
  handlers.set('tools/list', cached);
  return true;
}

/**
 * The JSON-RPC answer to `body` when it is a plain tools/list (one request, no cursor) that the SDK transport would
 * accept as it is (the Accept, Content-Type and MCP-Protocol-Version checks of its handlePostRequest) and the
 * answer is cached; null otherwise, and the request goes through the SDK as usual (which also words any refusal).
 */
export function cachedToolsListAnswer(
  body: unknown,
  headers: IncomingHttpHeaders,
  cache: ToolsListCache,
  supportedProtocolVersions: readonly string[],
): string | null {
  if (cache.value === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const message = body as { jsonrpc?: unknown; method?: unknown; id?: unknown; params?: unknown };
  if (message.jsonrpc !== '2.0' || message.method !== 'tools/list') return null;
  if (typeof message.id !== 'number' && typeof message.id !== 'string') return null;
  const params = message.params;
  if (params !== undefined && (params === null || typeof params !== 'object' || 'cursor' in params)) return null;
  const accept = headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) return null;
  if (!/^application\/json\s*(?:;|$)/i.test(headers['content-type'] ?? '')) return null;
  const version = headers['mcp-protocol-version'];
  if (version !== undefined && (typeof version !== 'string' || !supportedProtocolVersions.includes(version))) return null;
  cache.json ??= JSON.stringify(cache.value);
  return `{"result":${cache.json},"jsonrpc":"2.0","id":${JSON.stringify(message.id)}}`;
}

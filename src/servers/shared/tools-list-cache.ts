// Every session's McpServer has the same tools, yet the SDK turns each tool's zod schema into JSON Schema again on
// every tools/list. The first answer is kept (per service definition) and served to every later tools/list.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

type Handler = (request: { params?: { cursor?: unknown } }, extra: unknown) => Promise<unknown>;

export interface ToolsListCache {
  value?: unknown;
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

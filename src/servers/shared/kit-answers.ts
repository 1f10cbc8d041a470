// Answers the kit gives itself, for a session the server holds, without the SDK's transport: a plain tools/list
// (the same for every session, built once from the tool registrations: tool-catalog.ts), and a call to a tool that
// MCP_ENABLED_TOOLS / MCP_READ_ONLY switched off (tool-filter.ts), with a message that says why and what to do.
// Only a single request the SDK transport would accept as it is (the Accept, Content-Type and MCP-Protocol-Version
// checks of its handlePostRequest) is answered here; anything else goes through the SDK, which also words any
// refusal (and answers a batch's switched-off call with its own "disabled" error).
import type { IncomingHttpHeaders } from 'node:http';

type RequestId = string | number;

export interface KitAnswerSources {
  /** The tools/list result as JSON, once built; undefined before. */
  toolsListJson: string | undefined;
  /** The isError result for a call to `tool` when it is switched off, else null. */
  switchedOff(tool: string): object | null;
}

export interface KitAnswer {
  id: RequestId;
  /** The JSON-RPC response as sent. */
  json: string;
  /** For a switched-off tool call: the result, for the metrics and the request log. */
  toolResult?: object;
}

function transportWouldAccept(headers: IncomingHttpHeaders, supportedProtocolVersions: readonly string[]): boolean {
  const accept = headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) return false;
  if (!/^application\/json\s*(?:;|$)/i.test(headers['content-type'] ?? '')) return false;
  const version = headers['mcp-protocol-version'];
  return version === undefined || (typeof version === 'string' && supportedProtocolVersions.includes(version));
}

function response(id: RequestId, resultJson: string): string {
  return `{"result":${resultJson},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
}

/** The kit's own answer to `body`, or null when the SDK answers it. */
export function kitAnswer(
  body: unknown,
  headers: IncomingHttpHeaders,
  sources: KitAnswerSources,
  supportedProtocolVersions: readonly string[],
): KitAnswer | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const message = body as { jsonrpc?: unknown; method?: unknown; id?: unknown; params?: unknown };
  if (message.jsonrpc !== '2.0' || (typeof message.id !== 'number' && typeof message.id !== 'string')) return null;
  const id = message.id;
  const params = message.params;
  if (message.method === 'tools/list') {
    if (sources.toolsListJson === undefined) return null;
    if (params !== undefined && (params === null || typeof params !== 'object' || 'cursor' in params)) return null;
    if (!transportWouldAccept(headers, supportedProtocolVersions)) return null;
    return { id, json: response(id, sources.toolsListJson) };
  }
  if (message.method === 'tools/call') {
    const name = (params as { name?: unknown } | null | undefined)?.name;
    if (typeof name !== 'string') return null;
    const result = sources.switchedOff(name);
    if (result === null || !transportWouldAccept(headers, supportedProtocolVersions)) return null;
    return { id, json: response(id, JSON.stringify(result)), toolResult: result };
  }
  return null;
}

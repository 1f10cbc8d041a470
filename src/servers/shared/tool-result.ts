// Tool answers in the MCP shape. Failures are results with isError, never thrown: the model reads the text.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * A successful answer, the one way both servers give results: the data as structuredContent (checked by the SDK
 * against the tool's outputSchema, which every tool declares) and the same data as readable JSON text for clients
 * that read only text.
 */
export function toolJson(data: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data as Record<string, unknown> };
}

export function toolText(text: string): CallToolResult {
  return { content: [{ type: 'text', text }] };
}

/**
 * A failure the model can act on: what went wrong and what to do. The HTTP kit counts every isError result it
 * sends (these, and the SDK's own for invalid arguments or unknown tools) in the tool-errors metric.
 */
export function toolFailure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

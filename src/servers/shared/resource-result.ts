// Resources are read through the same code as tools, so a resource fails with the same message a tool would give
// (what happened, what to do, no secret): a tool failure becomes the resources/read error.
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * A tool-style answer as a resource's content: its JSON text, or `pick`ed from its structured data (for a
 * resource that is not JSON, such as a page as Markdown). Throws the failure's message as is.
 */
export function resourceFromToolResult(
  uri: URL,
  result: CallToolResult,
  options: { mimeType?: string; pick?: (data: Record<string, unknown>) => string } = {},
): ReadResourceResult {
  const first = result.content[0];
  const text = first && first.type === 'text' ? first.text : '';
  if (result.isError) throw new Error(text);
  const content = options.pick && result.structuredContent ? options.pick(result.structuredContent) : text;
  return { contents: [{ uri: uri.href, mimeType: options.mimeType ?? 'application/json', text: content }] };
}

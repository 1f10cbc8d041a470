// Every answer the kit writes itself is JSON: JSON-RPC error objects on /mcp (the shape MCP clients parse), plain
// JSON elsewhere. Never HTML, never a stack.
import type { ServerResponse } from 'node:http';

export const RPC_PARSE_ERROR = -32700;
export const RPC_SERVER_ERROR = -32000;
export const RPC_SESSION_NOT_FOUND = -32001;
export const RPC_INTERNAL_ERROR = -32603;

export interface JsonRpcErrorBody {
  jsonrpc: '2.0';
  error: { code: number; message: string };
  id: null;
}

export function jsonRpcError(code: number, message: string): JsonRpcErrorBody {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  writeJsonHead(res, status, body, headers);
  res.end();
}

/** Writes the status, headers and the whole JSON body without ending the response (the caller ends it). */
export function writeJsonHead(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.write(text);
}

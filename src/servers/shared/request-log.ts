// One line per HTTP request. Only what helps an operator: method, path, JSON-RPC method, tool name, status, the
// tool call's outcome (HTTP 200 carries failed calls too), time.
// Never headers, keys, session ids or bodies.

export interface RequestLogEntry {
  method: string;
  path: string;
  rpcMethod: string | null;
  tool: string | null;
  status: number;
  /** ok | error | internal-error | rpc-error, for a tools/call; null otherwise. */
  outcome?: string | null;
  ms: number;
}

export function formatRequestLog(entry: RequestLogEntry): string {
  const parts = [entry.method, entry.path];
  if (entry.rpcMethod) parts.push(entry.rpcMethod);
  if (entry.tool) parts.push(`tool=${entry.tool}`);
  parts.push(String(entry.status));
  if (entry.outcome) parts.push(entry.outcome);
  parts.push(`${Math.round(entry.ms)}ms`);
  return parts.join(' ');
}

const SAFE_NAME = /^[A-Za-z0-9_./:-]{1,64}$/;

/** The JSON-RPC method(s) and tool name of a parsed body, only when they look like names (nothing user-typed). */
export function describeRpc(body: unknown): { rpcMethod: string | null; tool: string | null } {
  const messages = Array.isArray(body) ? body : [body];
  const methods: string[] = [];
  let tool: string | null = null;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) continue;
    const { method, params } = message as { method?: unknown; params?: unknown };
    if (typeof method === 'string') methods.push(SAFE_NAME.test(method) ? method : '?');
    if (method === 'tools/call' && typeof params === 'object' && params !== null) {
      const name = (params as { name?: unknown }).name;
      if (typeof name === 'string') tool = SAFE_NAME.test(name) ? name : '?';
    }
  }
  return { rpcMethod: methods.length > 0 ? methods.join(',') : null, tool };
}

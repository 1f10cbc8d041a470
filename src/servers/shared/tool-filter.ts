// Which tools a server offers: MCP_ENABLED_TOOLS (names or globs, comma or space separated; `*` any run of
// characters, `?` one) and MCP_READ_ONLY=1 (only tools whose annotations say readOnlyHint). Both apply when both
// are set. A tool switched off is not listed and its calls are refused; /health names the tools that are on.
// Applied by the HTTP kit to every session's McpServer, the one way for both servers.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toolFailure } from './tool-result.js';

type Env = Record<string, string | undefined>;

export interface ToolFilter {
  /** MCP_ENABLED_TOOLS as given; null = every tool. */
  patterns: string[] | null;
  /** MCP_READ_ONLY=1: only read-only tools. */
  readOnly: boolean;
}

export const ALL_TOOLS: ToolFilter = { patterns: null, readOnly: false };

export function toolFilterFromEnv(env: Env): ToolFilter {
  const patterns = (env.MCP_ENABLED_TOOLS ?? '')
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const readOnly = /^(1|true|yes|on)$/i.test(env.MCP_READ_ONLY?.trim() ?? '');
  return { patterns: patterns.length > 0 ? patterns : null, readOnly };
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

export function isToolEnabled(filter: ToolFilter, name: string, annotations: { readOnlyHint?: boolean } | undefined): boolean {
  if (filter.readOnly && annotations?.readOnlyHint !== true) return false;
  return filter.patterns === null || filter.patterns.some((pattern) => globToRegExp(pattern).test(name));
}

/** What /health shows: the filter as set, and the tools on and off. */
export interface ToolsReport {
  enabled: string[];
  disabled: string[];
  filter: { MCP_ENABLED_TOOLS: string[] | null; MCP_READ_ONLY: boolean };
}

interface RegisteredToolView {
  enabled: boolean;
  annotations?: { readOnlyHint?: boolean };
  disable(): void;
}

/**
 * Switches off the tools of `server` the filter leaves out. Uses the SDK's tool map (not public API, as
 * tools-list-cache.ts does); when an SDK version lacks it and a filter is set, it throws rather than serve tools
 * the operator switched off (test/servers/shared/tool-filter.test.ts checks it works with ours).
 */
export function applyToolFilter(server: McpServer, filter: ToolFilter): ToolsReport {
  const tools = (server as unknown as { _registeredTools?: Record<string, RegisteredToolView> })._registeredTools;
  const active = filter.patterns !== null || filter.readOnly;
  if (!tools || typeof tools !== 'object') {
    if (active) throw new Error('MCP_ENABLED_TOOLS / MCP_READ_ONLY cannot be applied with this MCP SDK version');
    return { enabled: [], disabled: [], filter: { MCP_ENABLED_TOOLS: filter.patterns, MCP_READ_ONLY: filter.readOnly } };
  }
  const enabled: string[] = [];
  const disabled: string[] = [];
  for (const [name, tool] of Object.entries(tools)) {
    if (isToolEnabled(filter, name, tool.annotations)) enabled.push(name);
    else {
      tool.disable();
      disabled.push(name);
    }
  }
  if (disabled.length > 0) answerSwitchedOff(server, new Set(disabled), filter);
  return { enabled, disabled, filter: { MCP_ENABLED_TOOLS: filter.patterns, MCP_READ_ONLY: filter.readOnly } };
}

export function switchedOffMessage(name: string, filter: ToolFilter): string {
  const why = [
    ...(filter.readOnly ? ['MCP_READ_ONLY=1 (it is not read-only)'] : []),
    ...(filter.patterns ? [`MCP_ENABLED_TOOLS=${filter.patterns.join(',')}`] : []),
  ].join(' and ');
  return (
    `${name} is switched off on this server by ${why}, so nothing was done. Use the tools that tools/list offers, ` +
    'or ask whoever runs the server to change that setting and restart it.'
  );
}

type CallHandler = (request: { params: { name: string } }, extra: unknown) => Promise<unknown>;

/**
 * A call to a switched-off tool gets an isError answer that says why and what to do, instead of the SDK's bare
 * "disabled" protocol error. Wraps the SDK's tools/call handler (its handler map, as tools-list-cache.ts does);
 * without that map the SDK's own refusal stands.
 */
function answerSwitchedOff(server: McpServer, off: Set<string>, filter: ToolFilter): void {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) return;
  const original = handlers.get('tools/call') as CallHandler | undefined;
  if (typeof original !== 'function') return;
  const guarded: CallHandler = async (request, extra) => {
    const name = request.params?.name;
    if (typeof name === 'string' && off.has(name)) return toolFailure(switchedOffMessage(name, filter)) satisfies CallToolResult;
    return original(request, extra);
  };
  handlers.set('tools/call', guarded);
}

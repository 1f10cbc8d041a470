// Which tools a server offers: MCP_ENABLED_TOOLS (names or globs, comma or space separated; `*` any run of
// characters, `?` one) and MCP_READ_ONLY=1 (only tools whose annotations say readOnlyHint). Both apply when both
// are set. A tool switched off is not listed and a call to it is answered with what to do; /health names the tools that are on.
// Applied by the HTTP kit to every session's McpServer, the one way for both servers.
import type { ToolCatalogServer } from './tool-catalog.js';

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

/**
 * Switches off (the SDK's public RegisteredTool.disable()) the tools of `server` the filter leaves out: they are not
 * listed, and the kit answers a call to one with switchedOffMessage() (kit-answers.ts).
 */
export function applyToolFilter(server: ToolCatalogServer, filter: ToolFilter): ToolsReport {
  const enabled: string[] = [];
  const disabled: string[] = [];
  for (const [name, tool] of server.registeredTools) {
    if (isToolEnabled(filter, name, tool.annotations)) enabled.push(name);
    else {
      tool.disable();
      disabled.push(name);
    }
  }
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

// The McpServer every service builds its sessions on: the SDK's own, which also keeps the handle registerTool
// returns for each tool (public API: RegisteredTool's fields, enable/disable). From those handles the kit switches
// tools off (tool-filter.ts) and answers tools/list itself (toolsListResult, tools-list-answer.ts), so nothing
// reaches into the SDK's private maps.
import { McpServer, type RegisteredTool, type ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AnySchema, ZodRawShapeCompat } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { normalizeObjectSchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import type { ListToolsResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

export class ToolCatalogServer extends McpServer {
  /** Every tool registered, by name, in registration order. */
  readonly registeredTools = new Map<string, RegisteredTool>();

  override registerTool<
    OutputArgs extends ZodRawShapeCompat | AnySchema,
    InputArgs extends undefined | ZodRawShapeCompat | AnySchema = undefined,
  >(
    name: string,
    config: {
      title?: string;
      description?: string;
      inputSchema?: InputArgs;
      outputSchema?: OutputArgs;
      annotations?: ToolAnnotations;
      _meta?: Record<string, unknown>;
    },
    cb: ToolCallback<InputArgs>,
  ): RegisteredTool {
    const tool = super.registerTool(name, config, cb);
    this.registeredTools.set(name, tool);
    return tool;
  }
}

const EMPTY_OBJECT_JSON_SCHEMA = { type: 'object', properties: {} } as const;

/**
 * The tools/list result of the enabled tools, built the way the SDK 1.32 builds it (McpServer's tools/list handler:
 * the same zod -> JSON Schema conversion with the same options); test/servers/shared/tools-list-answer.test.ts
 * compares it with the SDK's own answer for both servers.
 */
export function toolsListResult(tools: ReadonlyMap<string, RegisteredTool>): ListToolsResult {
  const listed: ListToolsResult['tools'] = [];
  for (const [name, tool] of tools) {
    if (!tool.enabled) continue;
    const input = normalizeObjectSchema(tool.inputSchema);
    const output = tool.outputSchema === undefined ? undefined : normalizeObjectSchema(tool.outputSchema);
    listed.push({
      name,
      title: tool.title,
      description: tool.description,
      inputSchema: (input
        ? toJsonSchemaCompat(input, { strictUnions: true, pipeStrategy: 'input' })
        : EMPTY_OBJECT_JSON_SCHEMA) as ListToolsResult['tools'][number]['inputSchema'],
      annotations: tool.annotations,
      execution: tool.execution,
      _meta: tool._meta,
      ...(output
        ? { outputSchema: toJsonSchemaCompat(output, { strictUnions: true, pipeStrategy: 'output' }) as ListToolsResult['tools'][number]['outputSchema'] }
        : {}),
    });
  }
  return { tools: listed };
}

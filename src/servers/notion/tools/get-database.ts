import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { parseNotionId } from '../ids.js';
import type { Json } from '../notion-api.js';
import { pageTitle } from '../properties.js';
import { runNotionTool, type ToolContext } from './context.js';
import { getDatabaseOutput } from './outputs.js';

export const getDatabaseInput = {
  database_id: z.string().min(1).describe('The database id or URL (a data source id also works).'),
  data_source_id: z.string().optional().describe('Only for databases with several data sources: which one.'),
};

/** What to pass for a property of each type in notion_create_page / notion_update_page. */
const PLAIN_VALUE: Record<string, string> = {
  title: 'text',
  rich_text: 'text',
  number: 'a number',
  checkbox: 'true or false',
  select: 'one of options',
  status: 'one of options',
  multi_select: 'a list of options',
  date: '"YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS+09:00" or {"start","end"}',
  url: 'a URL',
  email: 'an email address',
  phone_number: 'a phone number',
  people: 'a list of user ids (notion_list_users)',
  relation: 'a list of page ids of the related database',
};

function optionNames(config: Json): string[] | undefined {
  return Array.isArray(config.options) ? (config.options as Json[]).map((o) => String(o.name ?? '')) : undefined;
}

/** One schema property for the model: its type, its choices, and what value to give (or that it is computed). */
export function describeProperty(name: string, def: Json): Json {
  const type = String(def.type ?? '');
  const config = (def[type] ?? {}) as Json;
  const options = optionNames(config);
  const groups = Array.isArray(config.groups)
    ? (config.groups as Json[]).map((g) => ({ name: String(g.name ?? ''), options: (g.option_ids as string[] | undefined)?.length ?? 0 }))
    : undefined;
  return {
    name,
    type,
    ...(options ? { options } : {}),
    ...(groups ? { groups } : {}),
    ...(type === 'number' && typeof config.format === 'string' ? { format: config.format } : {}),
    ...(type === 'relation' ? { related: config.data_source_id ?? config.database_id ?? null } : {}),
    ...(type === 'formula' && typeof config.expression === 'string' ? { expression: config.expression } : {}),
    value: PLAIN_VALUE[type] ?? 'read only (computed by Notion)',
  };
}

export function registerGetDatabaseTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'notion_get_database',
    {
      title: 'Get a Notion database schema',
      description:
        "A database's title and its properties: each one's type, the allowed options of select / multi-select / status properties, and what plain value to give it in notion_create_page or notion_update_page (computed ones say read only). Call it before filling a row so the values are right the first time.",
      inputSchema: getDatabaseInput,
      outputSchema: getDatabaseOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runNotionTool(ctx, `reading database ${args.database_id}`, async () => {
        const databaseId = parseNotionId(args.database_id, 'database');
        const preferred = args.data_source_id ? parseNotionId(args.data_source_id, 'data source') : undefined;
        const target = await ctx.api.resolveQueryTarget(databaseId, preferred);
        const owner = target.kind === 'database' ? await ctx.api.getDatabase(target.id) : await ctx.api.getDataSource(target.id);
        const properties = Object.entries((owner.properties ?? {}) as Record<string, Json>).map(([name, def]) =>
          describeProperty(name, def),
        );
        return {
          ...(target.database_id ? { database_id: target.database_id } : {}),
          ...(target.kind === 'data_source' ? { data_source_id: target.id } : {}),
          ...(target.data_sources.length > 1 ? { data_sources: target.data_sources } : {}),
          title: pageTitle(owner),
          url: owner.url ?? null,
          properties,
        };
      }),
  );
}

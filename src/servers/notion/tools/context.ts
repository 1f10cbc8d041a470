// What every tool gets, and how a Notion tool's work becomes a result (the shared tool runner, with Notion's words).
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { NotionConfig } from '../config.js';
import type { NotionApi } from '../notion-api.js';
import { describeNotionError, missingTokenMessage } from '../errors.js';
import { toolJson } from '../../shared/tool-result.js';
import { runTool, type ToolRunner } from '../../shared/tool-runner.js';

export interface ToolContext {
  api: NotionApi;
  config: NotionConfig;
}

export const cursorSchemaText =
  'Pass next_cursor from the previous answer to get the next page; omit for the first page.';

function notionRunner(ctx: ToolContext): ToolRunner {
  return {
    notConfigured: () => (ctx.config.token ? null : missingTokenMessage(ctx.config.envFile)),
    inputError: (message, action) => `Could not finish ${action}: ${message}`,
    describeFailure: (error, action) =>
      describeNotionError(error, {
        action,
        timeoutMs: ctx.config.timeoutMs,
        secrets: ctx.config.token ? [ctx.config.token] : [],
        envFile: ctx.config.envFile,
      }),
  };
}

/** Runs one tool's Notion work (shared/tool-runner.ts). `action` completes "Notion request failed while …". */
export function runNotionTool(ctx: ToolContext, action: string, work: () => Promise<object>): Promise<CallToolResult> {
  return runTool(notionRunner(ctx), action, async () => toolJson(await work()));
}

/** The pagination fields of a Notion list, named as Notion names them, for the model to pass back. */
export function pageInfo(list: { has_more?: boolean; next_cursor?: string | null }) {
  return { has_more: list.has_more === true, next_cursor: list.next_cursor ?? null };
}

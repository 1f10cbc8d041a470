// What every tool gets, and the one place where tool work becomes a result: a missing token, bad input and
// upstream failures all turn into isError answers, never exceptions.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { NotionConfig } from '../config.js';
import type { NotionApi } from '../notion-api.js';
import { describeNotionError, missingTokenMessage } from '../errors.js';
import { ToolInputError } from '../ids.js';
import { PropertyValueError } from '../properties.js';
import { toolFailure, toolJson } from '../../shared/tool-result.js';
import { internalFailure, isInternalError } from '../../shared/internal-error.js';

export interface ToolContext {
  api: NotionApi;
  config: NotionConfig;
}

export const cursorSchemaText =
  'Pass next_cursor from the previous answer to get the next page; omit for the first page.';

/** Runs one tool's Notion work. `action` completes "Notion request failed while …". */
export async function runNotionTool(
  ctx: ToolContext,
  action: string,
  work: () => Promise<object>,
): Promise<CallToolResult> {
  if (!ctx.config.token) return toolFailure(missingTokenMessage(ctx.config.envFile));
  try {
    return toolJson(await work());
  } catch (error) {
    if (error instanceof ToolInputError || error instanceof PropertyValueError) {
      return toolFailure(`Could not finish ${action}: ${error.message}`);
    }
    if (isInternalError(error)) return internalFailure(error);
    return toolFailure(
      describeNotionError(error, {
        action,
        timeoutMs: ctx.config.timeoutMs,
        secrets: ctx.config.token ? [ctx.config.token] : [],
        envFile: ctx.config.envFile,
      }),
    );
  }
}

/** The pagination fields of a Notion list, named as Notion names them, for the model to pass back. */
export function pageInfo(list: { has_more?: boolean; next_cursor?: string | null }) {
  return { has_more: list.has_more === true, next_cursor: list.next_cursor ?? null };
}

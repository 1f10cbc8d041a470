// Every Notion tool, registered on one McpServer.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { registerAppendContentTool } from './append-content.js';
import { registerAddCommentTool } from './add-comment.js';
import { registerListCommentsTool } from './list-comments.js';
import { registerCreatePageTool } from './create-page.js';
import { registerGetPageTool } from './get-page.js';
import { registerListUsersTool } from './list-users.js';
import { registerQueryDatabaseTool } from './query-database.js';
import { registerReadPageTool } from './read-page.js';
import { registerSearchTool } from './search.js';
import { registerUpdatePageTool } from './update-page.js';
import { registerUpdateBlockTool } from './update-block.js';
import { registerDeleteBlockTool } from './delete-block.js';
import { registerReplaceContentTool } from './replace-content.js';
import { registerMovePageTool } from './move-page.js';
import { registerGetDatabaseTool } from './get-database.js';

export type { ToolContext } from './context.js';

const registrations = [
  registerSearchTool,
  registerGetPageTool,
  registerReadPageTool,
  registerQueryDatabaseTool,
  registerGetDatabaseTool,
  registerCreatePageTool,
  registerUpdatePageTool,
  registerMovePageTool,
  registerAppendContentTool,
  registerReplaceContentTool,
  registerUpdateBlockTool,
  registerDeleteBlockTool,
  registerListCommentsTool,
  registerAddCommentTool,
  registerListUsersTool,
];

export function registerNotionTools(server: McpServer, ctx: ToolContext): void {
  for (const register of registrations) register(server, ctx);
}

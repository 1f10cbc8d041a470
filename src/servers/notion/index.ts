// PM2 entry of the Notion MCP server (ecosystem.config.js: notion-mcp).
import { runFromEnv, serviceEnvOrExit } from '../shared/run.js';
import { configFromEnv, NOTION_ENV } from './config.js';
import { createNotionService, NOTION_SERVICE_NAME } from './server.js';

const env = serviceEnvOrExit(NOTION_SERVICE_NAME, NOTION_ENV);
await runFromEnv(createNotionService(configFromEnv(env)), env, NOTION_ENV);

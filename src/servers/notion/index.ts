// PM2 entry of the Notion MCP server (ecosystem.config.js: notion-mcp).
import { runFromEnv } from '../shared/run.js';
import { configFromEnv } from './config.js';
import { createNotionService } from './server.js';

await runFromEnv(createNotionService(configFromEnv(process.env)), process.env);

// PM2 entry of the Google Calendar MCP server.
import { runFromEnv } from '../shared/run.js';
import { configFromEnv } from './config.js';
import { createCalendarService } from './server.js';

await runFromEnv(createCalendarService(configFromEnv(process.env)), process.env);

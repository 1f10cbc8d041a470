// PM2 entry of the Google Calendar MCP server.
import { runFromEnv } from '../shared/run.js';
import { configFromEnv } from './config.js';
import { createCalendarService } from './server.js';

// google-logging-utils prints request details (headers included) to the console when this is set: never here.
delete process.env.GOOGLE_SDK_NODE_LOGGING;

await runFromEnv(createCalendarService(configFromEnv(process.env)), process.env);

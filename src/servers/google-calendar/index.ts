// PM2 entry of the Google Calendar MCP server.
import { runFromEnv, serviceEnvOrExit } from '../shared/run.js';
import { CALENDAR_ENV, configFromEnv } from './config.js';
import { CALENDAR_SERVICE_NAME, createCalendarService } from './server.js';

const env = serviceEnvOrExit(CALENDAR_SERVICE_NAME, CALENDAR_ENV);
await runFromEnv(createCalendarService(configFromEnv(env)), env, CALENDAR_ENV);

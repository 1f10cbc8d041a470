// What every tool gets, and how a Calendar tool's work becomes a result (the shared tool runner, with Google's words).
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runTool, type ToolRunner } from '../shared/tool-runner.js';
import type { CalendarConfig } from './config.js';
import { UpstreamError, classifyUpstreamError, describeFailure } from './errors.js';
import { MissingCredentialsError, type CalendarUpstream } from './upstream.js';
import { howToSetCredentials } from '../shared/env-file.js';

export interface ToolContext {
  config: CalendarConfig;
  upstream: CalendarUpstream;
  now(): Date;
}

export function missingCredentialsMessage(ctx: ToolContext): string {
  const { missing } = ctx.upstream.status();
  const problem = ctx.upstream.problem();
  return [
    `Google Calendar is not configured on this server${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
    ...(problem ? [`Problem: ${problem}.`] : []),
    'To set it up: create an OAuth client (type "Desktop app") in Google Cloud Console with the Calendar API enabled,',
    `${howToSetCredentials('google-calendar-mcp', 'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET', ctx.config.envFile)}`,
    `after running \`npm run auth:google\` once (it reads them from that file and stores the refresh token in ${ctx.config.tokenFile}).`,
    'Alternatively put GOOGLE_APPLICATION_CREDENTIALS (the path of a service-account key file) in the env file and share the calendars with that account.',
  ].join(' ');
}

function calendarRunner(ctx: ToolContext): ToolRunner {
  return {
    notConfigured: () => (ctx.upstream.status().configured ? null : missingCredentialsMessage(ctx)),
    describeFailure(error, operation) {
      if (error instanceof MissingCredentialsError) return missingCredentialsMessage(ctx);
      const failure = error instanceof UpstreamError ? error.failure : classifyUpstreamError(error);
      return describeFailure(failure, operation, ctx.now());
    },
  };
}

/** Runs a tool body (shared/tool-runner.ts); upstream failures, missing credentials and bad arguments come back as isError results. */
export function answer(ctx: ToolContext, operation: string, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  return runTool(calendarRunner(ctx), operation, work);
}

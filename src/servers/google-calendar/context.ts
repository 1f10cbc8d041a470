// What every tool gets, and the one place that turns thrown upstream errors into isError answers.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toolFailure } from '../shared/tool-result.js';
import { internalFailure, isInternalError } from '../shared/internal-error.js';
import type { CalendarConfig } from './config.js';
import { UpstreamError, classifyUpstreamError, describeFailure } from './errors.js';
import { MissingCredentialsError, type CalendarUpstream } from './upstream.js';
import { howToSetCredentials } from '../shared/env-file.js';

export interface ToolContext {
  config: CalendarConfig;
  upstream: CalendarUpstream;
  now(): Date;
}

/** Raised by a tool for arguments it cannot use; answered as an isError result with the message as is. */
export class ToolInputError extends Error {}

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

/** Runs a tool body; upstream failures, missing credentials and bad arguments come back as isError results. */
export async function answer(
  ctx: ToolContext,
  operation: string,
  work: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if (!ctx.upstream.status().configured) return toolFailure(missingCredentialsMessage(ctx));
  try {
    return await work();
  } catch (err) {
    if (err instanceof ToolInputError) return toolFailure(err.message);
    if (err instanceof MissingCredentialsError) return toolFailure(missingCredentialsMessage(ctx));
    if (isInternalError(err)) return internalFailure(err);
    const failure = err instanceof UpstreamError ? err.failure : classifyUpstreamError(err);
    return toolFailure(describeFailure(failure, operation, ctx.now()));
  }
}

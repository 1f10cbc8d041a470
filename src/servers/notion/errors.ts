// Upstream failures as messages the model can act on. Never includes the token: messages are built from
// status codes and error codes, and anything echoed from Notion is passed through redactSecrets().
import { APIErrorCode, ClientErrorCode, isHTTPResponseError, isNotionClientError } from '@notionhq/client';
import { redactSecrets } from '../shared/redact-secrets.js';
import { headerValue, parseRetryAfter } from '../shared/retry-after.js';
import { howToSetCredentials } from '../shared/env-file.js';
import { tooLargeCause } from '../shared/bounded-fetch.js';

export function missingTokenMessage(envFile: string): string {
  return (
    'Notion is not configured: NOTION_TOKEN is not set. Create an internal integration at ' +
    'https://www.notion.so/profile/integrations, copy its secret, ' +
    `${howToSetCredentials('notion-mcp', 'NOTION_TOKEN=<the secret>', envFile)}, ` +
    'and share the pages or databases with the integration.'
  );
}

/** Whole seconds to wait from a Retry-After header (shared/retry-after.ts); null when absent or invalid. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | null {
  const ms = parseRetryAfter(value, now);
  return ms === undefined ? null : Math.ceil(ms / 1000);
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  if (isNotionClientError(error) && error.code === ClientErrorCode.RequestTimeout) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError' || causeCode(error) === 'ETIMEDOUT';
}

export interface ErrorContext {
  /** What the tool was doing, e.g. "reading page 1234". */
  action: string;
  timeoutMs: number;
  secrets: readonly string[];
  /** The env file NOTION_TOKEN is set in. */
  envFile: string;
}

/** One message per failure kind: what happened, and what to do about it. */
export function describeNotionError(error: unknown, context: ErrorContext): string {
  const prefix = `Notion request failed while ${context.action}: `;
  const say = (text: string) => redactSecrets(prefix + text, context.secrets);

  const tooLarge = tooLargeCause(error);
  if (tooLarge) {
    return say(
      `Notion's ${tooLarge.message}, so it was cut off and not used. Ask for less: a smaller page_size, a narrower ` +
        'query or filter, or a lower max_depth.',
    );
  }
  if (error instanceof SyntaxError) {
    return say('Notion\'s answer is not valid JSON (cut off or garbled on the way), so nothing of it was used. Try again.');
  }
  if (isTimeout(error)) {
    return say(
      `Notion did not answer within ${context.timeoutMs} ms (timeout). Notion may be slow or unreachable; ` +
        'try again in a moment. The limit is NOTION_TIMEOUT_MS.',
    );
  }
  if (isHTTPResponseError(error)) {
    const code = error.code as string;
    if (error.status === 429 || code === APIErrorCode.RateLimited) {
      const seconds = retryAfterSeconds(headerValue(error.headers, 'retry-after'));
      const when = seconds === null ? 'in a little while' : `after ${seconds} s`;
      return say(`rate limited by Notion (429) even after retrying. Retry ${when} (Retry-After: ${seconds ?? 'not given'}).`);
    }
    if (error.status === 401 || code === APIErrorCode.Unauthorized) {
      return say(
        'the token is invalid or expired (401). Check NOTION_TOKEN: copy the integration secret again from ' +
          `https://www.notion.so/profile/integrations, ${howToSetCredentials('notion-mcp', 'NOTION_TOKEN', context.envFile)}.`,
      );
    }
    if (error.status === 404 || code === APIErrorCode.ObjectNotFound) {
      return say(
        'not found or not shared with the integration (404). Check the id or URL, and in Notion open the page ' +
          'or database, then "..." > Connections > add this integration.',
      );
    }
    if (error.status === 403 || code === APIErrorCode.RestrictedResource) {
      return say('the integration lacks the capability for this (403). Enable it in the integration settings.');
    }
    if (code === APIErrorCode.ValidationError || code === APIErrorCode.InvalidRequest || error.status === 400) {
      return say(`Notion rejected the request as invalid (${error.status}): ${error.message}`);
    }
    if (code === APIErrorCode.ConflictError) {
      return say('the object was changed by someone else at the same time (409). Try again.');
    }
    if (error.status >= 500) {
      return say(`Notion had a server error (${error.status} ${code}). Try again later.`);
    }
    return say(`Notion answered ${error.status} ${code}: ${error.message}`);
  }
  const network = causeCode(error);
  if (network) {
    return say(
      `could not reach Notion (network error ${network}). Check the network and NOTION_BASE_URL; try again later.`,
    );
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    return say('could not reach Notion (network error). Check the network and try again later.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return say(`unexpected error: ${message}`);
}

// A tool that fails for a reason inside the server (a bug, a broken bundle: a TypeError, a ReferenceError), as
// opposed to an upstream answer or bad arguments. Its result says so to the model; the HTTP kit, which knows the
// tool's name, logs it to the error log, counts it and makes /health say "degraded".
import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toolFailure } from './tool-result.js';

// Not SyntaxError: an upstream body that does not parse raises one, and that is an upstream failure.
const PROGRAMMING_ERRORS = [TypeError, ReferenceError, RangeError, EvalError];

/** True for errors that come from the server's own code, not from the network or an upstream answer. */
export function isInternalError(error: unknown): error is Error {
  if (!PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) return false;
  // undici reports network failures as TypeError('fetch failed') with the socket error as its cause.
  if (error instanceof TypeError && (/fetch failed|network/i.test(error.message) || error.cause !== undefined)) return false;
  return true;
}

// The SDK copies a tool's result on its way out, so the result carries a marker (a random token in _meta, which
// the SDK keeps) and the error itself waits here until the kit sends the result (bounded, oldest dropped first).
export const INTERNAL_ERROR_META = 'gakuco-monit/internal-error';
const waiting = new Map<string, Error>();
const MAX_WAITING = 100;

export function internalFailure(error: Error): CallToolResult {
  const token = randomUUID();
  waiting.set(token, error);
  if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
  return {
    ...toolFailure(
      `Internal error in the server (${error.name}): a bug in the server, not a problem with the request or the ` +
        "upstream service; retrying will not help. The details are in the server's error log.",
    ),
    _meta: { [INTERNAL_ERROR_META]: token },
  };
}

/** The error behind a result made by internalFailure(), once (the marker is then spent). */
export function takeInternalError(result: unknown): Error | undefined {
  const meta = (result as { _meta?: Record<string, unknown> } | null)?._meta;
  const token = meta?.[INTERNAL_ERROR_META];
  if (typeof token !== 'string') return undefined;
  const error = waiting.get(token) ?? new Error('(details no longer kept)');
  waiting.delete(token);
  return error;
}

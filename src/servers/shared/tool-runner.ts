// The one place, for both servers, where a tool's work becomes its result: a missing credential, bad input
// (ToolInputError), a bug in the server (internal-error.ts) and upstream failures all turn into isError answers,
// never exceptions. A server says only how its own failures read.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { internalFailure, isInternalError } from './internal-error.js';
import { ToolInputError } from './tool-input-error.js';
import { toolFailure } from './tool-result.js';

export interface ToolRunner {
  /** What to do when the upstream's credentials are not set; null when they are. */
  notConfigured(): string | null;
  /** Any other failure (the upstream's answer, the network, a timeout) in words that say what to do. */
  describeFailure(error: unknown, action: string): string;
  /** How a ToolInputError reads (default: its message as is). */
  inputError?(message: string, action: string): string;
}

/** Runs one tool's work; `action` says what it was doing (e.g. "reading page 1234"), for the failure messages. */
export async function runTool(runner: ToolRunner, action: string, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  const missing = runner.notConfigured();
  if (missing !== null) return toolFailure(missing);
  try {
    return await work();
  } catch (error) {
    if (error instanceof ToolInputError) return toolFailure(runner.inputError?.(error.message, action) ?? error.message);
    if (isInternalError(error)) return internalFailure(error);
    return toolFailure(runner.describeFailure(error, action));
  }
}

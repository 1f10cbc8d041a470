// restart / stop / delete by pm_id over the daemon's RPC, each resolving (never rejecting) with a clear outcome.
import { DaemonGoneError, RpcTimeoutError, type DaemonConnection } from './client.js';
import type { ActionResult, ServiceAction } from './types.js';

const METHOD: Record<ServiceAction, string> = {
  restart: 'restartProcessId',
  stop: 'stopProcessId',
  delete: 'deleteProcessId',
};

/** What the pm2 CLI tells the daemon after an action, so other bus listeners see a manual restart/stop/delete. */
const NOTICE: Record<ServiceAction, string> = { restart: 'restart', stop: 'stop', delete: 'delete' };

export const NO_DAEMON_ERROR = 'PM2 is not running (no daemon answers): start it with `pm2 resurrect` or `pm2 start`';

export function unknownIdError(pmId: number): string {
  return `No PM2 process with id ${pmId}`;
}

export async function runServiceAction(
  daemon: DaemonConnection | null,
  action: ServiceAction,
  pmId: number,
  timeoutMs: number,
): Promise<ActionResult> {
  if (!daemon || daemon.closed) return { ok: false, error: NO_DAEMON_ERROR };
  const arg = action === 'restart' ? { id: pmId, env: {} } : pmId;
  try {
    const result = await daemon.call<{ error?: unknown; message?: unknown } | null>(METHOD[action], arg, timeoutMs);
    if (result && result.error === true) {
      return { ok: false, error: `PM2 could not ${action} ${pmId}: ${String(result.message ?? 'unknown error')}` };
    }
  } catch (error) {
    return { ok: false, error: describeActionError(error, action, pmId) };
  }
  daemon.call('notifyByProcessId', { id: pmId, action_name: NOTICE[action], manually: true }, 2000).catch(() => undefined);
  return { ok: true };
}

function describeActionError(error: unknown, action: ServiceAction, pmId: number): string {
  if (error instanceof DaemonGoneError) return NO_DAEMON_ERROR;
  if (error instanceof RpcTimeoutError) return `PM2 did not finish ${action} of ${pmId} in time (${error.message})`;
  const message = error instanceof Error ? error.message : String(error);
  if (/unknown/i.test(message)) return unknownIdError(pmId);
  return `PM2 could not ${action} ${pmId}: ${message.split('\n')[0]}`;
}

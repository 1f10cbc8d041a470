// restart / stop / delete of one confirmed process over the daemon's RPC, each resolving (never rejecting) with a
// clear outcome: done, or a code saying why nothing was done.
import { DaemonGoneError, RpcTimeoutError, type DaemonConnection } from './client.js';
import { readDaemonPid } from './daemon-files.js';
import { sanitizeField } from './sanitize.js';
import type { ActionError, ActionResult, ActionTarget, ServiceAction } from './types.js';

const METHOD: Record<ServiceAction, string> = {
  restart: 'restartProcessId',
  stop: 'stopProcessId',
  delete: 'deleteProcessId',
};

/** What the pm2 CLI tells the daemon after an action, so other bus listeners see a manual restart/stop/delete. */
const NOTICE: Record<ServiceAction, string> = { restart: 'restart', stop: 'stop', delete: 'delete' };

interface ListedProcess {
  pm_id?: unknown;
  name?: unknown;
}

const failed = (code: ActionError['code'], params: ActionError['params'] = {}): ActionResult => ({ ok: false, error: { code, params } });

/**
 * Why `target` may not be acted on now, or null when it may: the daemon must be the one the operator saw (its pid
 * file), and `pmId` must still be the app of that name (a fresh list, just before acting).
 */
async function identityMismatch(daemon: DaemonConnection, target: ActionTarget, timeoutMs: number): Promise<ActionResult | null> {
  const pid = readDaemonPid(daemon.home);
  if (target.daemonPid !== null && pid !== target.daemonPid) {
    return failed('daemon-replaced', { name: target.name, expected: target.daemonPid, found: pid ?? 0 });
  }
  const list = await daemon.call<ListedProcess[] | null>('getMonitorData', {}, timeoutMs);
  const now = (list ?? []).find((proc) => proc.pm_id === target.pmId);
  if (now === undefined) return failed('process-gone', { name: target.name, pmId: target.pmId });
  // The snapshot (and so the target) holds names made terminal-safe: compare like with like.
  if (sanitizeField(String(now.name)) !== target.name) return failed('process-replaced', { name: target.name, pmId: target.pmId, found: String(now.name) });
  return null;
}

export async function runServiceAction(
  daemon: DaemonConnection | null,
  action: ServiceAction,
  target: ActionTarget,
  timeoutMs: number,
): Promise<ActionResult> {
  if (!daemon || daemon.closed) return failed('no-daemon');
  const pmId = target.pmId;
  const arg = action === 'restart' ? { id: pmId, env: {} } : pmId;
  try {
    const mismatch = await identityMismatch(daemon, target, timeoutMs);
    if (mismatch !== null) return mismatch;
    const result = await daemon.call<{ error?: unknown; message?: unknown } | null>(METHOD[action], arg, timeoutMs);
    if (result && result.error === true) return failed('pm2-refused', { pmId, message: firstLine(result.message ?? '') });
  } catch (error) {
    return describeActionError(error, pmId, timeoutMs);
  }
  daemon.call('notifyByProcessId', { id: pmId, action_name: NOTICE[action], manually: true }, 2000).catch(() => undefined);
  return { ok: true };
}

/** Why a call to the daemon failed, as a code plus parameters (for a list call as for an action). */
export function linkFailure(error: unknown, timeoutMs: number): ActionError {
  if (error instanceof DaemonGoneError) return { code: 'no-daemon', params: {} };
  if (error instanceof RpcTimeoutError) return { code: 'timeout', params: { ms: timeoutMs } };
  return { code: 'pm2-refused', params: { message: firstLine(error instanceof Error ? error.message : error) } };
}

function describeActionError(error: unknown, pmId: number, timeoutMs: number): ActionResult {
  const failure = linkFailure(error, timeoutMs);
  if (failure.code === 'pm2-refused' && /unknown/i.test(String(failure.params.message))) return failed('unknown-id', { pmId });
  return { ok: false, error: { code: failure.code, params: failure.code === 'no-daemon' ? {} : { pmId, ...failure.params } } };
}

function firstLine(text: unknown): string {
  return String(text).split('\n')[0] ?? '';
}

// The actions on one confirmed process over the daemon's RPC, each resolving (never rejecting) with a clear
// outcome: done, or a code saying why nothing was done.
import { closeSync, existsSync, openSync } from 'node:fs';
import { DaemonGoneError, RpcTimeoutError, type DaemonConnection } from './client.js';
import { readDaemonPid } from './daemon-files.js';
import { sanitizeField } from './sanitize.js';
import type { ActionError, ActionResult, ActionTarget, ServiceAction } from './types.js';

export interface ListedProcess {
  pm_id?: unknown;
  name?: unknown;
  pm2_env?: {
    namespace?: unknown;
    exec_mode?: unknown;
    pm_out_log_path?: unknown;
    pm_err_log_path?: unknown;
    pm_log_path?: unknown;
    status?: unknown;
    axm_actions?: unknown;
  };
}

/** What one action does once the target is known to be the process the operator saw (`now`, in `list`). */
interface Step {
  run(daemon: DaemonConnection, now: ListedProcess, list: readonly ListedProcess[], timeoutMs: number): Promise<ActionResult>;
  /** What the pm2 CLI tells the daemon afterwards, so other bus listeners see a manual action; none for some. */
  notice: string | null;
}

const failed = (code: ActionError['code'], params: ActionError['params'] = {}): ActionResult => ({ ok: false, error: { code, params } });
const done: ActionResult = { ok: true };

/** A daemon method answering `{error: true, message}` on refusal (restart/stop/delete do), or throwing. */
async function callMethod(daemon: DaemonConnection, method: string, arg: unknown, pmId: number, timeoutMs: number): Promise<ActionResult> {
  const result = await daemon.call<{ error?: unknown; message?: unknown } | null>(method, arg, timeoutMs);
  if (result && !Array.isArray(result) && result.error === true) return failed('pm2-refused', { pmId, message: firstLine(result.message ?? '') });
  return done;
}

const byMethod = (method: string, notice: string | null, arg: (pmId: number) => unknown = (pmId) => pmId): Step => ({
  run: (daemon, now, _list, timeoutMs) => callMethod(daemon, method, arg(Number(now.pm_id)), Number(now.pm_id), timeoutMs),
  notice,
});

const isCluster = (proc: ListedProcess) => proc.pm2_env?.exec_mode === 'cluster_mode';
/** The instances of the app `proc` belongs to (same name and namespace), oldest pm_id first. */
const instancesOf = (proc: ListedProcess, list: readonly ListedProcess[]) =>
  list
    .filter((other) => typeof other.pm_id === 'number' && other.name === proc.name && other.pm2_env?.namespace === proc.pm2_env?.namespace)
    .sort((a, b) => Number(a.pm_id) - Number(b.pm_id));

/** Truncates the app's log files in place, as `pm2 flush <app>` does (PM2 keeps writing to the same files). */
function flushFiles(proc: ListedProcess): ActionResult {
  const env = proc.pm2_env ?? {};
  const paths = [env.pm_out_log_path, env.pm_err_log_path, env.pm_log_path].filter((path): path is string => typeof path === 'string' && path !== '');
  for (const path of new Set(paths)) {
    if (!existsSync(path)) continue;
    try {
      closeSync(openSync(path, 'w'));
    } catch (error) {
      return failed('flush-failed', { path, message: firstLine(error instanceof Error ? error.message : error) });
    }
  }
  return done;
}

const STEPS: Record<ServiceAction, Step> = {
  restart: byMethod('restartProcessId', 'restart', (id) => ({ id, env: {} })),
  stop: byMethod('stopProcessId', 'stop'),
  delete: byMethod('deleteProcessId', 'delete'),
  start: byMethod('startProcessId', 'start'),
  // Cluster mode: PM2 starts a new worker, waits for it to listen, then stops the old one. Fork mode: a restart.
  reload: byMethod('reloadProcessId', 'reload', (id) => ({ id, env: {} })),
  resetCounters: byMethod('resetMetaProcessId', null),
  flush: { run: (_daemon, now) => Promise.resolve(flushFiles(now)), notice: null },
  // As `pm2 scale app +1`: one more worker like the first (PM2 itself announces its start).
  scaleUp: {
    run: (daemon, now, list, timeoutMs) => {
      if (!isCluster(now)) return Promise.resolve(failed('not-cluster', { name: String(now.name) }));
      const first = instancesOf(now, list)[0] ?? now;
      return callMethod(daemon, 'duplicateProcessId', first.pm_id, Number(first.pm_id), timeoutMs);
    },
    notice: null,
  },
  // As `pm2 scale app -1`, but the newest worker goes and the last one never does.
  scaleDown: {
    run: async (daemon, now, list, timeoutMs) => {
      if (!isCluster(now)) return failed('not-cluster', { name: String(now.name) });
      const instances = instancesOf(now, list);
      if (instances.length <= 1) return failed('last-instance', { name: String(now.name) });
      const newest = instances[instances.length - 1]!;
      return callMethod(daemon, 'deleteProcessId', newest.pm_id, Number(newest.pm_id), timeoutMs);
    },
    notice: null,
  },
};

/**
 * Why `target` may not be acted on now, or the process as the daemon lists it: the daemon must be the one the
 * operator saw (its pid file), and `pmId` must still be the app of that name (a fresh list, just before acting).
 */
export async function checkIdentity(
  daemon: Pick<DaemonConnection, 'home' | 'call'>,
  target: ActionTarget,
  timeoutMs: number,
): Promise<{ mismatch: ActionResult } | { now: ListedProcess; list: ListedProcess[] }> {
  const pid = readDaemonPid(daemon.home);
  if (target.daemonPid !== null && pid !== target.daemonPid) {
    return { mismatch: failed('daemon-replaced', { name: target.name, expected: target.daemonPid, found: pid ?? 0 }) };
  }
  const list = (await daemon.call<ListedProcess[] | null>('getMonitorData', {}, timeoutMs)) ?? [];
  const now = list.find((proc) => proc.pm_id === target.pmId);
  if (now === undefined) return { mismatch: failed('process-gone', { name: target.name, pmId: target.pmId }) };
  // The snapshot (and so the target) holds names made terminal-safe: compare like with like.
  if (sanitizeField(String(now.name)) !== target.name) {
    return { mismatch: failed('process-replaced', { name: target.name, pmId: target.pmId, found: String(now.name) }) };
  }
  return { now, list };
}

export async function runServiceAction(
  daemon: DaemonConnection | null,
  action: ServiceAction,
  target: ActionTarget,
  timeoutMs: number,
): Promise<ActionResult> {
  if (!daemon || daemon.closed) return failed('no-daemon');
  const pmId = target.pmId;
  const step = STEPS[action];
  try {
    const checked = await checkIdentity(daemon, target, timeoutMs);
    if ('mismatch' in checked) return checked.mismatch;
    const result = await step.run(daemon, checked.now, checked.list, timeoutMs);
    if (!result.ok) return result;
  } catch (error) {
    return describeActionError(error, pmId, timeoutMs);
  }
  if (step.notice !== null) daemon.call('notifyByProcessId', { id: pmId, action_name: step.notice, manually: true }, 2000).catch(() => undefined);
  return done;
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

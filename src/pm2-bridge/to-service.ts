// Pure mapping of one pm2 `getMonitorData` item to a Service. Reads only the named fields of pm2_env; the env goes
// through maskEnv, and nothing else of pm2_env (which holds the launching shell's whole environment) is copied.
import { maskEnv } from './redact.js';
import { toCustomActions } from './insights/custom-actions.js';
import type { Service, ServiceMetric, ServiceStatus } from './types.js';

/** The shape of a pm2 list item, as far as we read it. Everything is optional: never trust the daemon's data. */
export interface RawProcess {
  pid?: number;
  name?: string;
  pm_id?: number;
  monit?: { cpu?: number; memory?: number };
  pm2_env?: RawPm2Env;
}
export interface RawPm2Env {
  status?: string;
  namespace?: string;
  restart_time?: number;
  unstable_restarts?: number;
  pm_uptime?: number;
  created_at?: number;
  exit_code?: number;
  exec_mode?: string;
  instances?: number | string;
  NODE_APP_INSTANCE?: number | string;
  pm_exec_path?: string;
  pm_cwd?: string;
  exec_interpreter?: string;
  node_version?: string;
  version?: string;
  max_memory_restart?: number | string;
  pm_out_log_path?: string;
  pm_err_log_path?: string;
  autorestart?: boolean;
  watch?: boolean | string[];
  PORT?: unknown;
  env?: Record<string, unknown>;
  axm_monitor?: Record<string, { value?: unknown; unit?: unknown } | undefined>;
  [key: string]: unknown;
}

const STATUSES: readonly ServiceStatus[] = [
  'online',
  'launching',
  'stopping',
  'stopped',
  'errored',
  'waiting restart',
  'one-launch-status',
];

export function toStatus(raw: unknown): ServiceStatus {
  return STATUSES.find((status) => status === raw) ?? 'unknown';
}

function finiteOr<T>(value: unknown, fallback: T): number | T {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** A TCP port from an env value, or null when it is not one. */
export function parsePort(value: unknown): number | null {
  const n = finiteOr(value, null);
  return n !== null && Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

/** pm2 stores max_memory_restart in bytes; older files may hold '200M'-style strings. */
export function parseBytes(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*$/i.exec(value);
  if (!match) return null;
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(match[2] ?? '').toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Math.round(Number(match[1]) * unit);
}

export function toMetrics(monitor: RawPm2Env['axm_monitor']): ServiceMetric[] {
  if (!monitor || typeof monitor !== 'object') return [];
  const metrics: ServiceMetric[] = [];
  for (const [name, metric] of Object.entries(monitor)) {
    if (!metric || typeof metric !== 'object') continue;
    const value = metric.value;
    if (value === undefined || value === null || typeof value === 'object') continue;
    metrics.push({ name, value: String(value), unit: typeof metric.unit === 'string' && metric.unit ? metric.unit : null });
  }
  return metrics;
}

// Keys pm2 itself adds to every app's env (bookkeeping, not configuration): not worth a line in the detail pane.
const PM2_BOOKKEEPING_KEYS = new Set(['unique_id', 'PM2_JSON_PROCESSING', 'PM2_INTERACTOR_PROCESSING', 'PM2_USAGE']);

/** The app's env without pm2's bookkeeping (including the `{name}: {}` entry pm2 adds under the app's name). */
function configuredEnv(appEnv: Record<string, unknown>, appName: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(appEnv).filter(([key]) => !PM2_BOOKKEEPING_KEYS.has(key) && key !== appName),
  );
}

export interface ToServiceOptions {
  /** The PM2 daemon's own environment: env entries equal to it are marked inherited (see EnvEntry). */
  shellEnv?: ReadonlyMap<string, string>;
}

export function toService(item: RawProcess, options: ToServiceOptions = {}): Service {
  const env = item.pm2_env ?? {};
  const status = toStatus(env.status);
  const execMode = env.exec_mode === 'cluster_mode' ? 'cluster' : 'fork';
  const instances = Math.max(1, finiteOr(env.instances, 1));
  const instanceValue = finiteOr(env.NODE_APP_INSTANCE, null);
  const name = typeof item.name === 'string' ? item.name : String(env.name ?? '');
  const appEnv = env.env && typeof env.env === 'object' ? configuredEnv(env.env, name) : {};
  const exitCode = finiteOr(env.exit_code, null);
  return {
    pmId: finiteOr(item.pm_id, -1),
    name,
    namespace: typeof env.namespace === 'string' ? env.namespace : 'default',
    status,
    pid: status === 'stopped' ? 0 : finiteOr(item.pid, 0),
    cpu: finiteOr(item.monit?.cpu, 0),
    memory: finiteOr(item.monit?.memory, 0),
    restarts: finiteOr(env.restart_time, 0),
    unstableRestarts: finiteOr(env.unstable_restarts, 0),
    startedAt: finiteOr(env.pm_uptime, null),
    createdAt: finiteOr(env.created_at, null),
    exitCode,
    execMode,
    instances,
    instanceId: execMode === 'cluster' || instances > 1 ? instanceValue : null,
    script: typeof env.pm_exec_path === 'string' ? env.pm_exec_path : '',
    cwd: typeof env.pm_cwd === 'string' ? env.pm_cwd : '',
    interpreter: typeof env.exec_interpreter === 'string' ? env.exec_interpreter : '',
    nodeVersion: typeof env.node_version === 'string' ? env.node_version : null,
    version: typeof env.version === 'string' && env.version !== '' && env.version !== 'N/A' ? env.version : null,
    maxMemoryRestart: parseBytes(env.max_memory_restart),
    outLogPath: typeof env.pm_out_log_path === 'string' ? env.pm_out_log_path : null,
    errLogPath: typeof env.pm_err_log_path === 'string' ? env.pm_err_log_path : null,
    autorestart: env.autorestart !== false,
    watch: Array.isArray(env.watch) ? env.watch.length > 0 : env.watch === true,
    port: parsePort(appEnv.PORT) ?? parsePort(env.PORT),
    env: maskEnv(appEnv, options.shellEnv),
    metrics: toMetrics(env.axm_monitor),
    actions: toCustomActions(env.axm_actions),
    portCheck: null,
    diagnostics: [],
  };
}

/** Services sorted by pm_id, items without a pm_id dropped. */
export function toServices(list: readonly RawProcess[], options: ToServiceOptions = {}): Service[] {
  return list
    .filter((item) => typeof item.pm_id === 'number')
    .map((item) => toService(item, options))
    .sort((a, b) => a.pmId - b.pmId);
}

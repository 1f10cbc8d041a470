// A server's metrics and actions in PM2, through tx2 (PM2's light metrics library): PM2 keeps them in
// pm2_env.axm_monitor and pm2_env.axm_actions, so `pm2 show`, `pm2 monit`, `pm2 trigger` and gakuco-monit see them.
// Only under PM2: tx2 talks over the IPC channel PM2 opens. The names are stable (docs/operators.md lists them);
// no value, reply or log line carries a secret: counts, milliseconds, setting names and file paths only.
import { createRequire } from 'node:module';
import type { ServerMetrics } from './metrics.js';

type Reply = (data: object) => void;

interface Tx2 {
  metric(options: { name: string; unit?: string; value: () => number | string }): unknown;
  action(name: string, fn: (params: unknown, reply: Reply) => void): void;
}

export const METRIC_NAMES = {
  openSessions: 'Open sessions',
  requestsPerMinute: 'Requests/min',
  toolCallsPerMinute: 'Tool calls/min',
  toolFailuresPerMinute: 'Tool failures/min',
  toolErrors: 'Tool errors',
  upstreamLatency: 'Upstream latency',
  rateLimited: 'Rate-limit refusals',
} as const;

export const ACTION_NAMES = {
  closeIdleSessions: 'close idle sessions',
  rereadCredentials: 're-read credentials',
} as const;

/** What the actions do; each returns the reply PM2 hands to whoever triggered it. */
export interface ServerActions {
  /** Closes sessions idle for at least idleSeconds. */
  closeIdleSessions(idleSeconds: number): object;
  rereadCredentials(): Promise<object>;
}

/** Seconds from `pm2 trigger APP "close idle sessions" [SECONDS]`; default 60. */
export function idleSecondsParam(params: unknown): number | null {
  if (params === undefined || params === null || (typeof params === 'object' && Object.keys(params).length === 0)) return 60;
  const seconds = Number(typeof params === 'string' ? params.trim() : params);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export function publishToPm2(metrics: ServerMetrics, actions: ServerActions, log: (line: string) => void): boolean {
  if (typeof process.send !== 'function') return false;
  const tx2 = createRequire(import.meta.url)('tx2') as Tx2;
  tx2.metric({ name: METRIC_NAMES.openSessions, value: () => metrics.openSessions });
  tx2.metric({ name: METRIC_NAMES.requestsPerMinute, value: () => metrics.requestsPerMinute() });
  tx2.metric({ name: METRIC_NAMES.toolCallsPerMinute, value: () => metrics.toolCallsPerMinute() });
  tx2.metric({ name: METRIC_NAMES.toolFailuresPerMinute, value: () => metrics.toolFailuresPerMinute() });
  tx2.metric({ name: METRIC_NAMES.toolErrors, value: () => metrics.toolErrors });
  tx2.metric({ name: METRIC_NAMES.upstreamLatency, unit: 'ms', value: () => metrics.upstreamMeanMs() ?? 'n/a' });
  tx2.metric({ name: METRIC_NAMES.rateLimited, value: () => metrics.rateLimited });
  tx2.action(ACTION_NAMES.closeIdleSessions, (params, reply) => {
    const seconds = idleSecondsParam(params);
    if (seconds === null) return reply({ ok: false, error: 'the parameter is the idle time in seconds, e.g. 300 (default 60)' });
    const result = actions.closeIdleSessions(seconds);
    log(`action "${ACTION_NAMES.closeIdleSessions}" (idle >= ${seconds} s): ${JSON.stringify(result)}`);
    reply(result);
  });
  tx2.action(ACTION_NAMES.rereadCredentials, (_params, reply) => {
    void actions.rereadCredentials().then(
      (result) => {
        log(`action "${ACTION_NAMES.rereadCredentials}": ${JSON.stringify(result)}`);
        reply(result);
      },
      (error: unknown) => reply({ ok: false, error: `could not apply them: ${(error as Error).name}` }),
    );
  });
  return true;
}

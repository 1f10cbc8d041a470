// Publishes a server's metrics to PM2 through tx2 (PM2's light metrics library), so `pm2 show`, `pm2 monit` and
// gakuco-monit show them (pm2_env.axm_monitor). Only under PM2: tx2 talks over the IPC channel PM2 opens.
import { createRequire } from 'node:module';
import type { ServerMetrics } from './metrics.js';

interface Tx2 {
  metric(options: { name: string; unit?: string; value: () => number | string }): unknown;
}

export const METRIC_NAMES = {
  openSessions: 'Open sessions',
  requestsPerMinute: 'Requests/min',
  toolErrors: 'Tool errors',
  upstreamLatency: 'Upstream latency',
} as const;

export function publishMetricsToPm2(serverMetrics: ServerMetrics): boolean {
  if (typeof process.send !== 'function') return false;
  const tx2 = createRequire(import.meta.url)('tx2') as Tx2;
  tx2.metric({ name: METRIC_NAMES.openSessions, value: () => serverMetrics.openSessions });
  tx2.metric({ name: METRIC_NAMES.requestsPerMinute, value: () => serverMetrics.requestsPerMinute() });
  tx2.metric({ name: METRIC_NAMES.toolErrors, value: () => serverMetrics.toolErrors });
  tx2.metric({ name: METRIC_NAMES.upstreamLatency, unit: 'ms', value: () => serverMetrics.upstreamMs() ?? 'n/a' });
  return true;
}

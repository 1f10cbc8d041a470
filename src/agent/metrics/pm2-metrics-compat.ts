// The per-process series of the pm2-metrics exporter (npm `pm2-metrics`, the names Grafana dashboards 12745 and
// 18299 query): the same metric names, help texts and label set, so those dashboards work against this agent.
import type { Service } from '../../pm2-bridge/types.js';

export const PM2_LABELS = ['id', 'name', 'instance', 'version', 'interpreter', 'node_version'] as const;
export type Pm2Labels = Record<(typeof PM2_LABELS)[number], string>;

export const PM2_GAUGES = [
  ['up', 'Is the process running'],
  ['cpu', 'Process cpu usage'],
  ['memory', 'Process memory usage'],
  ['uptime', 'Process uptime'],
  ['instances', 'Process instances'],
  ['restarts', 'Process restarts'],
] as const;
export type Pm2GaugeName = (typeof PM2_GAUGES)[number][0];

export function pm2Labels(s: Service): Pm2Labels {
  return {
    id: String(s.pmId),
    name: s.name,
    // pm2 sets NODE_APP_INSTANCE in fork mode too (0); the bridge keeps it only where it tells instances apart.
    instance: String(s.instanceId ?? 0),
    version: s.version ?? 'N/A',
    interpreter: s.interpreter,
    node_version: s.nodeVersion ?? '',
  };
}

export function pm2Values(s: Service, now: number): Record<Pm2GaugeName, number> {
  const online = s.status === 'online';
  return {
    up: online ? 1 : 0,
    cpu: s.cpu,
    memory: s.memory,
    // Seconds since the last start while online; 0 otherwise (pm2-metrics counts on from a stopped start).
    uptime: online && s.startedAt !== null ? Math.max(0, Math.round((now - s.startedAt) / 1000)) : 0,
    instances: s.instances,
    restarts: s.restarts,
  };
}

/** pm2-metrics' name of a custom (axm) metric: `pm2_` + the name with each run of other characters as `_`. */
export function axmMetricName(name: string): string {
  return `pm2_${name.replace(/[^a-z\d]+/gi, '_').toLowerCase()}`;
}

/** The number an axm value starts with ("12.5", "3.1ms", "41.2 MiB"), or null for text such as "n/a". */
export function axmValue(value: string): number | null {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

// /metrics: the pm2-metrics series per process, then what only this monitor knows (port checks, /health, findings,
// alerts), in the Prometheus text format via prom-client. A fresh registry per scrape: no stale series of a deleted
// process, and nothing kept between scrapes but the agent's own process metrics.
import { Counter, Gauge, Registry } from 'prom-client';
import type { PortCheck, Snapshot } from '../../pm2-bridge/types.js';
import type { Alert } from '../rules/evaluate-rules.js';
import { PM2_GAUGES, PM2_LABELS, axmMetricName, axmValue, pm2Labels, pm2Values } from './pm2-metrics-compat.js';

export interface MetricsInput {
  snapshot: Snapshot;
  firing: readonly Alert[];
  now: number;
  /** Exceptions seen per pm_id, when a source counts them. */
  exceptionsOf?: (pmId: number) => number;
}

export interface AgentMetrics {
  contentType: string;
  render(input: MetricsInput): Promise<string>;
  /** A notice to a receiver: sent, failed after its retries, or dropped (rate limit, full queue). */
  countNotification(receiver: string, outcome: 'sent' | 'failed' | 'dropped'): void;
}

const HEALTH_STATES: readonly PortCheck['health'][] = ['ok', 'degraded', 'failed', 'none', 'pending'];

function gauge(registry: Registry, name: string, help: string, labelNames: readonly string[]): Gauge {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

function renderSnapshot(registry: Registry, { snapshot, firing, now, exceptionsOf }: MetricsInput): void {
  const pm2 = new Map(PM2_GAUGES.map(([name, help]) => [name, gauge(registry, `pm2_${name}`, help, PM2_LABELS)]));
  const builtIn = new Set(PM2_GAUGES.map(([name]) => `pm2_${name}`));
  const axm = new Map<string, Gauge>();
  const id = ['id', 'name'] as const;
  const port = ['id', 'name', 'port'] as const;
  const status = gauge(registry, 'gakuco_process_status', 'PM2 status of the process (1 for its current status)', [...id, 'status']);
  const maxMemory = gauge(registry, 'gakuco_max_memory_restart_bytes', 'max_memory_restart of the process', id);
  const portUp = gauge(registry, 'gakuco_port_up', 'Whether the process port accepts TCP connections', port);
  const connect = gauge(registry, 'gakuco_port_connect_seconds', 'TCP connect time of the last port check', port);
  const health = gauge(registry, 'gakuco_health_status', 'Result of GET /health (1 for the current state)', [...port, 'status']);
  const healthTime = gauge(registry, 'gakuco_health_seconds', 'Response time of the last GET /health', port);
  const exceptions = exceptionsOf ? gauge(registry, 'gakuco_exceptions', 'Uncaught exceptions seen for the process', id) : null;

  for (const s of snapshot.services) {
    const labels = pm2Labels(s);
    const values = pm2Values(s, now);
    for (const [name, g] of pm2) g.set(labels, values[name]);
    for (const metric of s.metrics) {
      const name = axmMetricName(metric.name);
      const value = axmValue(metric.value);
      if (value === null || builtIn.has(name)) continue;
      let g = axm.get(name);
      if (!g) {
        g = gauge(registry, name, metric.name, PM2_LABELS);
        axm.set(name, g);
      }
      g.set(labels, value);
    }
    const own = { id: labels.id, name: s.name };
    status.set({ ...own, status: s.status }, 1);
    if (s.maxMemoryRestart !== null) maxMemory.set(own, s.maxMemoryRestart);
    exceptions?.set(own, exceptionsOf!(s.pmId));
    const check = s.portCheck;
    if (!check) continue;
    const at = { ...own, port: String(check.port) };
    if (check.listening !== null) portUp.set(at, check.listening ? 1 : 0);
    if (check.connectMs !== null) connect.set(at, check.connectMs / 1000);
    for (const state of HEALTH_STATES) health.set({ ...at, status: state }, check.health === state ? 1 : 0);
    if (check.healthMs !== null) healthTime.set(at, check.healthMs / 1000);
  }

  const daemonUp = gauge(registry, 'gakuco_pm2_daemon_up', 'Whether the PM2 daemon answers', []);
  daemonUp.set(snapshot.connection.kind === 'connected' ? 1 : 0);
  const findings = gauge(registry, 'gakuco_findings', 'Diagnostic findings (gakuco-monit doctor) by code', ['code', 'severity']);
  const counts = new Map<string, { code: string; severity: string; n: number }>();
  for (const d of [...snapshot.diagnostics, ...snapshot.services.flatMap((s) => s.diagnostics)]) {
    const key = `${d.code}\0${d.severity}`;
    const entry = counts.get(key) ?? { code: d.code, severity: d.severity, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  for (const { code, severity, n } of counts.values()) findings.set({ code, severity }, n);
  const alerts = gauge(registry, 'gakuco_alert_firing', 'Built-in alert rules firing now', ['alertname', 'severity', 'id', 'name']);
  for (const a of firing) {
    alerts.set({ alertname: a.rule, severity: a.severity, id: a.pmId === null ? '' : String(a.pmId), name: a.name ?? '' }, 1);
  }
}

export function createAgentMetrics(): AgentMetrics {
  const own = new Registry();
  // The agent's own cost. Not prom-client's default metrics: three of those fail `promtool check metrics`.
  let cpuSeen = 0;
  new Counter({
    name: 'gakuco_agent_cpu_seconds_total',
    help: 'CPU time of the agent process (user + system)',
    registers: [own],
    collect() {
      const usage = process.cpuUsage();
      const total = (usage.user + usage.system) / 1e6;
      this.inc(Math.max(0, total - cpuSeen));
      cpuSeen = total;
    },
  });
  new Gauge({
    name: 'gakuco_agent_resident_memory_bytes',
    help: 'Resident memory of the agent process',
    registers: [own],
    collect() {
      this.set(process.memoryUsage.rss());
    },
  });
  const notifications = new Counter({
    name: 'gakuco_agent_notifications_total',
    help: 'Alert notices by receiver and outcome',
    labelNames: ['receiver', 'outcome'],
    registers: [own],
  });
  return {
    contentType: own.contentType,
    async render(input) {
      const registry = new Registry();
      renderSnapshot(registry, input);
      return `${await registry.metrics()}\n${await own.metrics()}`;
    },
    countNotification(receiver, outcome) {
      notifications.inc({ receiver, outcome });
    },
  };
}

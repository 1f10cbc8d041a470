// /metrics: the pm2-metrics series per process, then what only this monitor knows (port checks, /health, findings,
// alerts), in the Prometheus text format via prom-client. The gauges are reset and refilled from the snapshot on
// each render, so a deleted process leaves no stale series.
import { Counter, Gauge, Registry } from 'prom-client';
import type { ListView, PortCheck } from '../../pm2-bridge/types.js';
import type { Alert } from '../rules/evaluate-rules.js';
import { PM2_GAUGES, PM2_LABELS, axmMetricName, axmValue, pm2Labels, pm2Values } from './pm2-metrics-compat.js';

export interface MetricsInput {
  list: ListView;
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

const ID = ['id', 'name'] as const;
const PORT = ['id', 'name', 'port'] as const;

/** The snapshot's gauges, made once and refilled per render (fewer allocations per scrape than new ones each time). */
function snapshotGauges(registry: Registry) {
  return {
    pm2: new Map(PM2_GAUGES.map(([name, help]) => [name, gauge(registry, `pm2_${name}`, help, PM2_LABELS)])),
    status: gauge(registry, 'gakuco_process_status', 'PM2 status of the process (1 for its current status)', [...ID, 'status']),
    maxMemory: gauge(registry, 'gakuco_max_memory_restart_bytes', 'max_memory_restart of the process', ID),
    portUp: gauge(registry, 'gakuco_port_up', 'Whether the process port accepts TCP connections', PORT),
    connect: gauge(registry, 'gakuco_port_connect_seconds', 'TCP connect time of the last port check', PORT),
    health: gauge(registry, 'gakuco_health_status', 'Result of GET /health (1 for the current state)', [...PORT, 'status']),
    healthTime: gauge(registry, 'gakuco_health_seconds', 'Response time of the last GET /health', PORT),
    exceptions: gauge(registry, 'gakuco_exceptions', 'Uncaught exceptions PM2 reported for the process', ID),
    daemonUp: gauge(registry, 'gakuco_pm2_daemon_up', 'Whether the PM2 daemon answers', []),
    findings: gauge(registry, 'gakuco_findings', 'Diagnostic findings (gakuco-monit doctor) by code', ['code', 'severity']),
    alerts: gauge(registry, 'gakuco_alert_firing', 'Built-in alert rules firing now', ['alertname', 'severity', 'id', 'name']),
  };
}

/** Custom (axm) gauges by metric name; those no process reports any more are removed from the registry. */
class AxmGauges {
  private readonly gauges = new Map<string, Gauge>();
  private used = new Set<string>();

  constructor(private readonly registry: Registry) {}

  get(name: string, help: string): Gauge {
    this.used.add(name);
    let g = this.gauges.get(name);
    if (!g) {
      g = gauge(this.registry, name, help, PM2_LABELS);
      this.gauges.set(name, g);
    }
    return g;
  }

  /** Call after a render: drops the gauges it did not use. */
  sweep(): void {
    for (const name of this.gauges.keys()) {
      if (this.used.has(name)) continue;
      this.registry.removeSingleMetric(name);
      this.gauges.delete(name);
    }
    this.used = new Set();
  }
}

function fill(g: ReturnType<typeof snapshotGauges>, axm: AxmGauges, { list, firing, now, exceptionsOf }: MetricsInput): void {
  const builtIn = new Set(PM2_GAUGES.map(([name]) => `pm2_${name}`));
  for (const s of list.services) {
    const labels = pm2Labels(s);
    const values = pm2Values(s, now);
    for (const [name, pm2Gauge] of g.pm2) pm2Gauge.set(labels, values[name]);
    for (const metric of s.metrics) {
      const name = axmMetricName(metric.name);
      const value = axmValue(metric.value);
      if (value === null || builtIn.has(name)) continue;
      axm.get(name, metric.name).set(labels, value);
    }
    const own = { id: labels.id, name: s.name };
    g.status.set({ ...own, status: s.status }, 1);
    if (s.maxMemoryRestart !== null) g.maxMemory.set(own, s.maxMemoryRestart);
    if (exceptionsOf) g.exceptions.set(own, exceptionsOf(s.pmId));
    const check = s.portCheck;
    if (!check) continue;
    const at = { ...own, port: String(check.port) };
    if (check.listening !== null) g.portUp.set(at, check.listening ? 1 : 0);
    if (check.connectMs !== null) g.connect.set(at, check.connectMs / 1000);
    for (const state of HEALTH_STATES) g.health.set({ ...at, status: state }, check.health === state ? 1 : 0);
    if (check.healthMs !== null) g.healthTime.set(at, check.healthMs / 1000);
  }
  g.daemonUp.set(list.connection.kind === 'connected' ? 1 : 0);
  const counts = new Map<string, { code: string; severity: string; n: number }>();
  for (const d of [...list.diagnostics, ...list.services.flatMap((s) => s.diagnostics)]) {
    const key = `${d.code}\0${d.severity}`;
    const entry = counts.get(key) ?? { code: d.code, severity: d.severity, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  for (const { code, severity, n } of counts.values()) g.findings.set({ code, severity }, n);
  for (const a of firing) {
    g.alerts.set({ alertname: a.rule, severity: a.severity, id: a.pmId === null ? '' : String(a.pmId), name: a.name ?? '' }, 1);
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
  const registry = new Registry();
  const gauges = snapshotGauges(registry);
  const axm = new AxmGauges(registry);
  return {
    contentType: own.contentType,
    async render(input) {
      registry.resetMetrics();
      fill(gauges, axm, input);
      axm.sweep();
      return `${await registry.metrics()}\n${await own.metrics()}`;
    },
    countNotification(receiver, outcome) {
      notifications.inc({ receiver, outcome });
    },
  };
}

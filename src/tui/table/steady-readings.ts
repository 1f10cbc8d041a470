// What the monitor shows of readings that wobble every refresh (CPU, memory, PM2 metrics, health latency): each keeps the value it
// shows until a new reading moves past that reading's noise, so an idle app does not redraw its cells every second
// while a real change (a CPU jump, memory growing, a restart) shows at once.
import type { PortCheck, Service, ServiceMetric } from '../../pm2-bridge/types.js';

const MIB = 1024 * 1024;

/** CPU noise: an idle node app reads 0-2 % from one sample to the next; a fifth of the shown value above 12.5 %. */
export function cpuBand(shown: number): number {
  return Math.max(2.5, shown * 0.2);
}

/** Memory noise: a garbage collection moves RSS by a few percent, and small apps by a few hundred KiB. */
export function memoryBand(shown: number): number {
  return Math.max(0.5 * MIB, shown * 0.05);
}

/** Metric noise (heap size, heap usage, latencies): a twentieth of the shown value, at least 0.5 of its unit. */
export function metricBand(shown: number): number {
  return Math.max(0.5, Math.abs(shown) * 0.05);
}

/** Latency noise (the health column's `OK 12ms`): a loaded host moves a check by tens of ms; half the shown value above 40 ms. */
export function latencyBand(shown: number): number {
  return Math.max(20, shown * 0.5);
}

/** The value to show: the shown one while the reading stays within `band` of it, else the reading. */
export function steadyReading(shown: number | undefined, reading: number, band: number): number {
  if (shown === undefined || !Number.isFinite(shown) || !Number.isFinite(reading)) return reading;
  return Math.abs(reading - shown) < band ? shown : reading;
}

interface Held {
  pid: number;
  status: Service['status'];
  cpu: number;
  memory: number;
  metrics: ReadonlyMap<string, string>;
  portCheck: PortCheck | null;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function steadyMetrics(metrics: readonly ServiceMetric[], held: ReadonlyMap<string, string> | undefined): ServiceMetric[] {
  return metrics.map((metric) => {
    const shown = held?.get(metric.name);
    const text = metric.value.trim();
    if (shown === undefined || !NUMBER.test(text) || !NUMBER.test(shown)) return metric;
    const value = steadyReading(Number(shown), Number(text), metricBand(Number(shown)));
    return value === Number(text) ? metric : { ...metric, value: shown };
  });
}

const steadyMs = (shown: number | null | undefined, reading: number | null) =>
  shown == null || reading === null ? reading : steadyReading(shown, reading, latencyBand(shown));

/** A check's latencies held while its outcome (listening, health, conflict) stays the same. */
function steadyCheck(check: PortCheck | null, held: PortCheck | null | undefined): PortCheck | null {
  if (check === null || held == null || check.listening !== held.listening || check.health !== held.health || check.conflict !== held.conflict) return check;
  const connectMs = steadyMs(held.connectMs, check.connectMs);
  const healthMs = steadyMs(held.healthMs, check.healthMs);
  return connectMs === check.connectMs && healthMs === check.healthMs ? check : { ...check, connectMs, healthMs };
}

/**
 * Readings of each service held across refreshes (keyed by pm_id). A new pid or status (a restart, a crash, a
 * stop) starts from the new readings at once. `apply` is idempotent: applied twice to one list it gives the same.
 */
export class SteadyReadings {
  private held = new Map<number, Held>();

  apply(services: readonly Service[]): Service[] {
    const next = new Map<number, Held>();
    const shown = services.map((service) => {
      const before = this.held.get(service.pmId);
      const same = before !== undefined && before.pid === service.pid && before.status === service.status;
      const cpu = same ? steadyReading(before.cpu, service.cpu, cpuBand(before.cpu)) : service.cpu;
      const memory = same ? steadyReading(before.memory, service.memory, memoryBand(before.memory)) : service.memory;
      const metrics = same ? steadyMetrics(service.metrics, before.metrics) : service.metrics;
      const portCheck = steadyCheck(service.portCheck, before?.portCheck);
      next.set(service.pmId, { pid: service.pid, status: service.status, cpu, memory, metrics: new Map(metrics.map((m) => [m.name, m.value.trim()])), portCheck });
      const unchanged = cpu === service.cpu && memory === service.memory && portCheck === service.portCheck && metrics.every((m, k) => m === service.metrics[k]);
      return unchanged ? service : { ...service, cpu, memory, metrics, portCheck };
    });
    this.held = next;
    return shown;
  }
}

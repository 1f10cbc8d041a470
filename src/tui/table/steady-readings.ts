// What the monitor shows of readings that wobble every refresh (CPU, memory, PM2 metrics): each keeps the value it
// shows until a new reading moves past that reading's noise, so an idle app does not redraw its cells every second
// while a real change (a CPU jump, memory growing, a restart) shows at once.
import type { Service, ServiceMetric } from '../../pm2-bridge/types.js';

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
      next.set(service.pmId, { pid: service.pid, status: service.status, cpu, memory, metrics: new Map(metrics.map((m) => [m.name, m.value.trim()])) });
      const unchanged = cpu === service.cpu && memory === service.memory && metrics.every((m, k) => m === service.metrics[k]);
      return unchanged ? service : { ...service, cpu, memory, metrics };
    });
    this.held = next;
    return shown;
  }
}

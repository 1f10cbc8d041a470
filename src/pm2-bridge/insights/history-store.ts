// Metric history per service, bounded: the last `rawSpanMs` (1 h by default) as raw samples in rings of typed
// arrays, and older samples folded into `bucketMs` buckets (average, min, max) for `coarseSpanMs` (24 h).
// One ring of times per service; one ring of values per series (NaN where a series had no value).
import type { HistoryExport, HistoryPoint, SeriesKey, ServiceHistory, ServiceKey } from './types.js';

export interface HistoryOptions {
  intervalMs: number;
  rawSpanMs?: number;
  bucketMs?: number;
  coarseSpanMs?: number;
  /** Custom metric series kept per service (the first seen win). */
  maxMetricSeries?: number;
}

interface Bucket {
  at: number;
  sum: number;
  n: number;
  min: number;
  max: number;
}

class ServiceRings {
  readonly times: Float64Array;
  readonly series = new Map<SeriesKey, Float32Array>();
  readonly coarse = new Map<SeriesKey, Bucket[]>();
  head = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
  }

  ring(key: SeriesKey): Float32Array {
    let values = this.series.get(key);
    if (!values) {
      values = new Float32Array(this.capacity).fill(Number.NaN);
      this.series.set(key, values);
    }
    return values;
  }
}

export class HistoryStore {
  readonly intervalMs: number;
  private readonly capacity: number;
  private readonly bucketMs: number;
  private readonly maxBuckets: number;
  private readonly maxMetricSeries: number;
  private readonly services = new Map<string, ServiceRings>();

  constructor(options: HistoryOptions) {
    this.intervalMs = Math.max(1, options.intervalMs);
    this.capacity = Math.max(2, Math.ceil((options.rawSpanMs ?? 3_600_000) / this.intervalMs));
    this.bucketMs = options.bucketMs ?? 60_000;
    this.maxBuckets = Math.ceil((options.coarseSpanMs ?? 86_400_000) / this.bucketMs);
    this.maxMetricSeries = options.maxMetricSeries ?? 10;
  }

  /** Adds one sample of a service's series (all at one time). A sample not newer than the last is ignored. */
  record(key: ServiceKey, at: number, values: Partial<Record<SeriesKey, number>>): void {
    const id = idOf(key);
    let rings = this.services.get(id);
    if (!rings) this.services.set(id, (rings = new ServiceRings(this.capacity)));
    if (rings.size > 0 && at <= rings.times[(rings.head - 1 + rings.capacity) % rings.capacity]!) return;
    if (rings.size === rings.capacity) this.foldOldest(rings);
    const slot = rings.head;
    rings.times[slot] = at;
    for (const values of rings.series.values()) values[slot] = Number.NaN;
    for (const [series, value] of Object.entries(values) as [SeriesKey, number][]) {
      if (!Number.isFinite(value)) continue;
      if (!rings.series.has(series) && series.startsWith('metric:') && this.metricCount(rings) >= this.maxMetricSeries) continue;
      rings.ring(series)[slot] = value;
    }
    rings.head = (slot + 1) % rings.capacity;
    rings.size = Math.min(rings.size + 1, rings.capacity);
  }

  /** Keeps only the services in `present` (by name and pm_id); the others' history goes. */
  retain(present: readonly ServiceKey[]): void {
    const keep = new Set(present.map(idOf));
    for (const id of this.services.keys()) if (!keep.has(id)) this.services.delete(id);
  }

  historyOf(key: ServiceKey): ServiceHistory {
    const rings = this.services.get(idOf(key));
    const series: ServiceHistory['series'] = {};
    if (!rings) return { ...key, series };
    const keys = new Set<SeriesKey>([...rings.coarse.keys(), ...rings.series.keys()]);
    for (const s of keys) {
      const points: HistoryPoint[] = (rings.coarse.get(s) ?? []).map((b) => ({ at: b.at, value: b.sum / b.n, min: b.min, max: b.max }));
      const values = rings.series.get(s);
      if (values) {
        for (let i = 0; i < rings.size; i++) {
          const slot = (rings.head - rings.size + i + rings.capacity) % rings.capacity;
          const v = values[slot]!;
          if (!Number.isNaN(v)) points.push({ at: rings.times[slot]!, value: v });
        }
      }
      if (points.length > 0) series[s] = points;
    }
    return { ...key, series };
  }

  exportHistory(): HistoryExport {
    return {
      version: 1,
      intervalMs: this.intervalMs,
      services: [...this.services.keys()].map((id) => this.historyOf(keyOfId(id))),
    };
  }

  /**
   * Merges history from another holder (the agent) under what is here: its points older than this store's first
   * sample of a service are added (raw ones through the rings, downsampled ones as buckets).
   */
  importHistory(data: HistoryExport): void {
    if (data.version !== 1) return;
    for (const service of data.services) {
      const key = { pmId: service.pmId, name: service.name };
      const own = this.historyOf(key);
      const firstOwn = Math.min(...Object.values(own.series).map((p) => p?.[0]?.at ?? Infinity));
      const byTime = new Map<number, Partial<Record<SeriesKey, number>>>();
      for (const [series, points] of Object.entries(service.series) as [SeriesKey, readonly HistoryPoint[]][]) {
        for (const p of points) {
          if (!(p.at < firstOwn) || !Number.isFinite(p.value)) continue;
          const row = byTime.get(p.at) ?? {};
          row[series] = p.value;
          byTime.set(p.at, row);
        }
      }
      if (byTime.size === 0) continue;
      const kept = this.services.get(idOf(key));
      this.services.delete(idOf(key));
      for (const at of [...byTime.keys()].sort((a, b) => a - b)) this.record(key, at, byTime.get(at)!);
      if (kept) for (const p of this.rawRows(kept)) this.record(key, p.at, p.values);
    }
  }

  /** Bytes held by the typed arrays and buckets (an estimate for the memory bound). */
  get bytes(): number {
    let total = 0;
    for (const rings of this.services.values()) {
      total += rings.times.byteLength;
      for (const values of rings.series.values()) total += values.byteLength;
      for (const buckets of rings.coarse.values()) total += buckets.length * 56;
    }
    return total;
  }

  get serviceCount(): number {
    return this.services.size;
  }

  private metricCount(rings: ServiceRings): number {
    let n = 0;
    for (const key of rings.series.keys()) if (key.startsWith('metric:')) n += 1;
    return n;
  }

  /** The oldest raw sample leaves the ring into its bucket. */
  private foldOldest(rings: ServiceRings): void {
    const slot = (rings.head - rings.size + rings.capacity) % rings.capacity;
    const at = rings.times[slot]!;
    const bucketAt = Math.floor(at / this.bucketMs) * this.bucketMs;
    for (const [series, values] of rings.series) {
      const v = values[slot]!;
      if (Number.isNaN(v)) continue;
      let buckets = rings.coarse.get(series);
      if (!buckets) rings.coarse.set(series, (buckets = []));
      const last = buckets[buckets.length - 1];
      if (last && last.at === bucketAt) {
        last.sum += v;
        last.n += 1;
        last.min = Math.min(last.min, v);
        last.max = Math.max(last.max, v);
      } else {
        buckets.push({ at: bucketAt, sum: v, n: 1, min: v, max: v });
        if (buckets.length > this.maxBuckets) buckets.splice(0, buckets.length - this.maxBuckets);
      }
    }
    rings.size -= 1;
  }

  private *rawRows(rings: ServiceRings): Generator<{ at: number; values: Partial<Record<SeriesKey, number>> }> {
    for (let i = 0; i < rings.size; i++) {
      const slot = (rings.head - rings.size + i + rings.capacity) % rings.capacity;
      const values: Partial<Record<SeriesKey, number>> = {};
      for (const [series, ring] of rings.series) if (!Number.isNaN(ring[slot]!)) values[series] = ring[slot]!;
      yield { at: rings.times[slot]!, values };
    }
  }
}

function idOf(key: ServiceKey): string {
  return `${key.pmId}\u0000${key.name}`;
}

function keyOfId(id: string): ServiceKey {
  const cut = id.indexOf('\u0000');
  return { pmId: Number(id.slice(0, cut)), name: id.slice(cut + 1) };
}

/** Min, max and the newest value of points (by their values), null when there are none. */
export function seriesStats(points: readonly HistoryPoint[]): { min: number; max: number; now: number } | null {
  if (points.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.min ?? p.value);
    max = Math.max(max, p.max ?? p.value);
  }
  return { min, max, now: points[points.length - 1]!.value };
}

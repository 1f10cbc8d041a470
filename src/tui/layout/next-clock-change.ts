import type { Service } from '../../pm2-bridge/types.js';
import { nextDurationChange } from '../format/duration.js';
import { TREND_BIN_MS } from '../table/trend-cell.js';

export interface ClockShown {
  services: readonly Pick<Service, 'status' | 'startedAt'>[];
  /** The table's CPU trend column is drawn (its cells close every 15 s of the clock). */
  trend: boolean;
  /** Something that counts every second is open (the insights overlay's relative times). */
  everySecond: boolean;
}

/**
 * The first whole second after `at` (whole seconds, epoch ms) at which the frame, the header clock aside (it is
 * a screen layer or ticks by itself), reads differently only because time passed: an uptime in the table turns
 * (`45s` -> `46s`, `12m` -> `13m`), a trend cell closes. Null when nothing shown counts time: then the monitor
 * draws nothing until a list, a key or a log line comes.
 */
export function nextClockChange({ services, trend, everySecond }: ClockShown, at: number): number | null {
  if (everySecond) return at + 1000;
  let next = Infinity;
  for (const service of services) {
    if (service.status !== 'online' || service.startedAt === null) continue;
    next = Math.min(next, Math.ceil(nextDurationChange(service.startedAt, at) / 1000) * 1000);
  }
  // The trend column shows the cells closed by at + 1 s (hooks/use-cpu-trend.ts): the next closes at a whole 15 s.
  if (trend) next = Math.min(next, (Math.floor((at + 1000) / TREND_BIN_MS) + 1) * TREND_BIN_MS - 1000);
  return next === Infinity ? null : Math.max(next, at + 1000);
}

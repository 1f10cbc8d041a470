import { describe, expect, it } from 'vitest';
import { formatUptime } from '../../../src/tui/format/uptime.js';
import { nextClockChange } from '../../../src/tui/layout/next-clock-change.js';
import { trendEnd } from '../../../src/tui/table/trend-cell.js';

const AT = 1_700_000_000_000; // a whole second
const online = (startedAt: number) => ({ status: 'online' as const, startedAt });

describe('nextClockChange', () => {
  it('is the next whole second while an uptime counts seconds, and the whole second its minute turns after that', () => {
    expect(nextClockChange({ services: [online(AT - 5_400)], trend: false, everySecond: false }, AT)).toBe(AT + 1000);
    // Up 30.4 s: `30s` until 40 s, first seen at the whole second after it.
    expect(nextClockChange({ services: [online(AT - 30_400)], trend: false, everySecond: false }, AT)).toBe(AT + 10_000);
    // Up 5m 10.4s: the table shows `5m` until 6m, first seen at the whole second after it.
    const next = nextClockChange({ services: [online(AT - 310_400)], trend: false, everySecond: false }, AT)!;
    expect(next).toBe(AT + 50_000);
    const service = online(AT - 310_400);
    expect(formatUptime(service, next)).toBe('6m');
    expect(formatUptime(service, next - 1000)).toBe('5m');
  });

  it('takes the soonest of the services, and none for services that are not up or have no start time', () => {
    const services = [online(AT - 7_200_000), online(AT - 310_400), { status: 'stopped' as const, startedAt: AT - 5000 }, { status: 'online' as const, startedAt: null }];
    expect(nextClockChange({ services, trend: false, everySecond: false }, AT)).toBe(AT + 50_000);
    expect(nextClockChange({ services: services.slice(2), trend: false, everySecond: false }, AT)).toBeNull();
  });

  it('comes when a trend cell closes, and every second while an overlay counts seconds', () => {
    const next = nextClockChange({ services: [], trend: true, everySecond: false }, AT)!;
    expect(trendEnd(next + 1000)).not.toBe(trendEnd(AT + 1000));
    expect(trendEnd(next)).toBe(trendEnd(AT + 1000));
    expect(next - AT).toBeLessThanOrEqual(15_000);
    expect(nextClockChange({ services: [], trend: false, everySecond: true }, AT)).toBe(AT + 1000);
  });
});

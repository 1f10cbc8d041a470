import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/pm2-bridge/types.js';
import { en } from '../../../src/i18n/en.js';
import { unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { serviceCells } from '../../../src/tui/table/service-cells.js';
import { cpuBand, SteadyReadings, steadyReading } from '../../../src/tui/table/steady-readings.js';
import { makeService } from '../fixtures/make-service.js';

const MB = 1024 * 1024;
const now = 1_700_000_000_000;
const context = { messages: en, glyphs: unicodeGlyphs, now };
const app = (cpu: number, memory: number, more: Partial<Service> = {}) =>
  makeService({ pmId: 0, name: 'web', pid: 100, cpu, memory, ...more });
const shown = (steady: SteadyReadings, ...services: Service[]) =>
  steady.apply(services).map((s) => `${serviceCells(s, context).cpu.text} ${serviceCells(s, context).memory.text}`);

describe('steadyReading', () => {
  it('keeps the shown value while the reading stays within its band, and takes the reading past it', () => {
    expect(steadyReading(undefined, 1.3, 2.5)).toBe(1.3);
    expect(steadyReading(0, 2, cpuBand(0))).toBe(0);
    expect(steadyReading(0, 2.5, cpuBand(0))).toBe(2.5);
    expect(steadyReading(50, 42, cpuBand(50))).toBe(50);
    expect(steadyReading(50, 39, cpuBand(50))).toBe(39);
  });
});

describe('SteadyReadings', () => {
  it('does not redraw an idle app whose CPU wobbles 0-2 % and whose memory moves by a garbage collection', () => {
    const steady = new SteadyReadings();
    const seen = [
      shown(steady, app(0, 51.4 * MB)),
      shown(steady, app(1.3, 51.5 * MB)),
      shown(steady, app(2, 51.1 * MB)),
      shown(steady, app(0, 52.6 * MB)),
    ];
    expect(new Set(seen.flat())).toEqual(new Set(['0.0% 51.4M']));
  });

  it('shows a CPU jump and memory growth at once', () => {
    const steady = new SteadyReadings();
    shown(steady, app(0.4, 50 * MB));
    expect(shown(steady, app(35, 50.2 * MB))).toEqual(['35% 50.0M']);
    expect(shown(steady, app(36, 60 * MB))).toEqual(['35% 60.0M']);
    expect(shown(steady, app(0.5, 60 * MB))).toEqual(['0.5% 60.0M']);
  });

  it('starts from the new readings after a restart (new pid) and a crash (new status)', () => {
    const steady = new SteadyReadings();
    shown(steady, app(1.5, 80 * MB));
    expect(shown(steady, app(0.2, 79 * MB, { pid: 101 }))).toEqual(['0.2% 79.0M']);
    expect(steady.apply([app(0.2, 79 * MB, { pid: 101, status: 'errored' })])[0]).toMatchObject({ status: 'errored', cpu: 0.2 });
    shown(steady, app(0.3, 78.8 * MB, { pid: 101 }));
    const crashed = steady.apply([app(0, 0, { pid: 0, status: 'errored' })])[0]!;
    expect(serviceCells(crashed, context).cpu.text).toBe('-');
    expect(serviceCells(crashed, context).status.text).toContain(en.status.errored);
  });

  it('holds numeric PM2 metrics within a twentieth of their value, and leaves text metrics alone', () => {
    const steady = new SteadyReadings();
    const metrics = (usage: string, size: string, text: string) => [
      { name: 'Heap Usage', value: usage, unit: '%' },
      { name: 'Heap Size', value: size, unit: 'MiB' },
      { name: 'mode', value: text, unit: null },
    ];
    steady.apply([app(0, 50 * MB, { metrics: metrics('88.2', '5.52', 'a') })]);
    const [held] = steady.apply([app(0, 50 * MB, { metrics: metrics('90.1', '5.61', 'b') })]);
    expect(held!.metrics.map((m) => m.value)).toEqual(['88.2', '5.52', 'b']);
    const [moved] = steady.apply([app(0, 50 * MB, { metrics: metrics('97.0', '7.1', 'b') })]);
    expect(moved!.metrics.map((m) => m.value)).toEqual(['97.0', '7.1', 'b']);
  });

  it('gives the same list when applied twice (React may render twice) and the same object when nothing is held', () => {
    const steady = new SteadyReadings();
    const first = app(0, 50 * MB);
    expect(steady.apply([first])[0]).toBe(first);
    const wobble = app(1, 50.3 * MB);
    const once = steady.apply([wobble]);
    expect(steady.apply([wobble])).toEqual(once);
    expect(once[0]).toMatchObject({ cpu: 0, memory: 50 * MB });
  });
});

describe('SteadyReadings, health latency', () => {
  const check = (healthMs: number, health: 'ok' | 'failed' = 'ok') => ({
    port: 3001,
    checkedAt: now,
    listening: true,
    connectMs: 1,
    health,
    healthMs,
    healthDetail: null,
    conflict: null,
  });
  const health = (steady: SteadyReadings, c: ReturnType<typeof check>) =>
    serviceCells(steady.apply([app(0, 50 * MB, { port: 3001, portCheck: c as Service['portCheck'] })])[0]!, context).health.text;

  it('keeps the shown latency through tens of ms of noise, shows a slow health and a failure at once', () => {
    const steady = new SteadyReadings();
    expect(health(steady, check(15))).toBe('OK 15ms');
    expect(health(steady, check(34))).toBe('OK 15ms');
    expect(health(steady, check(250))).toBe('OK 250ms');
    expect(health(steady, check(300))).toBe('OK 250ms');
    expect(health(steady, check(300, 'failed'))).toContain(en.health.failed);
    expect(health(steady, check(12))).toBe('OK 12ms');
  });
});

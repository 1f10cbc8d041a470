// The store's cadences against a real daemon: a log flood is coalesced into few notifications with bounded
// memory, and the diagnostics provider runs one pass at a time, again when the services change, merged in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { createBridge } from '../../src/pm2-bridge/index.js';
import type { Bridge, Diagnostic, DiagnosticsProvider, DiagnosticsReport, Service } from '../../src/pm2-bridge/types.js';
import { APPS, serviceNamed, waitForSnapshot } from './support.js';

let pm2: PrivatePm2Home;
let bridge: Bridge;

/** A provider that takes a while, records how many passes overlap, and reports one finding per service. */
class RecordingProvider implements DiagnosticsProvider {
  calls: Array<readonly string[]> = [];
  running = 0;
  maxRunning = 0;
  async diagnose(services: readonly Service[]): Promise<DiagnosticsReport> {
    this.calls.push(services.map((s) => s.name));
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise((r) => setTimeout(r, 150));
    this.running -= 1;
    const finding = (name: string): Diagnostic => ({ code: 'test.seen', severity: 'info', params: { name }, fix: null });
    return {
      services: new Map(services.map((s) => [s.pmId, [finding(s.name)]])),
      setup: [{ code: 'test.setup', severity: 'warning', params: { count: services.length }, fix: 'pm2 save' }],
    };
  }
}
const provider = new RecordingProvider();

beforeAll(async () => {
  pm2 = createPrivatePm2Home();
  const result = await pm2.pm2(['start', `${APPS}/logger.cjs`, '--name', 'flood'], { env: { LOG_EVERY_MS: '1', PARTIAL_LINES: '0' } });
  if (result.code !== 0) throw new Error(result.stderr);
  bridge = createBridge({
    pm2Home: pm2.home,
    refreshIntervalMs: 200,
    notifyIntervalMs: 100,
    logLinesPerService: 300,
    diagnostics: provider,
    diagnosticsIntervalMs: 100,
  });
});

afterAll(async () => {
  await bridge?.close();
  await pm2?.cleanup();
});

describe('store cadence', () => {
  it('coalesces a log flood into at most one notification per interval, with bounded logs', async () => {
    const flood = await waitForSnapshot(bridge, (s) => serviceNamed(s, 'flood'), 'flood listed');
    await waitForSnapshot(bridge, (s) => (s.logs.get(flood.pmId)?.length ?? 0) > 0, 'first lines');
    let notifications = 0;
    const unsubscribe = bridge.subscribe(() => {
      notifications += 1;
    });
    const firstSeq = bridge.getSnapshot().logs.get(flood.pmId)!.at(-1)!.seq;
    let sameServices = 0;
    let previous = bridge.getSnapshot();
    const unsubscribeServices = bridge.subscribe(() => {
      const next = bridge.getSnapshot();
      if (next.services === previous.services) sameServices += 1;
      previous = next;
    });
    await new Promise((r) => setTimeout(r, 2000));
    unsubscribe();
    unsubscribeServices();
    const lines = bridge.getSnapshot().logs.get(flood.pmId)!;
    // Most notifications carry only new lines: the services array is then the same object.
    expect(sameServices).toBeGreaterThan(notifications / 3);
    const received = lines.at(-1)!.seq - firstSeq;
    expect(received).toBeGreaterThan(500); // the flood really flowed (about 1000 lines/s)
    expect(notifications).toBeLessThanOrEqual(2000 / 100 + 3);
    expect(lines.length).toBeLessThanOrEqual(300);
  });

  it('notifies at the flood interval, not the normal one, while lines pour in', async () => {
    const slow = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 60_000, notifyIntervalMs: 50, floodNotifyIntervalMs: 400 });
    try {
      const flood = await waitForSnapshot(slow, (s) => serviceNamed(s, 'flood'), 'flood listed');
      await waitForSnapshot(slow, (s) => (s.logs.get(flood.pmId)?.length ?? 0) > 0, 'first lines');
      const at: number[] = [];
      const unsubscribe = slow.subscribe(() => at.push(Date.now()));
      await new Promise((r) => setTimeout(r, 2000));
      unsubscribe();
      // About 1000 lines/s: every 400 ms (5 in 2 s), where 50 ms alone would give about 40.
      expect(at.length).toBeGreaterThanOrEqual(3);
      expect(at.length).toBeLessThanOrEqual(2000 / 400 + 2);
      for (let i = 1; i < at.length; i += 1) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(390);
    } finally {
      await slow.close();
    }
  });

  it('joins history to live lines with no gap and no duplicate under the flood', async () => {
    for (const delayMs of [0, 300]) {
      const reader = createBridge({ pm2Home: pm2.home, logLinesPerService: 20_000, historyLines: 300 });
      try {
        const flood = await waitForSnapshot(reader, (s) => serviceNamed(s, 'flood'), 'flood listed');
        await new Promise((r) => setTimeout(r, delayMs));
        reader.showLogs(flood.pmId);
        const lines = await waitForSnapshot(reader, (s) => {
          const all = s.logs.get(flood.pmId);
          return all?.some((l) => l.history) && all.filter((l) => !l.history).length > 200 ? all : null;
        }, 'history and live lines');
        const numbers = lines.filter((l) => l.stream === 'out').map((l) => Number(/^out (\d+)$/.exec(l.text)?.[1]));
        expect(lines.filter((l) => l.history)).toHaveLength(300);
        for (let i = 1; i < numbers.length; i += 1) expect(numbers[i], `after out ${numbers[i - 1]}`).toBe(numbers[i - 1]! + 1);
      } finally {
        await reader.close();
      }
    }
  });

  it('refreshes on bus process events, long before the next interval', async () => {
    const watcher = createBridge({ pm2Home: pm2.home, refreshIntervalMs: 60_000 });
    try {
      const before = await waitForSnapshot(watcher, (s) => serviceNamed(s, 'flood'), 'flood listed');
      const result = await pm2.pm2(['restart', 'flood']);
      expect(result.code).toBe(0);
      const doneAt = Date.now();
      await waitForSnapshot(watcher, (s) => (serviceNamed(s, 'flood')?.restarts ?? 0) > before.restarts, 'restart seen', 3000);
      expect(Date.now() - doneAt).toBeLessThan(1500);
    } finally {
      await watcher.close();
    }
  });

  it('runs diagnostics one at a time, after the set of services changes, and merges the findings', async () => {
    await waitForSnapshot(bridge, (s) => serviceNamed(s, 'flood')?.diagnostics.length === 1, 'service findings merged');
    expect(bridge.getSnapshot().diagnostics).toEqual([
      { code: 'test.setup', severity: 'warning', params: { count: 1 }, fix: 'pm2 save' },
    ]);
    const result = await pm2.pm2(['start', `${APPS}/crasher.cjs`, '--name', 'crasher']);
    expect(result.code).toBe(0);
    await waitForSnapshot(bridge, () => provider.calls.some((names) => names.includes('crasher')), 'a pass that sees crasher', 3000);
    await waitForSnapshot(bridge, (s) => serviceNamed(s, 'crasher')?.diagnostics[0]?.params.name === 'crasher', 'crasher findings');
    expect(provider.maxRunning).toBe(1);
  });
});

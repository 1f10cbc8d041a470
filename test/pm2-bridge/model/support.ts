import { vi } from 'vitest';
import { createBridgeModels, type StoreDeps, type StoreOptions } from '../../../src/pm2-bridge/store.js';
import type { PortCheck, Service } from '../../../src/pm2-bridge/types.js';
import { FakeDaemon } from '../../fakes/fake-daemon.js';

/** Fast cadences, so the models' timers run within a test. */
export function fastOptions(overrides: Partial<StoreOptions> = {}): StoreOptions {
  return {
    home: '/fake/pm2',
    refreshIntervalMs: 40,
    probeIntervalMs: 60_000,
    rpcTimeoutMs: 200,
    actionTimeoutMs: 500,
    logLinesPerService: 100,
    maxLineBytes: 8192,
    logBytesBudget: 1024 * 1024,
    historyLines: 0,
    notifyIntervalMs: 20,
    floodNotifyIntervalMs: 20,
    floodLinesPerSecond: 200,
    diagnostics: null,
    diagnosticsIntervalMs: 60_000,
    reconnectIntervalMs: 30,
    partialLineFlushMs: 100,
    eventRefreshThrottleMs: 20,
    maxBackoffMs: 400,
    ...overrides,
  };
}

/** Probes that answer from a table (no port, no answer: the service stays pending). */
export function scriptedProbe(results: (services: readonly Service[]) => Map<number, PortCheck> = () => new Map()): StoreDeps['probe'] & { rounds: number } {
  const probe = Object.assign(
    async (services: readonly Service[]) => {
      probe.rounds += 1;
      return results(services);
    },
    { rounds: 0 },
  );
  return probe;
}

const open: { close(): void }[] = [];
export function modelsOver(fake: FakeDaemon, overrides: Partial<StoreOptions> = {}, probe = scriptedProbe()) {
  const models = createBridgeModels(fastOptions(overrides), { access: fake, probe });
  open.push(models);
  return models;
}
export function closeAll(): void {
  for (const models of open.splice(0)) models.close();
}

export const until = (check: () => boolean, timeout = 3000) => vi.waitFor(() => (check() ? undefined : Promise.reject(new Error('not yet'))), { timeout, interval: 5 });
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

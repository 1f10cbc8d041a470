// Shared bits of the bridge integration tests: free ports, the sample apps, waiting on a bridge's snapshot.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { waitFor } from '../helpers/pm2-home.js';
import type { ActionTarget, Bridge, Service, Snapshot } from '../../src/pm2-bridge/types.js';

export const APPS = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'apps');

export { freePort } from '../helpers/free-port.js';

export function serviceNamed(snapshot: Snapshot, name: string): Service | undefined {
  return snapshot.services.find((s) => s.name === name);
}

/** Waits until `check(snapshot)` is truthy, re-checking on each bridge notification (and on a slow poll). */
export function waitForSnapshot<T>(bridge: Bridge, check: (s: Snapshot) => T, what: string, timeoutMs = 10_000) {
  return waitFor(() => check(bridge.getSnapshot()), what, timeoutMs, 20);
}

/** The snapshot as text, logs included (a Map does not stringify by itself). */
export function snapshotText(snapshot: Snapshot): string {
  return JSON.stringify({ ...snapshot, logs: [...snapshot.logs.entries()] });
}

/** What the TUI would confirm an action for: the service as the snapshot shows it, and the daemon that runs it. */
export function targetOf(snapshot: Snapshot, service: Service): ActionTarget {
  return { pmId: service.pmId, name: service.name, daemonPid: snapshot.connection.kind === 'connected' ? snapshot.connection.daemonPid : null };
}

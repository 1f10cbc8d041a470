import { describe, expect, it } from 'vitest';
import { whenListShown } from '../../src/cli/when-list-shown.js';
import type { ConnectionState, ListView, Service } from '../../src/pm2-bridge/types.js';

/** A list source whose connection and services the test sets, telling its listeners as the bridge does. */
function listSource(connection: ConnectionState) {
  let view: ListView = { connection, services: [], diagnostics: [] };
  const listeners = new Set<() => void>();
  return {
    getList: () => view,
    subscribeList: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: Partial<ListView>) {
      view = { ...view, ...next };
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

const settled = async (promise: Promise<void>, ms: number) => Promise.race([promise.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe('whenListShown', () => {
  it('waits while connecting, then resolves a little after the services are there, and lets go of the source', async () => {
    const source = listSource({ kind: 'connecting', home: '/h' });
    const shown = whenListShown(source, 50, 60_000);
    source.set({ connection: { kind: 'connected', home: '/h', since: 1, daemonPid: 1 } });
    expect(await settled(shown, 150)).toBe(false); // connected, no list yet
    source.set({ services: [{ pmId: 0 } as Service] });
    expect(await settled(shown, 1000)).toBe(true);
    expect(source.listeners.size).toBe(0);
  });

  it('resolves when there is no daemon to list, and at the latest time whatever is shown', async () => {
    expect(await settled(whenListShown(listSource({ kind: 'no-daemon', home: '/h', since: 1 }), 0, 60_000), 1000)).toBe(true);
    expect(await settled(whenListShown(listSource({ kind: 'connecting', home: '/h' }), 0, 100), 1000)).toBe(true);
  });
});

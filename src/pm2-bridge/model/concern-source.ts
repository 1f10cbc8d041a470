// Per-concern subscriptions over a whole-snapshot source: the list (connection, services, setup findings) and the
// logs of one service, each told only when its part of the snapshot is a new object. The bridge and the TUI's
// in-memory test source both get their SnapshotSource from here, so "what changed" is decided in one place.
import { Listeners } from './listeners.js';
import type { ListView, LogLine, Snapshot, SnapshotSource, WholeSnapshotSource } from '../types.js';

const noLines: readonly LogLine[] = [];

export function withConcerns(source: WholeSnapshotSource): SnapshotSource {
  let last: Snapshot = source.getSnapshot();
  let list: ListView = listOf(last);
  const listListeners = new Listeners();
  const logListeners = new Map<number, Listeners>();

  source.subscribe(() => {
    const next = source.getSnapshot();
    if (next === last) return;
    const before = last;
    last = next;
    if (next.connection !== list.connection || next.services !== list.services || next.diagnostics !== list.diagnostics) {
      list = listOf(next);
      listListeners.notify();
    }
    for (const [pmId, listeners] of logListeners) if (before.logs.get(pmId) !== next.logs.get(pmId)) listeners.notify();
  });

  return {
    getSnapshot: () => source.getSnapshot(),
    subscribe: (listener) => source.subscribe(listener),
    getList: () => list,
    subscribeList: (listener) => listListeners.add(listener),
    getLogs: (pmId) => last.logs.get(pmId) ?? noLines,
    subscribeLogs(pmId, listener) {
      let listeners = logListeners.get(pmId);
      if (!listeners) logListeners.set(pmId, (listeners = new Listeners()));
      const remove = listeners.add(listener);
      return () => {
        remove();
        if (listeners.size === 0) logListeners.delete(pmId);
      };
    },
  };
}

function listOf(snapshot: Snapshot): ListView {
  return { connection: snapshot.connection, services: snapshot.services, diagnostics: snapshot.diagnostics };
}

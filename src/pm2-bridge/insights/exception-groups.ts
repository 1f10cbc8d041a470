// Exceptions grouped per service by their message: a pure reducer over occurrences from the bus or the error log.
import type { ExceptionGroup, ServiceKey } from './types.js';

export interface ExceptionOccurrence extends ServiceKey {
  message: string;
  stack: string;
  at: number | null;
  source: ExceptionGroup['source'];
}

/** Bounds: groups kept (the least recently seen go first) and characters kept of one stack. */
export const MAX_GROUPS = 200;
export const MAX_STACK_CHARS = 16 * 1024;

function keyOf(o: ServiceKey & { message: string }): string {
  return `${o.pmId}\u0000${o.name}\u0000${o.message}`;
}

/** Adds occurrences (in the order they happened) to the groups; returns new groups, most recently seen first. */
export function addExceptions(groups: readonly ExceptionGroup[], occurrences: readonly ExceptionOccurrence[]): ExceptionGroup[] {
  if (occurrences.length === 0) return [...groups];
  const byKey = new Map([...groups].reverse().map((g) => [keyOf(g), g]));
  for (const o of occurrences) {
    const key = keyOf(o);
    const old = byKey.get(key);
    const stack = o.stack.length > MAX_STACK_CHARS ? `${o.stack.slice(0, MAX_STACK_CHARS)}…` : o.stack;
    byKey.delete(key); // re-inserted last: Map order is then least recently seen first
    byKey.set(key, {
      pmId: o.pmId,
      name: o.name,
      message: o.message,
      count: (old?.count ?? 0) + 1,
      firstSeen: old ? old.firstSeen : o.at, // null stays: the first ones came before any time was known
      lastSeen: o.at ?? old?.lastSeen ?? null,
      stack,
      // Once seen live, a group counts as live: the bus gave it a time.
      source: old?.source === 'bus' || o.source === 'bus' ? 'bus' : 'error-log',
    });
  }
  const all = [...byKey.values()];
  return all.slice(Math.max(0, all.length - MAX_GROUPS)).reverse();
}

/** The groups of one service. */
export function exceptionsOf(groups: readonly ExceptionGroup[], key: ServiceKey): ExceptionGroup[] {
  return groups.filter((g) => g.pmId === key.pmId && g.name === key.name);
}

/** The message of an error object from a `process:exception` packet (its first stack line, else its message). */
export function exceptionMessage(data: unknown): { message: string; stack: string } {
  if (typeof data === 'string') return { message: data.split('\n', 1)[0] ?? data, stack: data };
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; stack?: unknown; name?: unknown };
    const stack = typeof d.stack === 'string' ? d.stack : '';
    const first = stack.split('\n', 1)[0] ?? '';
    const message = first || (typeof d.message === 'string' ? `${typeof d.name === 'string' ? d.name : 'Error'}: ${d.message}` : 'Error');
    return { message, stack: stack || message };
  }
  return { message: 'Error', stack: 'Error' };
}

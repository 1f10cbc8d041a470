import type { Service } from '../../pm2-bridge/types.js';
import type { ColumnId } from './column-id.js';

/** `app`: the default, apps in the order PM2 got them (lowest pm_id), cluster instances together under their app. */
export type SortKey = 'app' | 'name' | 'status' | 'cpu' | 'memory' | 'restarts' | 'uptime' | 'port';

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export const DEFAULT_SORT: SortOrder = { key: 'app', descending: false };

/** The order `o` steps through. */
export const SORT_KEYS: readonly SortKey[] = ['app', 'name', 'status', 'cpu', 'memory', 'restarts', 'uptime', 'port'];

/** The column header that carries the sort mark. */
export function sortColumn(key: SortKey): ColumnId {
  return key === 'app' ? 'name' : key;
}

export function nextSortKey(key: SortKey): SortKey {
  return SORT_KEYS[(SORT_KEYS.indexOf(key) + 1) % SORT_KEYS.length]!;
}

/** What a group of instances (or one service) is sorted by: sums for CPU and memory, the most for restarts. */
export interface SortFacts {
  firstPmId: number;
  name: string;
  /** Worst first: errored, then anything not online, then online. */
  statusRank: number;
  cpu: number;
  memory: number;
  restarts: number;
  /** ms since the longest-running instance started; -1 when none runs. */
  uptime: number;
  /** null sorts last either way. */
  port: number | null;
}

const statusRank = (status: Service['status']) => (status === 'errored' ? 0 : status === 'online' ? 2 : 1);

export function sortFacts(services: readonly Service[], now: number): SortFacts {
  const running = services.filter((s) => s.status === 'online' && s.startedAt !== null);
  return {
    firstPmId: Math.min(...services.map((s) => s.pmId)),
    name: services[0]?.name ?? '',
    statusRank: Math.min(...services.map((s) => statusRank(s.status))),
    cpu: services.reduce((sum, s) => sum + (s.pid > 0 ? s.cpu : 0), 0),
    memory: services.reduce((sum, s) => sum + (s.pid > 0 ? s.memory : 0), 0),
    restarts: Math.max(...services.map((s) => s.restarts)),
    uptime: running.length === 0 ? -1 : Math.max(...running.map((s) => now - s.startedAt!)),
    port: services.find((s) => s.port !== null)?.port ?? null,
  };
}

// Made when a sort by name first needs it: building a collator loads ICU data (~10 ms) before the first frame.
let collator: Intl.Collator | null = null;

/** Compares two groups for `order`; ties fall back to the app order, so the result is stable and total. */
export function compareFacts(a: SortFacts, b: SortFacts, order: SortOrder): number {
  const byApp = a.firstPmId - b.firstPmId;
  let primary = 0;
  switch (order.key) {
    case 'app':
      primary = byApp;
      break;
    case 'name':
      collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
      primary = collator.compare(a.name, b.name);
      break;
    case 'port':
      // No port sorts last in both directions.
      if (a.port === null || b.port === null) return a.port === b.port ? byApp : a.port === null ? 1 : -1;
      primary = a.port - b.port;
      break;
    case 'status':
      primary = a.statusRank - b.statusRank;
      break;
    default:
      primary = a[order.key] - b[order.key];
  }
  if (primary === 0) return byApp;
  return order.descending ? -primary : primary;
}

import type { Service } from '../../pm2-bridge/types.js';
import { compareFacts, sortFacts, type SortOrder } from './sort-order.js';

/**
 * One row of the service table. A cluster app is an `app` row (its instances folded into it, or listed under it
 * when expanded); a fork app is a `service` row. With more than one PM2 namespace, each starts with a `namespace`
 * heading, which cannot be selected. `services`: what an action on the row applies to.
 */
export type TableRow =
  | { kind: 'namespace'; key: string; namespace: string; services: readonly Service[] }
  | { kind: 'app'; key: string; name: string; services: readonly Service[]; expanded: boolean }
  | { kind: 'service'; key: string; service: Service; services: readonly Service[]; child: boolean };

export const serviceKey = (pmId: number) => `pm:${pmId}`;
/** With several hosts a cluster app is per host: `host` keeps prod-a's api apart from prod-b's. */
export const appKey = (namespace: string, name: string, host?: string) => (host === undefined ? `app:${namespace}/${name}` : `app:${host}|${namespace}/${name}`);

export function isSelectable(row: TableRow): boolean {
  return row.kind !== 'namespace';
}

interface Group {
  host: string | undefined;
  namespace: string;
  name: string;
  cluster: boolean;
  services: Service[];
}

function groupsOf(services: readonly Service[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const service of services) {
    const cluster = service.execMode === 'cluster';
    // Fork apps that share a name (started twice) stay separate rows.
    const key = cluster ? appKey(service.namespace, service.name, service.host) : serviceKey(service.pmId);
    const group = byKey.get(key);
    if (group) group.services.push(service);
    else byKey.set(key, { host: service.host, namespace: service.namespace, name: service.name, cluster, services: [service] });
  }
  for (const group of byKey.values()) group.services.sort((a, b) => (a.instanceId ?? a.pmId) - (b.instanceId ?? b.pmId));
  return [...byKey.values()];
}

/**
 * The table's rows for `services` (already filtered): grouped by namespace when there is more than one, apps in
 * `order` (a cluster app by its sums), instances of an expanded cluster app in instance order under it.
 */
export function tableRows(services: readonly Service[], order: SortOrder, expanded: ReadonlySet<string>, now: number): TableRow[] {
  const groups = groupsOf(services);
  const facts = new Map(groups.map((group) => [group, sortFacts(group.services, now)]));
  groups.sort((a, b) => compareFacts(facts.get(a)!, facts.get(b)!, order));
  const namespaces = [...new Set(groups.map((group) => group.namespace))].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  const rows: TableRow[] = [];
  for (const namespace of namespaces) {
    const inNamespace = groups.filter((group) => group.namespace === namespace);
    if (namespaces.length > 1) {
      rows.push({ kind: 'namespace', key: `ns:${namespace}`, namespace, services: inNamespace.flatMap((group) => group.services) });
    }
    for (const group of inNamespace) {
      if (!group.cluster) {
        const service = group.services[0]!;
        rows.push({ kind: 'service', key: serviceKey(service.pmId), service, services: group.services, child: false });
        continue;
      }
      const key = appKey(group.namespace, group.name, group.host);
      const open = expanded.has(key);
      rows.push({ kind: 'app', key, name: group.name, services: group.services, expanded: open });
      if (open) {
        for (const service of group.services) rows.push({ kind: 'service', key: serviceKey(service.pmId), service, services: [service], child: true });
      }
    }
  }
  return rows;
}

/**
 * The row shown as selected for the remembered row key: that row; else the folded app row holding that service;
 * else the selectable row nearest `hint` (where the selection was), so a deleted service's neighbour takes over.
 * -1 when nothing can be selected.
 */
export function resolveSelectedRow(key: string | null, rows: readonly TableRow[], hint: number): number {
  if (key !== null) {
    const exact = rows.findIndex((row) => row.key === key && isSelectable(row));
    if (exact !== -1) return exact;
    const holder = rows.findIndex((row) => row.kind === 'app' && row.services.some((s) => serviceKey(s.pmId) === key));
    if (holder !== -1) return holder;
  }
  const start = Math.min(Math.max(hint, 0), rows.length - 1);
  for (let distance = 0; distance < rows.length; distance++) {
    for (const index of [start + distance, start - distance]) {
      if (index >= 0 && index < rows.length && isSelectable(rows[index]!)) return index;
    }
  }
  return -1;
}

/** The selectable row `by` steps from `index` (clamped at both ends); headings are stepped over. */
export function stepSelectable(rows: readonly TableRow[], index: number, by: number): number {
  const selectable = rows.map((row, i) => (isSelectable(row) ? i : -1)).filter((i) => i !== -1);
  if (selectable.length === 0) return -1;
  const at = selectable.findIndex((i) => i >= index);
  const current = at === -1 ? selectable.length - 1 : at;
  return selectable[Math.min(Math.max(current + by, 0), selectable.length - 1)]!;
}

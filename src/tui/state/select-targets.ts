import type { Service, ServiceAction } from '../../pm2-bridge/types.js';
import { displayName } from '../table/display-name.js';
import type { TableRow } from '../table/table-rows.js';
import type { TargetEntry } from './ui-state.js';

/** Every service the rows cover, each once, in table order. */
export function servicesOf(rows: readonly TableRow[]): Service[] {
  const seen = new Set<number>();
  const out: Service[] = [];
  for (const row of rows) {
    if (row.kind === 'namespace') continue;
    for (const service of row.services) {
      if (seen.has(service.pmId)) continue;
      seen.add(service.pmId);
      out.push(service);
    }
  }
  return out;
}

/**
 * What an action goes to: the marked services that are shown, in table order; with none marked, the selected row's
 * services (all instances of an app row). Scaling acts on apps: one target per app, named by the app.
 */
export function selectTargets(action: ServiceAction, rows: readonly TableRow[], marks: ReadonlySet<number>, selected: TableRow | null, daemonPid: number | null): TargetEntry[] {
  const shown = servicesOf(rows);
  const marked = shown.filter((service) => marks.has(service.pmId));
  const chosen = marked.length > 0 ? marked : selected === null || selected.kind === 'namespace' ? [] : [...selected.services];
  const entry = (service: Service, label: string): TargetEntry => ({ target: { pmId: service.pmId, name: service.name, daemonPid }, label });
  if (action !== 'scaleUp' && action !== 'scaleDown') return chosen.map((service) => entry(service, displayName(service)));
  const apps = new Map<string, Service>();
  for (const service of chosen) {
    const key = service.execMode === 'cluster' ? `${service.namespace}/${service.name}` : `pm:${service.pmId}`;
    if (!apps.has(key)) apps.set(key, service);
  }
  return [...apps.values()].map((service) => entry(service, service.name));
}

import type { ListView, Service } from '../../pm2-bridge/types.js';
import { sameValue } from '../../shared/same-value.js';
import { SteadyReadings } from '../table/steady-readings.js';

/** Two services show the same: every field alike but when their port check last ran (which nothing shows). */
export function sameShownService(a: Service, b: Service): boolean {
  if (a === b) return true;
  const { portCheck: checkA, ...restA } = a;
  const { portCheck: checkB, ...restB } = b;
  if ((checkA === null) !== (checkB === null)) return false;
  if (checkA !== null && checkB !== null && !sameValue({ ...checkA, checkedAt: 0 }, { ...checkB, checkedAt: 0 })) return false;
  return sameValue(restA, restB);
}

/**
 * The list as the monitor shows it: CPU, memory and metrics steadied (table/steady-readings.ts), and the same
 * object as before when the new list shows nothing new (a port check's round whose latencies stayed in their noise,
 * a CPU reading within its band), so nothing re-renders for it. `read` is a getSnapshot for useSyncExternalStore.
 */
export class ShownList {
  private readonly steady = new SteadyReadings();
  private raw: ListView | null = null;
  private shown: ListView | null = null;

  constructor(private readonly getList: () => ListView) {}

  read = (): ListView => {
    const raw = this.getList();
    if (raw === this.raw && this.shown !== null) return this.shown;
    this.raw = raw;
    const next: ListView = { ...raw, services: this.steady.apply(raw.services) };
    if (this.shown === null || !sameShownList(this.shown, next)) this.shown = next;
    return this.shown;
  };
}

function sameShownList(a: ListView, b: ListView): boolean {
  if (a.connection !== b.connection || a.diagnostics !== b.diagnostics || a.services.length !== b.services.length) return false;
  return a.services.every((service, i) => sameShownService(service, b.services[i]!));
}

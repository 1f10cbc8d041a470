import type { Service } from '../../pm2-bridge/types.js';

/** The services the table shows: those whose name contains the filter text, ignoring case; order kept (pm_id). */
export function selectVisibleServices(services: readonly Service[], filterText: string): readonly Service[] {
  const needle = filterText.trim().toLowerCase();
  if (needle === '') return services;
  return services.filter((service) => service.name.toLowerCase().includes(needle));
}

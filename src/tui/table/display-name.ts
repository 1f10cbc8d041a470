import type { Service } from '../../pm2-bridge/types.js';

/** Cluster instances show as `name#0`, `name#1`, … so each row says which instance it is. */
export function displayName(service: Pick<Service, 'name' | 'execMode' | 'instanceId'>): string {
  return service.execMode === 'cluster' && service.instanceId !== null ? `${service.name}#${service.instanceId}` : service.name;
}

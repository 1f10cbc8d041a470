import type { Service } from '../../pm2-bridge/types.js';
import { formatDuration } from './duration.js';

/** How long the service has been up; `-` when it is not running or its start time is unknown. */
export function formatUptime(service: Pick<Service, 'status' | 'startedAt'>, now: number): string {
  if (service.status !== 'online' || service.startedAt === null) return '-';
  return formatDuration(now - service.startedAt);
}

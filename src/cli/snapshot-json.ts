import type { ExceptionGroup, Service, Snapshot, TimelineEvent } from '../pm2-bridge/types.js';

/** What --json tells of each service's past (issue 10): its newest events and its exception groups. */
export interface JsonInsights {
  timeline: readonly TimelineEvent[];
  exceptions: readonly ExceptionGroup[];
}

/** Events per service in --json (the newest). */
export const JSON_EVENTS_PER_SERVICE = 20;

const sameService = (service: Service) => (item: { pmId: number | null; name: string }) => item.pmId === service.pmId && item.name === service.name;

/**
 * `--json`: the snapshot without logs (services with their port checks and findings, connection, setup findings);
 * with insights, each service also carries `events` (time, kind, cause, exit code, signal), `exceptions` (message,
 * count, first/last seen) beside the `actions` it declares. Times are epoch ms; null when the log had none.
 */
export function snapshotJson(snapshot: Snapshot, insights?: JsonInsights): string {
  const { connection, refreshedAt, diagnostics } = snapshot;
  const services = insights
    ? snapshot.services.map((service) => ({
        ...service,
        events: insights.timeline
          .filter(sameService(service))
          .slice(-JSON_EVENTS_PER_SERVICE)
          .map(({ at, kind, cause, exitCode, signal, memory, limit, restarts, source }) => ({ at, kind, cause, exitCode, signal, memory, limit, restarts, source })),
        exceptions: insights.exceptions
          .filter(sameService(service))
          .map(({ message, count, firstSeen, lastSeen, source }) => ({ message, count, firstSeen, lastSeen, source })),
      }))
    : snapshot.services;
  return `${JSON.stringify({ connection, refreshedAt, services, diagnostics }, null, 2)}\n`;
}

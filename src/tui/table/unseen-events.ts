// Which services had something happen (a crash, an automatic or memory-limit restart, errored, an exception) since
// the operator last looked at them (selected their row). Pure; the table marks those rows.
import type { InsightsSnapshot, TimelineEvent } from '../../pm2-bridge/types.js';

/** pmId → when the operator last looked at it (epoch ms). A service never looked at counts from the beginning. */
export type LastLooked = ReadonlyMap<number, number>;

function noteworthy(event: TimelineEvent): boolean {
  if (event.kind === 'errored' || event.kind === 'memory-limit') return true;
  if (event.kind === 'exit') return event.cause === 'crash';
  if (event.kind === 'restart') return event.cause !== 'manual';
  return false;
}

/** The pmIds with an event or exception after their last look; `looking`: the services shown selected now. */
export function unseenServices(insights: Pick<InsightsSnapshot, 'timeline' | 'exceptions'>, lastLooked: LastLooked, looking: ReadonlySet<number>): Set<number> {
  const unseen = new Set<number>();
  const after = (pmId: number, at: number | null) => !looking.has(pmId) && (at === null ? !lastLooked.has(pmId) : at > (lastLooked.get(pmId) ?? -Infinity));
  for (const event of insights.timeline) if (event.pmId !== null && noteworthy(event) && after(event.pmId, event.at)) unseen.add(event.pmId);
  for (const group of insights.exceptions) if (after(group.pmId, group.lastSeen)) unseen.add(group.pmId);
  return unseen;
}

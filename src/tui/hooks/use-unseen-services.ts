import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { InsightsSnapshot, InsightsSource } from '../../pm2-bridge/types.js';
import { unseenServices, type LastLooked } from '../table/unseen-events.js';

const EMPTY: InsightsSnapshot = { timeline: [], exceptions: [], version: 0 };
const noSubscribe = () => () => {};
const noInsights = () => EMPTY;

/**
 * The services to mark in the table: an event since the operator last looked. Looking is having the row selected
 * (the timeline opens for the selection): while selected a service is not marked, and leaving it counts as a look.
 */
export function useUnseenServices(insights: InsightsSource | undefined, looking: readonly number[], now: () => number): ReadonlySet<number> {
  const snapshot = useSyncExternalStore(insights?.subscribeInsights ?? noSubscribe, insights?.getInsights ?? noInsights);
  const [lastLooked, setLastLooked] = useState<LastLooked>(() => new Map());
  const lookingKey = looking.join(',');
  const lookingIds = useMemo(() => new Set(lookingKey === '' ? [] : lookingKey.split(',').map(Number)), [lookingKey]);
  useEffect(
    () => () => {
      const at = now();
      setLastLooked((before) => new Map([...before, ...[...lookingIds].map((pmId) => [pmId, at] as const)]));
    },
    [lookingIds, now],
  );
  return useMemo(() => unseenServices(snapshot, lastLooked, lookingIds), [snapshot, lastLooked, lookingIds]);
}

// What the agent hands to a monitor started later (GET /history): the bridge's own metric history (issue 10's
// HistoryStore, through the bridge's InsightsSource) in the hand-over shape HistoryExport, which the monitor merges
// with HistoryStore.importHistory(). Alert transitions are kept here, bounded, for GET /alerts.
import type { HistoryExport, InsightsSource, ListView } from '../pm2-bridge/types.js';
import type { AlertTransition } from './rules/evaluate-rules.js';

export function exportHistory(list: Pick<ListView, 'services'>, insights: Pick<InsightsSource, 'historyOf'>, intervalMs: number): HistoryExport {
  return {
    version: 1,
    intervalMs,
    services: list.services.map((s) => insights.historyOf({ pmId: s.pmId, name: s.name })),
  };
}

export interface TransitionRecord {
  at: number;
  kind: 'firing' | 'resolved';
  alert: string;
  pmId: number | null;
  name: string | null;
}

const MAX_TRANSITIONS = 500;

/** The latest alert transitions, oldest first, at most MAX_TRANSITIONS. */
export function createTransitionLog(): { add(transitions: readonly AlertTransition[]): void; list(): TransitionRecord[] } {
  const records: TransitionRecord[] = [];
  return {
    add(transitions) {
      for (const t of transitions) records.push({ at: t.at, kind: t.kind, alert: t.alert.rule, pmId: t.alert.pmId, name: t.alert.name });
      if (records.length > MAX_TRANSITIONS) records.splice(0, records.length - MAX_TRANSITIONS);
    },
    list: () => [...records],
  };
}

/** Uncaught exceptions PM2 reported for each pm_id while the agent ran (not the ones read back from error logs). */
export function exceptionCounts(insights: Pick<InsightsSource, 'getInsights'>): (pmId: number) => number {
  const counts = new Map<number, number>();
  for (const group of insights.getInsights().exceptions) {
    if (group.source === 'bus') counts.set(group.pmId, (counts.get(group.pmId) ?? 0) + group.count);
  }
  return (pmId) => counts.get(pmId) ?? 0;
}

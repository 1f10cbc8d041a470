// What the agent remembers so a monitor started later can show the past (GET /history): per service, its CPU,
// memory and restart count at each evaluation, and the alert transitions. Bounded: `samplesPerService` samples per
// service, services gone from the list dropped, at most MAX_TRANSITIONS transitions.
import type { Snapshot } from '../pm2-bridge/types.js';
import type { AlertTransition } from './rules/evaluate-rules.js';

/** [epoch ms, cpu %, memory bytes, restarts] */
export type HistorySample = readonly [number, number, number, number];

export interface HistoryJson {
  version: 1;
  /** How often samples are taken. */
  intervalMs: number;
  services: { pmId: number; name: string; samples: readonly HistorySample[] }[];
  alerts: { at: number; kind: 'firing' | 'resolved'; alert: string; pmId: number | null; name: string | null }[];
}

const MAX_TRANSITIONS = 500;

export interface AgentHistory {
  record(snapshot: Snapshot, at: number): void;
  recordTransitions(transitions: readonly AlertTransition[]): void;
  toJson(): HistoryJson;
}

export function createAgentHistory(samplesPerService: number, intervalMs: number): AgentHistory {
  const services = new Map<string, { pmId: number; name: string; samples: HistorySample[] }>();
  const alerts: HistoryJson['alerts'] = [];
  return {
    record(snapshot, at) {
      if (snapshot.connection.kind !== 'connected') return;
      const listed = new Set<string>();
      for (const s of snapshot.services) {
        const key = `${s.pmId}:${s.name}`;
        listed.add(key);
        let entry = services.get(key);
        if (!entry) {
          entry = { pmId: s.pmId, name: s.name, samples: [] };
          services.set(key, entry);
        }
        entry.samples.push([at, s.cpu, s.memory, s.restarts]);
        if (entry.samples.length > samplesPerService) entry.samples.splice(0, entry.samples.length - samplesPerService);
      }
      for (const key of services.keys()) if (!listed.has(key)) services.delete(key);
    },
    recordTransitions(transitions) {
      for (const t of transitions) alerts.push({ at: t.at, kind: t.kind, alert: t.alert.rule, pmId: t.alert.pmId, name: t.alert.name });
      if (alerts.length > MAX_TRANSITIONS) alerts.splice(0, alerts.length - MAX_TRANSITIONS);
    },
    toJson() {
      return { version: 1, intervalMs, services: [...services.values()].map((s) => ({ ...s, samples: [...s.samples] })), alerts: [...alerts] };
    },
  };
}

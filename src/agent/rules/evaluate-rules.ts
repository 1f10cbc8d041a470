// The pure rule evaluator: the previous state and one new sample in, the next state and the alerts that started
// firing or resolved out. No clock, no I/O: `sample.at` is the time.
import type { AlertSample, ServiceSample } from './alert-sample.js';
import { RULE_NAMES, type AlertSeverity, type RuleName, type RulesConfig } from './rules-config.js';

export interface Alert {
  /** Stable identity: rule plus service (pm_id and name), or the rule alone for setup-wide alerts. */
  key: string;
  rule: RuleName;
  severity: AlertSeverity;
  /** null for setup-wide alerts (daemon-gone). */
  pmId: number | null;
  name: string | null;
  /** What the notice says (numbers and names only, never env values). */
  params: Readonly<Record<string, string | number>>;
  /** Epoch ms since the condition holds. */
  activeSince: number;
  /** Epoch ms of the firing notice; null while pending. */
  firedAt: number | null;
}

export interface AlertTransition {
  kind: 'firing' | 'resolved';
  alert: Alert;
  at: number;
}

interface TrackedService {
  restartsSeen: number;
  /** When each restart observed within the crash-loop window happened. */
  restartTimes: number[];
  exceptionsSeen: number;
  lastExceptionAt: number | null;
}

export interface RuleState {
  services: ReadonlyMap<string, TrackedService>;
  alerts: ReadonlyMap<string, Alert>;
}

export interface Evaluation {
  state: RuleState;
  transitions: AlertTransition[];
  /** Alerts that fire after this sample (pending ones excluded). */
  firing: Alert[];
}

export const EMPTY_RULE_STATE: RuleState = { services: new Map(), alerts: new Map() };

interface Condition {
  rule: RuleName;
  pmId: number | null;
  name: string | null;
  params: Record<string, string | number>;
}

/** Restart times kept per service at most: enough for any sensible threshold. */
const MAX_RESTART_TIMES = 1000;

function serviceKey(s: Pick<ServiceSample, 'pmId' | 'name'>): string {
  return `${s.pmId}:${s.name}`;
}

function alertKey(rule: RuleName, pmId: number | null, name: string | null): string {
  return pmId === null ? rule : `${rule}/${pmId}:${name ?? ''}`;
}

function track(previous: TrackedService | undefined, s: ServiceSample, at: number, rules: RulesConfig): TrackedService {
  // First sight: counts so far happened at unknown times and count for nothing.
  if (!previous) return { restartsSeen: s.restarts, restartTimes: [], exceptionsSeen: s.exceptions, lastExceptionAt: null };
  const since = at - rules['crash-loop'].windowMs;
  const added = Math.max(0, Math.min(MAX_RESTART_TIMES, s.restarts - previous.restartsSeen));
  const restartTimes = [...previous.restartTimes.filter((t) => t > since), ...Array<number>(added).fill(at)].slice(-MAX_RESTART_TIMES);
  return {
    restartsSeen: s.restarts,
    restartTimes,
    exceptionsSeen: s.exceptions,
    lastExceptionAt: s.exceptions > previous.exceptionsSeen ? at : previous.lastExceptionAt,
  };
}

function serviceConditions(s: ServiceSample, t: TrackedService, at: number, rules: RulesConfig): Condition[] {
  const found: Condition[] = [];
  const add = (rule: RuleName, params: Record<string, string | number>): void => {
    found.push({ rule, pmId: s.pmId, name: s.name, params: { status: s.status, ...params } });
  };
  if (t.restartTimes.length >= rules['crash-loop'].restarts) {
    add('crash-loop', { restarts: t.restartTimes.length, windowS: Math.round(rules['crash-loop'].windowMs / 1000) });
  }
  if (s.status === 'errored') add('errored', { restarts: s.restarts });
  if (s.status === 'online' && s.port !== null && s.listening === false) add('port-down', { port: s.port });
  if (s.status === 'online' && s.port !== null && (s.health === 'degraded' || s.health === 'failed')) {
    add('health-degraded', { port: s.port, health: s.health });
  }
  const limit = s.maxMemoryRestart;
  if (limit !== null && s.memory > rules['memory-high'].ratio * limit) {
    add('memory-high', { memory: s.memory, limit, percent: Math.round((s.memory / limit) * 100) });
  }
  if (t.lastExceptionAt !== null && at - t.lastExceptionAt < rules['new-exception'].windowMs) {
    add('new-exception', { exceptions: s.exceptions });
  }
  return found;
}

/** One evaluation step. Service rules hold their state while the daemon is not known to be up. */
export function evaluateRules(state: RuleState, sample: AlertSample, rules: RulesConfig): Evaluation {
  const at = sample.at;
  const conditions: Condition[] = [];
  let services = state.services;
  if (sample.daemon === 'down') conditions.push({ rule: 'daemon-gone', pmId: null, name: null, params: {} });
  if (sample.daemon === 'up') {
    const next = new Map<string, TrackedService>();
    for (const s of sample.services) {
      const key = serviceKey(s);
      const tracked = track(state.services.get(key), s, at, rules);
      next.set(key, tracked);
      conditions.push(...serviceConditions(s, tracked, at, rules));
    }
    services = next;
  }

  const alerts = new Map<string, Alert>();
  const transitions: AlertTransition[] = [];
  for (const c of conditions) {
    const settings = rules[c.rule];
    if (!settings.enabled) continue;
    const key = alertKey(c.rule, c.pmId, c.name);
    const before = state.alerts.get(key);
    const activeSince = before?.activeSince ?? at;
    const fires = before?.firedAt != null || at - activeSince >= settings.forMs;
    const alert: Alert = {
      key,
      rule: c.rule,
      severity: settings.severity,
      pmId: c.pmId,
      name: c.name,
      params: c.params,
      activeSince,
      firedAt: before?.firedAt ?? (fires ? at : null),
    };
    alerts.set(key, alert);
    if (fires && before?.firedAt == null) transitions.push({ kind: 'firing', alert, at });
  }
  for (const [key, before] of state.alerts) {
    if (alerts.has(key)) continue;
    // While the daemon is gone or unreadable, a service's alert neither resolves nor advances.
    const held = sample.daemon !== 'up' && before.pmId !== null;
    if (held && rules[before.rule].enabled) {
      alerts.set(key, before);
      continue;
    }
    if (before.firedAt !== null) transitions.push({ kind: 'resolved', alert: before, at });
  }
  const firing = [...alerts.values()].filter((a) => a.firedAt !== null);
  firing.sort((a, b) => RULE_NAMES.indexOf(a.rule) - RULE_NAMES.indexOf(b.rule) || a.key.localeCompare(b.key));
  return { state: { services, alerts }, transitions, firing };
}

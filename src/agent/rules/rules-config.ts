// The built-in alert rules of `gakuco-monit serve`, their settings and defaults. deploy/prometheus/gakuco-monit-rules.yml
// states the same rules in PromQL for fleets that alert with Prometheus and Alertmanager instead.

export const RULE_NAMES = [
  'crash-loop',
  'errored',
  'port-down',
  'health-degraded',
  'memory-high',
  'new-exception',
  'daemon-gone',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export type AlertSeverity = 'critical' | 'warning';

export interface RuleSettings {
  enabled: boolean;
  /** How long the condition must hold before the alert fires (Prometheus' `for:`); 0 fires at once. */
  forMs: number;
  severity: AlertSeverity;
}

export interface RulesConfig {
  /** `restarts` restarts or more within `windowMs`. */
  'crash-loop': RuleSettings & { restarts: number; windowMs: number };
  errored: RuleSettings;
  /** Online, has a PORT, and nothing answers on it. */
  'port-down': RuleSettings;
  /** Online and its /health says "degraded" or fails. */
  'health-degraded': RuleSettings;
  /** Memory above `ratio` of max_memory_restart. */
  'memory-high': RuleSettings & { ratio: number };
  /** An uncaught exception was reported; the alert resolves `windowMs` after the last one. */
  'new-exception': RuleSettings & { windowMs: number };
  /** No PM2 daemon answers. */
  'daemon-gone': RuleSettings;
}

export const DEFAULT_RULES: RulesConfig = {
  'crash-loop': { enabled: true, forMs: 0, severity: 'critical', restarts: 3, windowMs: 60_000 },
  errored: { enabled: true, forMs: 0, severity: 'critical' },
  'port-down': { enabled: true, forMs: 30_000, severity: 'critical' },
  'health-degraded': { enabled: true, forMs: 60_000, severity: 'warning' },
  'memory-high': { enabled: true, forMs: 60_000, severity: 'warning', ratio: 0.8 },
  'new-exception': { enabled: true, forMs: 0, severity: 'warning', windowMs: 5 * 60_000 },
  'daemon-gone': { enabled: true, forMs: 10_000, severity: 'critical' },
};

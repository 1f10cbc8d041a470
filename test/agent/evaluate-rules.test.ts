import { describe, expect, it } from 'vitest';
import type { AlertSample, ServiceSample } from '../../src/agent/rules/alert-sample.js';
import { EMPTY_RULE_STATE, evaluateRules, type AlertTransition, type RuleState } from '../../src/agent/rules/evaluate-rules.js';
import { DEFAULT_RULES, type RulesConfig } from '../../src/agent/rules/rules-config.js';

function service(overrides: Partial<ServiceSample> = {}): ServiceSample {
  return {
    pmId: 0,
    name: 'api',
    status: 'online',
    restarts: 0,
    memory: 50 * 1024 ** 2,
    maxMemoryRestart: null,
    port: null,
    listening: null,
    health: null,
    exceptions: 0,
    ...overrides,
  };
}

/** Feeds samples in order; returns every transition as "kind rule name@seconds". */
function run(samples: AlertSample[], rules: RulesConfig = DEFAULT_RULES): { log: string[]; state: RuleState } {
  let state = EMPTY_RULE_STATE;
  const log: string[] = [];
  const word = (t: AlertTransition): string => `${t.kind} ${t.alert.rule} ${t.alert.name ?? '-'}@${t.at / 1000}`;
  for (const sample of samples) {
    const step = evaluateRules(state, sample, rules);
    state = step.state;
    log.push(...step.transitions.map(word));
  }
  return { log, state };
}

const up = (at: number, ...services: ServiceSample[]): AlertSample => ({ at: at * 1000, daemon: 'up', services });

describe('evaluateRules', () => {
  it('fires a crash loop once when restarts pile up inside the window, and resolves it when they stop', () => {
    const samples = [0, 1, 2, 3, 4, 5].map((s) => up(s * 5, service({ restarts: s })));
    samples.push(up(40, service({ restarts: 5 })), up(90, service({ restarts: 5 })));
    // restarts seen at 5, 10, 15 (3 within 60 s): fires at 15; the last restart at 25 leaves the window at 85.
    expect(run(samples).log).toEqual(['firing crash-loop api@15', 'resolved crash-loop api@90']);
  });

  it('counts nothing a service restarted before it was first seen', () => {
    expect(run([up(0, service({ restarts: 40 })), up(5, service({ restarts: 40 }))]).log).toEqual([]);
  });

  it('waits for the `for:` duration: a port down for less than it never fires', () => {
    const down = service({ port: 3001, listening: false });
    const ok = service({ port: 3001, listening: true });
    expect(run([up(0, down), up(20, down), up(25, ok)]).log).toEqual([]);
    expect(run([up(0, down), up(20, down), up(30, down), up(35, ok)]).log).toEqual([
      'firing port-down api@30',
      'resolved port-down api@35',
    ]);
  });

  it('does not call a stopped service with a port "down"', () => {
    const stopped = service({ status: 'stopped', port: 3001, listening: false });
    expect(run([up(0, stopped), up(60, stopped)]).log).toEqual([]);
  });

  it('fires errored at once and health-degraded after its for:', () => {
    const degraded = service({ pmId: 1, name: 'web', port: 80, listening: true, health: 'degraded' });
    const log = run([up(0, service({ status: 'errored' }), degraded), up(61, service({ status: 'errored' }), degraded)]).log;
    expect(log).toEqual(['firing errored api@0', 'firing health-degraded web@61']);
  });

  it('fires memory-high above the ratio of max_memory_restart only', () => {
    const limit = 200 * 1024 ** 2;
    const at79 = service({ maxMemoryRestart: limit, memory: 0.79 * limit });
    const at81 = service({ maxMemoryRestart: limit, memory: 0.81 * limit });
    expect(run([up(0, at79), up(100, at79)]).log).toEqual([]);
    const { log, state } = run([up(0, at81), up(60, at81)]);
    expect(log).toEqual(['firing memory-high api@60']);
    expect([...state.alerts.values()][0]!.params).toMatchObject({ percent: 81, limit });
  });

  it('fires a new exception when the count grows and resolves it after the window', () => {
    const rules = { ...DEFAULT_RULES, 'new-exception': { ...DEFAULT_RULES['new-exception'], windowMs: 60_000 } };
    const samples = [up(0, service({ exceptions: 2 })), up(5, service({ exceptions: 3 })), up(30, service({ exceptions: 3 })), up(70, service({ exceptions: 3 }))];
    expect(run(samples, rules).log).toEqual(['firing new-exception api@5', 'resolved new-exception api@70']);
  });

  it('holds service alerts while the daemon is gone, fires daemon-gone after its for:, and resolves on return', () => {
    const errored = service({ status: 'errored' });
    const gone = (at: number): AlertSample => ({ at: at * 1000, daemon: 'down', services: [] });
    const log = run([up(0, errored), gone(5), gone(10), gone(16), up(20, errored), up(25)]).log;
    expect(log).toEqual([
      'firing errored api@0',
      'firing daemon-gone -@16',
      'resolved daemon-gone -@20',
      'resolved errored api@25',
    ]);
  });

  it('keeps one alert per service and treats a pm_id reused by another app as a new service', () => {
    const a = service({ pmId: 3, name: 'a', status: 'errored' });
    const b = service({ pmId: 3, name: 'b', status: 'errored' });
    expect(run([up(0, a), up(5, a), up(10, b)]).log).toEqual(['firing errored a@0', 'firing errored b@10', 'resolved errored a@10']);
  });

  it('never fires a disabled rule', () => {
    const rules = { ...DEFAULT_RULES, errored: { ...DEFAULT_RULES.errored, enabled: false } };
    expect(run([up(0, service({ status: 'errored' }))], rules).log).toEqual([]);
  });

  it('lists what fires now, pending alerts excluded', () => {
    const state = run([up(0, service({ status: 'errored', port: 1, listening: false }))]).state;
    const step = evaluateRules(state, up(5, service({ status: 'errored', port: 1, listening: false })), DEFAULT_RULES);
    expect(step.firing.map((a) => a.rule)).toEqual(['errored']);
    expect(step.transitions).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDaemonLog, parseDaemonLogLine } from '../../../src/pm2-bridge/insights/daemon-log-records.js';
import { emptyTimeline, eventsOf, recordDelete, reduceTimeline, settleTimeline } from '../../../src/pm2-bridge/insights/timeline.js';

// pm2.log written by a real PM2 7.0.4 daemon (test/fixtures/plus: thrower crash-loops to errored, leaker hits
// max_memory_restart, actions is restarted then stopped and deleted, crasher exits once without autorestart,
// victim is SIGKILLed by hand, then `pm2 kill`).
const text = readFileSync(new URL('../../fixtures/plus/pm2.log', import.meta.url), 'utf8');
const records = parseDaemonLog(text.split('\n'));
const at = (hms: string): number => Date.parse(`2026-12-01T${hms}`);
const brief = (e: { kind: string; cause?: string; exitCode?: number | null; signal?: string | null; at: number }) =>
  [new Date(e.at).toTimeString().slice(0, 8), e.kind, e.cause ?? '-', e.exitCode === undefined ? '-' : String(e.exitCode), e.signal ?? '-'].join(' ');

describe('pm2.log records', () => {
  it('reads the app lines pm2 7.0.4 writes, with local times', () => {
    expect(parseDaemonLogLine('2026-12-01T11:04:24: PM2 log: App [thrower:0] exited with code [1] via signal [SIGINT]')).toEqual({
      kind: 'exited', at: at('11:04:24'), name: 'thrower', pmId: 0, exitCode: 1, signal: 'SIGINT',
    });
    expect(parseDaemonLogLine('2026-12-01T11:04:23: PM2 log: App [a:b [x]:12] starting in -cluster mode-')).toMatchObject({ kind: 'starting', name: 'a:b [x]', pmId: 12 });
    expect(parseDaemonLogLine('2026-12-01T11:04:23: PM2 log: App [x:1] exited with code [null] via signal [SIGKILL]')).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    expect(parseDaemonLogLine('2026-12-01T11:04:23: PM2 log: pid=1 msg=process tree killed (1 pids)')).toBeNull();
    expect(parseDaemonLogLine('garbage [PM2][WORKER] Process 1 restarted because it exceeds')).toBeNull();
    expect(parseDaemonLogLine('')).toBeNull();
  });

  it('finds every kind in the real log', () => {
    const kinds = new Set(records.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['daemon-start', 'daemon-stop', 'errored', 'exited', 'memory-limit', 'starting', 'stopping']);
    expect(records.find((r) => r.kind === 'memory-limit')).toEqual({ kind: 'memory-limit', at: at('11:04:24'), pmId: 1, memory: 97169408, limit: 83886080 });
  });
});

describe('timeline from a real pm2.log', () => {
  const state = settleTimeline(reduceTimeline(emptyTimeline(), records), at('11:10:00'));

  it('lists the crash loop in order with its causes, ending errored', () => {
    expect(eventsOf(state.events, { pmId: 0, name: 'thrower' }).map(brief)).toEqual([
      '11:04:23 start - - -',
      '11:04:24 exit crash 1 SIGINT',
      '11:04:24 restart auto - -',
      '11:04:25 exit crash 1 SIGINT',
      '11:04:25 restart auto - -',
      '11:04:26 exit crash 1 SIGINT',
      '11:04:26 errored - - -',
    ]);
    expect(eventsOf(state.events, { pmId: 0, name: 'thrower' }).at(-1)?.restarts).toBe(3);
  });

  it('tells memory-limit restarts from a manual restart and a stop', () => {
    const leaker = eventsOf(state.events, { pmId: 1, name: 'leaker' }).map(brief);
    expect(leaker.slice(0, 3)).toEqual(['11:04:23 start - - -', '11:04:24 memory-limit - - -', '11:04:24 restart memory-limit 0 SIGINT']);
    expect(leaker.filter((l) => l.includes('restart memory-limit'))).toHaveLength(5);
    expect(leaker.at(-1)).toBe('11:04:34 stop - 0 SIGINT');
    expect(eventsOf(state.events, { pmId: 2, name: 'actions' }).map(brief)).toEqual([
      '11:04:23 start - - -',
      '11:04:31 restart manual 0 SIGINT',
      '11:05:42 stop - 0 SIGINT',
    ]);
  });

  it('a kill by signal with autorestart is a crash then an automatic restart; no autorestart leaves the exit', () => {
    expect(eventsOf(state.events, { pmId: 4, name: 'victim' }).map(brief).slice(0, 3)).toEqual([
      '11:05:46 start - - -',
      '11:05:48 exit crash 0 SIGKILL',
      '11:05:48 restart auto - -',
    ]);
    expect(eventsOf(state.events, { pmId: 3, name: 'crasher' }).map(brief)).toEqual(['11:04:23 start - - -', '11:04:23 exit crash 3 SIGINT']);
  });

  it('marks the daemon start and stop, and keeps events in time order', () => {
    expect(state.events.filter((e) => e.pmId === null).map((e) => e.kind)).toEqual(['daemon-start', 'daemon-stop']);
    const times = state.events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a stop pending when the list loses the service becomes its delete; events stay bounded', () => {
    const upToStop = parseDaemonLog(text.split('\n').filter((l) => l < '2026-12-01T11:05:43'));
    const pending = reduceTimeline(emptyTimeline(), upToStop);
    const deleted = recordDelete(pending, { pmId: 2, name: 'actions' }, at('11:05:43'));
    expect(eventsOf(deleted.events, { pmId: 2, name: 'actions' }).map(brief).at(-1)).toBe('11:05:42 delete - 0 SIGINT');
    expect(reduceTimeline(emptyTimeline(5), records).events).toHaveLength(5);
  });

  it('fed line by line gives the same events as fed at once', () => {
    let step = emptyTimeline();
    for (const r of records) step = reduceTimeline(step, [r]);
    expect(settleTimeline(step, at('11:10:00')).events).toEqual(state.events);
  });
});

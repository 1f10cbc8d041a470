import { describe, expect, it } from 'vitest';
import { countMemoryRestarts, countStarts, parsePm2Log } from '../../../src/pm2-bridge/diagnostics/pm2-log.js';
import { RestartHistory } from '../../../src/pm2-bridge/diagnostics/restart-history.js';

const LOG = `2026-01-02T03:04:05: PM2 log: App [api:0] starting in -fork mode-
2026-01-02T03:04:05: PM2 log: App [api:0] online
2026-01-02T03:04:06: PM2 log: App [api:0] exited with code [1] via signal [SIGINT]
2026-01-02T03:04:07: PM2 log: App [api:0] starting in -fork mode-
2026-01-02T03:05:00: [PM2][WORKER] Process 0 restarted because it exceeds --max-memory-restart value (current_memory=300 max_memory_limit=200 [octets])
2026-01-02T03:05:00: PM2 log: App [web:worker:1] starting in -cluster mode-
[PM2][WORKER] Process 1 restarted because it exceeds --max-memory-restart value (current_memory=1 max_memory_limit=0 [octets])
`;

describe('parsePm2Log', () => {
  const events = parsePm2Log(LOG);
  it('reads starts (names with colons too) and memory restarts with local-time dates', () => {
    expect(events.map((e) => e.kind)).toEqual(['start', 'start', 'memory-restart', 'start', 'memory-restart']);
    expect(events[0]).toEqual({ kind: 'start', at: new Date(2026, 0, 2, 3, 4, 5).getTime(), name: 'api', pmId: 0 });
    expect(events[3]).toMatchObject({ name: 'web:worker', pmId: 1 });
    expect(events[4]?.at).toBeNull();
  });
  it('counts per app and since a time', () => {
    expect(countStarts(events, 'api', 0, 0)).toBe(2);
    expect(countStarts(events, 'api', 0, new Date(2026, 0, 2, 3, 4, 6).getTime())).toBe(1);
    expect(countStarts(events, 'api', 1, 0)).toBe(0);
    expect(countMemoryRestarts(events, 0, 0)).toBe(1);
    expect(countMemoryRestarts(events, 0, new Date(2026, 0, 2, 3, 6).getTime())).toBe(0);
    expect(countMemoryRestarts(events, 1, Date.now())).toBe(1); // no date: counted
  });
});

describe('RestartHistory', () => {
  it('counts restarts inside the window only', () => {
    const history = new RestartHistory(600_000);
    expect(history.record('a', 0, 3)).toBe(0);
    expect(history.record('a', 60_000, 5)).toBe(2);
    expect(history.record('a', 300_000, 9)).toBe(6);
    // At 700 s the sample from 0 s has left the window; the one at 60 s is the baseline.
    expect(history.record('a', 700_000, 9)).toBe(4);
    expect(history.record('a', 1_000_000, 9)).toBe(0);
  });
  it('starts over when the counter goes back, and forgets services that went away', () => {
    const history = new RestartHistory(600_000);
    history.record('a', 0, 10);
    expect(history.record('a', 1000, 1)).toBe(0);
    history.record('b', 0, 0);
    history.retain(new Set(['a']));
    expect(history.size).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { ListView, PortCheck } from '../../../src/pm2-bridge/types.js';
import { ShownList } from '../../../src/tui/state/shown-list.js';
import { makeService } from '../fixtures/make-service.js';

const connection: ListView['connection'] = { kind: 'connected', home: '/home/op/.pm2', daemonPid: 100 } as ListView['connection'];
const check = (checkedAt: number, connectMs: number): PortCheck => ({
  port: 3001,
  checkedAt,
  listening: true,
  connectMs,
  health: 'ok',
  healthMs: 4,
  healthDetail: null,
  upstreamConfigured: true,
  conflict: null,
});

describe('ShownList', () => {
  it('hands out the same list while a new one shows nothing new: a port check round in its noise, a CPU within its band', () => {
    let list: ListView = { connection, diagnostics: [], services: [makeService({ pmId: 0, name: 'web', port: 3001, cpu: 10, portCheck: check(1000, 3) })] };
    const shown = new ShownList(() => list);
    const first = shown.read();
    expect(shown.read()).toBe(first);
    list = { ...list, services: [makeService({ pmId: 0, name: 'web', port: 3001, cpu: 11, portCheck: check(4000, 9) })] };
    expect(shown.read()).toBe(first);
    expect(first.services[0]!.cpu).toBe(10);
  });

  it('hands out a new list when something shown changes (a restart count, a CPU jump, the check failing)', () => {
    let list: ListView = { connection, diagnostics: [], services: [makeService({ pmId: 0, name: 'web', port: 3001, portCheck: check(1000, 3) })] };
    const shown = new ShownList(() => list);
    const first = shown.read();
    list = { ...list, services: [makeService({ pmId: 0, name: 'web', port: 3001, restarts: 1, portCheck: check(1000, 3) })] };
    const second = shown.read();
    expect(second).not.toBe(first);
    expect(second.services[0]!.restarts).toBe(1);
    list = { ...list, services: [makeService({ pmId: 0, name: 'web', port: 3001, restarts: 1, cpu: 60, portCheck: check(1000, 3) })] };
    const third = shown.read();
    expect(third).not.toBe(second);
    expect(third.services[0]!.cpu).toBe(60);
    list = { ...list, services: [makeService({ pmId: 0, name: 'web', port: 3001, restarts: 1, cpu: 60, portCheck: { ...check(5000, 3), health: 'failed', healthDetail: 'HTTP 500' } })] };
    expect(shown.read().services[0]!.portCheck!.health).toBe('failed');
    list = { ...list, diagnostics: [{ code: 'no-daemon', severity: 'error', params: {} } as unknown as ListView['diagnostics'][number]] };
    expect(shown.read().diagnostics).toHaveLength(1);
  });
});

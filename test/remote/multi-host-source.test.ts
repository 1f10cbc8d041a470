// The merge of several hosts, driven by in-memory host sources (the ssh side is tested for real in multi-host.test.ts).
import { describe, expect, it, vi } from 'vitest';
import type { ActionTarget, HostLinkState, LogLine, Service, ServiceAction } from '../../src/pm2-bridge/types.js';
import type { HostSource, HostView } from '../../src/remote/ssh-host-source.js';
import { createMultiHostSource, HOST_KEY_SPAN } from '../../src/remote/multi-host-source.js';
import { hostOutcome } from '../../src/remote/read-hosts-once.js';
import { makeService } from '../tui/fixtures/make-service.js';

class MemoryHost implements HostSource {
  readonly ran: { action: ServiceAction; target: ActionTarget }[] = [];
  private view: HostView;
  private readonly listeners = new Set<() => void>();
  constructor(readonly spec: HostSource['spec'], services: Service[], link: HostLinkState) {
    this.view = { link, services, logs: new Map(), diagnostics: [], refreshedAt: 1 };
  }
  getView = () => this.view;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  update(change: Partial<HostView>) {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
  run = (action: ServiceAction, target: ActionTarget) => {
    this.ran.push({ action, target });
    return Promise.resolve({ ok: true as const });
  };
  close = () => undefined;
}

const spec = (name: string) => ({ name, destination: name, command: 'gakuco-monit', pm2Home: null, sshArgs: [] });
const connected = (daemonPid: number): HostLinkState => ({ kind: 'connected', since: 1, daemon: { kind: 'connected', home: '/h', since: 1, daemonPid } });

describe('multi-host source', () => {
  it('lists every host in one table with its host, routes an action to the right host and pm_id', async () => {
    const a = new MemoryHost(spec('a'), [makeService({ pmId: 0, name: 'web' })], connected(11));
    const b = new MemoryHost(spec('b'), [makeService({ pmId: 0, name: 'web' })], connected(22));
    const source = createMultiHostSource([a, b]);
    const services = source.getList().services;
    expect(services.map((s) => [s.host, s.name, s.pmId])).toEqual([['a', 'web', 0], ['b', 'web', HOST_KEY_SPAN]]);
    await source.run('restart', { pmId: HOST_KEY_SPAN, name: 'web', daemonPid: null });
    expect(a.ran).toEqual([]);
    expect(b.ran).toEqual([{ action: 'restart', target: { pmId: 0, name: 'web', daemonPid: 22 } }]);
    expect(source.getList().connection).toMatchObject({ kind: 'hosts', hosts: [{ host: 'a' }, { host: 'b' }] });
  });

  it('tells list listeners only of list changes: a log line redraws the log pane, not the table', () => {
    const a = new MemoryHost(spec('a'), [makeService({ pmId: 3, name: 'web' })], connected(11));
    const source = createMultiHostSource([a]);
    let listed = 0;
    let logged = 0;
    source.subscribeList(() => (listed += 1));
    source.subscribeLogs(3, () => (logged += 1));
    const line: LogLine = { seq: 1, at: 1, stream: 'out', text: 'hello', history: false };
    a.update({ logs: new Map([[3, [line]]]) });
    expect([listed, logged]).toEqual([0, 1]);
    expect(source.getLogs(3)).toEqual([line]);
    a.update({ link: { kind: 'lost', detail: 'gone', attempt: 1, retryAt: 5 } });
    expect(listed).toBe(1);
  });
});

describe('multi-host setup findings', () => {
  it("carries each host's setup findings with its host, the same array while none changed", () => {
    const finding = { code: 'dump-missing', severity: 'warning' as const, params: { running: 'web' }, fix: 'pm2 save' };
    const a = new MemoryHost(spec('a'), [makeService({ pmId: 0, name: 'web' })], connected(11));
    const b = new MemoryHost(spec('b'), [makeService({ pmId: 0, name: 'web' })], connected(22));
    b.update({ diagnostics: [finding] });
    const source = createMultiHostSource([a, b]);
    const first = source.getList().diagnostics;
    expect(first).toEqual([{ ...finding, host: 'b' }]);
    a.update({ logs: new Map([[0, [{ seq: 1, at: 1, stream: 'out', text: 'x', history: false }]]]) });
    expect(source.getList().diagnostics).toBe(first);
    a.update({ diagnostics: [finding] });
    expect(source.getList().diagnostics.map((d) => d.host)).toEqual(['a', 'b']);
  });
});

describe('hostOutcome (--once over hosts)', () => {
  const view = (change: Partial<HostView>): HostView => ({ link: connected(1), services: [], logs: new Map(), diagnostics: [], refreshedAt: 5, ...change });
  it('waits for a link, a PM2 connection, a first list and the port checks; a failed link is final', () => {
    expect(hostOutcome(view({ link: { kind: 'connecting' } }))).toBeNull();
    expect(hostOutcome(view({ link: { kind: 'connected', since: 1, daemon: { kind: 'connecting', home: '/h' } } }))).toBeNull();
    expect(hostOutcome(view({ refreshedAt: null }))).toBeNull();
    const pending = makeService({ pmId: 0, name: 'web' });
    pending.portCheck = { port: 80, checkedAt: 0, listening: null, connectMs: null, health: 'pending', healthMs: null, healthDetail: null, upstreamConfigured: null, conflict: null };
    expect(hostOutcome(view({ services: [pending] }))).toBeNull();
    expect(hostOutcome(view({}))).toBe(true);
    expect(hostOutcome(view({ link: { kind: 'connected', since: 1, daemon: { kind: 'no-daemon', home: '/h', since: 1 } }, refreshedAt: null }))).toBe(true);
    expect(hostOutcome(view({ link: { kind: 'host-key-refused', retryAt: 1 } }))).toBe(false);
  });
});

describe('multi-host list pacing', () => {
  it('merges the hosts’ new lists once per interval; log lines and a link that changes kind go through at once', () => {
    vi.useFakeTimers();
    try {
      const a = new MemoryHost(spec('a'), [makeService({ pmId: 0, name: 'web' })], connected(11));
      const b = new MemoryHost(spec('b'), [makeService({ pmId: 0, name: 'web' })], connected(22));
      const source = createMultiHostSource([a, b], { listIntervalMs: 1000 });
      let listed = 0;
      let logged = 0;
      source.subscribeList(() => (listed += 1));
      source.subscribeLogs(0, () => (logged += 1));
      a.update({ services: [makeService({ pmId: 0, name: 'web', cpu: 5 })] });
      vi.advanceTimersByTime(400);
      b.update({ services: [makeService({ pmId: 0, name: 'web', cpu: 7 })] });
      a.update({ logs: new Map([[0, [{ seq: 1, at: 1, stream: 'out', text: 'hello', history: false }]]]) });
      expect([listed, logged]).toEqual([0, 1]);
      expect(source.getList().services.map((s) => s.cpu)).toEqual([1.5, 1.5]);
      vi.advanceTimersByTime(600);
      expect(listed).toBe(1);
      expect(source.getList().services.map((s) => s.cpu)).toEqual([5, 7]);
      b.update({ link: { kind: 'lost', detail: 'gone', attempt: 1, retryAt: 5 } });
      expect(listed).toBe(2);
      source.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseAgentConfig, parseDuration } from '../../src/agent/agent-config.js';
import { AGENT_MESSAGES } from '../../src/i18n/agent.js';
import { parseServeArgs } from '../../src/agent/serve-args.js';
import { toHistoryExport } from '../../src/agent/history-feed.js';

describe('parseAgentConfig', () => {
  it('takes a full config and fills the rest with defaults', () => {
    const result = parseAgentConfig(
      JSON.stringify({
        listen: { host: '0.0.0.0', port: 9300, allowedHosts: ['mon.example'] },
        evaluateInterval: '2s',
        rules: { 'crash-loop': { restarts: 5, window: '2m', for: '10s' }, errored: { enabled: false }, 'memory-high': { ratio: 0.9 } },
        receivers: [
          { name: 'ops', type: 'slack', url: 'https://hooks.example/T/B/x' },
          { name: 'page', type: 'command', command: ['/usr/local/bin/page', '--now'] },
        ],
        notify: { timeout: '3s', retries: 2 },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect([c.host, c.port, c.allowedHosts, c.evaluateIntervalMs]).toEqual(['0.0.0.0', 9300, ['mon.example'], 2000]);
    expect(c.rules['crash-loop']).toMatchObject({ restarts: 5, windowMs: 120_000, forMs: 10_000, enabled: true });
    expect(c.rules.errored.enabled).toBe(false);
    expect(c.rules['memory-high'].ratio).toBe(0.9);
    expect(c.rules['port-down']).toEqual(DEFAULT_CONFIG.rules['port-down']);
    expect(c.receivers).toEqual([
      { name: 'ops', kind: 'slack', url: 'https://hooks.example/T/B/x', headers: {} },
      { name: 'page', kind: 'command', command: ['/usr/local/bin/page', '--now'] },
    ]);
    expect(c.notify).toEqual({ ...DEFAULT_CONFIG.notify, timeoutMs: 3000, retries: 2 });
  });

  it('reports every problem with its path, and never echoes a webhook URL', () => {
    const result = parseAgentConfig(
      JSON.stringify({
        listen: { port: 70000 },
        rulez: {},
        rules: { 'crash-loop': { window: 'soon', restarts: 0 }, 'no-such-rule': {} },
        receivers: [{ type: 'webhook', url: 'ftp://secret-token@host/x' }, { name: 'x', type: 'pager' }, { type: 'command' }],
        notify: { retries: -1 },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'rulez unknown-key',
      'listen.port bad-value',
      'rules.no-such-rule unknown-key',
      'rules.crash-loop.restarts bad-value',
      'rules.crash-loop.window bad-value',
      'receivers.0.url bad-value',
      'receivers.1.type bad-value',
      'receivers.2.command missing',
      'notify.retries bad-value',
    ]);
    const words = result.problems.map((p) => AGENT_MESSAGES.en.configProblem('agent.json', p)).join('\n');
    expect(words).toContain('agent.json: rules.crash-loop.window has a bad value (expected: duration');
    expect(words).not.toContain('secret-token');
  });

  it('says where JSON breaks', () => {
    const result = parseAgentConfig('{"rules": ');
    expect(result.ok ? null : result.problems[0]).toMatchObject({ path: '', code: 'bad-json' });
  });

  it('reads durations as Prometheus writes them, or seconds', () => {
    expect(['500ms', '30s', '5m', '1h', 2, '1.5s', 'x', -1].map(parseDuration)).toEqual([500, 30_000, 300_000, 3_600_000, 2000, 1500, null, null]);
  });
});

describe('parseServeArgs', () => {
  it('reads --port, --host, --config and --pm2-home', () => {
    const parsed = parseServeArgs(['--port', '9300', '--host=::1', '--config', 'a.json', '--check']);
    expect(parsed).toMatchObject({ ok: true, args: { port: 9300, host: '::1', check: true, config: expect.stringMatching(/\/a\.json$/) } });
  });

  it('names the bad argument', () => {
    expect(parseServeArgs(['--port', '0'])).toEqual({ ok: false, bad: '--port 0' });
    expect(parseServeArgs(['--nope'])).toEqual({ ok: false, bad: '--nope' });
    expect(parseServeArgs(['extra'])).toEqual({ ok: false, bad: 'extra' });
  });
});

describe('toHistoryExport', () => {
  it('keeps well-formed services and points, drops the rest', () => {
    const checked = toHistoryExport({
      version: 1,
      intervalMs: 2000,
      services: [
        { pmId: 0, name: 'a', series: { cpu: [{ at: 1, value: 2 }, { at: 'x', value: 3 }], 'bad-key': [{ at: 1, value: 1 }], 'metric:q': [{ at: 1, value: 1, min: 0, max: 2 }] } },
        { pmId: 'x', name: 'b', series: {} },
      ],
    });
    expect(checked).toEqual({ version: 1, intervalMs: 2000, services: [{ pmId: 0, name: 'a', series: { cpu: [{ at: 1, value: 2 }], 'metric:q': [{ at: 1, value: 1, min: 0, max: 2 }] } }] });
    expect(toHistoryExport({ version: 2, intervalMs: 1, services: [] })).toBeNull();
    expect(toHistoryExport('nope')).toBeNull();
  });
});

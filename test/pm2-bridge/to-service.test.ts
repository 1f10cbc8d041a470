import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBytes, parsePort, toService, toServices, toStatus, type RawProcess } from '../../src/pm2-bridge/to-service.js';

// Captured from a real pm2 7.0.4 daemon (getMonitorData), trimmed of the test runner's environment.
const list = JSON.parse(readFileSync(new URL('../fixtures/pm2-list.json', import.meta.url), 'utf8')) as RawProcess[];
const byName = (name: string, n = 0) => toServices(list).filter((s) => s.name === name)[n]!;

describe('toService on a real pm2 list', () => {
  it('maps a fork-mode HTTP server with a port, metrics and masked env', () => {
    const web = byName('web');
    expect(web).toMatchObject({
      pmId: 0,
      name: 'web',
      namespace: 'default',
      status: 'online',
      execMode: 'fork',
      instances: 1,
      instanceId: null,
      script: '/work/main/test/fixtures/apps/http-server.cjs',
      cwd: '/work/main',
      interpreter: '/usr/bin/node',
      nodeVersion: '20.20.2',
      version: '0.1.0',
      maxMemoryRestart: 200 * 1024 * 1024,
      outLogPath: '/tmp/pm2-home/logs/web-out.log',
      errLogPath: '/tmp/pm2-home/logs/web-error.log',
      port: 45123,
      autorestart: true,
      watch: false,
      portCheck: null,
      diagnostics: [],
    });
    expect(web.pid).toBeGreaterThan(0);
    expect(web.memory).toBeGreaterThan(1_000_000);
    expect(web.startedAt).toBeGreaterThan(1_700_000_000_000);
    expect(web.metrics).toContainEqual({ name: 'queue depth', value: '3', unit: 'jobs' });
    expect(web.metrics).toContainEqual({ name: 'Heap Usage', value: expect.any(String), unit: '%' });
    expect(web.env.find((e) => e.key === 'API_TOKEN')).toEqual({ key: 'API_TOKEN', value: '••••', masked: true });
    expect(JSON.stringify(web)).not.toContain('supersecret');
  });

  it("leaves out pm2's own bookkeeping keys from the env, keeping the app's configuration", () => {
    const raw = list.find((item) => item.name === 'web')!;
    expect(Object.keys(raw.pm2_env!.env!)).toEqual(expect.arrayContaining(['unique_id', 'web']));
    const keys = byName('web').env.map((e) => e.key);
    expect(keys).not.toContain('unique_id');
    expect(keys).not.toContain('web');
    expect(keys).toContain('PORT');
  });

  it('maps cluster instances with their instance number', () => {
    expect(byName('logs', 0)).toMatchObject({ execMode: 'cluster', instances: 2, instanceId: 0, port: null });
    expect(byName('logs', 1)).toMatchObject({ execMode: 'cluster', instances: 2, instanceId: 1 });
  });

  it('maps a crash-looping app with its restarts and exit code', () => {
    expect(byName('crash')).toMatchObject({ restarts: 4, unstableRestarts: 4, exitCode: 3, metrics: [] });
  });

  it('sorts by pm_id and drops items without one', () => {
    const shuffled = [list[2]!, { name: 'broken' }, list[0]!];
    expect(toServices(shuffled).map((s) => s.pmId)).toEqual([0, 2]);
  });
});

describe('toService on odd input', () => {
  it('survives an empty item and reads a stopped one as pid 0', () => {
    const s = toService({ pm_id: 7, pid: 1234, pm2_env: { status: 'stopped', instances: 'max' as unknown as number } });
    expect(s).toMatchObject({ pmId: 7, name: '', status: 'stopped', pid: 0, instances: 1, port: null, env: [] });
  });

  it('reads statuses, ports and sizes defensively', () => {
    expect(toStatus('waiting restart')).toBe('waiting restart');
    expect(toStatus('exploded')).toBe('unknown');
    expect(parsePort('3001')).toBe(3001);
    expect(parsePort(70000)).toBeNull();
    expect(parsePort('http')).toBeNull();
    expect(parseBytes('200M')).toBe(200 * 1024 * 1024);
    expect(parseBytes('1G')).toBe(1024 ** 3);
    expect(parseBytes(0)).toBeNull();
  });

  it('takes the port from pm2_env.PORT when env has none', () => {
    expect(toService({ pm_id: 1, pm2_env: { PORT: '8080', env: {} } }).port).toBe(8080);
  });
});

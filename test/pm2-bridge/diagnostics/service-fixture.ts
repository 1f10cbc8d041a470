// A Service value for the pure-check tests: every field set to a healthy default, overridable.
import type { EnvEntry, PortCheck, Service } from '../../../src/pm2-bridge/types.js';

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    pmId: 0,
    name: 'app',
    namespace: 'default',
    status: 'online',
    pid: 1234,
    cpu: 0,
    memory: 50 * 1024 * 1024,
    restarts: 0,
    unstableRestarts: 0,
    startedAt: 0,
    createdAt: 0,
    exitCode: null,
    execMode: 'fork',
    instances: 1,
    instanceId: null,
    script: '/srv/app/dist/index.js',
    cwd: '/srv/app',
    interpreter: 'node',
    nodeVersion: '20.20.0',
    version: null,
    maxMemoryRestart: null,
    outLogPath: null,
    errLogPath: null,
    autorestart: true,
    watch: false,
    port: null,
    env: [],
    metrics: [],
    actions: [],
    portCheck: null,
    diagnostics: [],
    ...overrides,
  };
}

export function env(values: Record<string, string>): EnvEntry[] {
  return Object.entries(values).map(([key, value]) =>
    /TOKEN|KEY|SECRET/.test(key) && value !== '' ? { key, value: '••••', masked: true } : { key, value, masked: false });
}

export function portCheck(overrides: Partial<PortCheck> = {}): PortCheck {
  return {
    port: 3001,
    checkedAt: 0,
    listening: true,
    connectMs: 1,
    health: 'ok',
    healthMs: 1,
    healthDetail: null,
    upstreamConfigured: null,
    conflict: null,
    ...overrides,
  };
}

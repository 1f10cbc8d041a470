import { describe, expect, it } from 'vitest';
import { pm2CommandBuilder } from '../../../src/pm2-bridge/diagnostics/commands.js';
import { SERVICE_REQUIREMENTS } from '../../../src/pm2-bridge/diagnostics/requirements.js';
import {
  checkConfig,
  checkLogs,
  checkMemory,
  checkPort,
  checkRestarts,
  checkScript,
  checkService,
  type ServiceCheckContext,
  type ServiceFacts,
} from '../../../src/pm2-bridge/diagnostics/service-checks.js';
import { env, makeService, portCheck } from './service-fixture.js';

const NOW = 1_000_000_000;
const ctx: ServiceCheckContext = {
  now: NOW,
  pm2: pm2CommandBuilder('/home/u/.pm2', '/home/u/.pm2'),
  requirements: SERVICE_REQUIREMENTS,
  logSizeLimitBytes: 10 * 1024 * 1024,
  logrotateInstalled: false,
  restartWindowMs: 600_000,
  maxRestartsInWindow: 5,
  portGraceMs: 10_000,
  memoryWarnRatio: 0.8,
};
const healthy: ServiceFacts = {
  scriptExists: true,
  buildProjectDir: null,
  logFiles: [],
  memoryRestarts: 0,
  recentRestarts: 0,
  lastErrorLines: [],
};
const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

describe('checkScript', () => {
  it('says "not built" with npm run build in the project when a dist/ script is missing', () => {
    const [finding] = checkScript(makeService(), { ...healthy, scriptExists: false, buildProjectDir: '/srv/app' }, ctx);
    expect(finding).toMatchObject({ code: 'script-not-built', severity: 'error', fix: 'cd /srv/app && npm run build && pm2 restart app' });
  });
  it('says "missing" with a translated step when the script is not a build output', () => {
    const service = makeService({ script: '/srv/app/server.js' });
    const [finding] = checkScript(service, { ...healthy, scriptExists: false, buildProjectDir: '/srv/app' }, ctx);
    expect(finding).toMatchObject({ code: 'script-missing', fix: 'hint:script-path' });
    expect(finding?.params.recreate).toBe('pm2 delete app && pm2 start ecosystem.config.js --only app');
  });
  it('finds nothing when the script exists or could not be checked', () => {
    expect(checkScript(makeService(), healthy, ctx)).toEqual([]);
    expect(checkScript(makeService(), { ...healthy, scriptExists: null }, ctx)).toEqual([]);
  });
});

describe('checkConfig', () => {
  it('names the missing NOTION_TOKEN, never a value', () => {
    const [finding] = checkConfig(makeService({ name: 'notion-mcp', env: env({ PORT: '3001' }) }), ctx);
    expect(finding).toMatchObject({ code: 'config-missing', params: { missing: 'NOTION_TOKEN', source: 'env' } });
    expect(finding?.params.restart).toBe('pm2 restart notion-mcp');
    expect(finding?.params.envFile).toBe('~/.config/gakuco-monit/mcp.env');
  });
  it('with an env file (MCP_ENV_FILE) trusts only /health: the secrets are in the file, not the PM2 env', () => {
    const fromFile = (overrides = {}) =>
      makeService({ name: 'notion-mcp', env: env({ MCP_ENV_FILE: '/srv/mcp.env', HOST: '0.0.0.0' }), ...overrides });
    expect(checkConfig(fromFile(), ctx)).toEqual([]);
    const [finding] = checkConfig(fromFile({ portCheck: portCheck({ upstreamConfigured: false }) }), ctx);
    expect(finding).toMatchObject({
      code: 'config-missing',
      params: { source: 'health', envFile: '/srv/mcp.env', restart: 'pm2 restart notion-mcp' },
    });
  });
  it('counts an empty value as missing and a masked one as set', () => {
    expect(codes(checkConfig(makeService({ name: 'notion-mcp', env: env({ NOTION_TOKEN: '' }) }), ctx)))
      .toEqual(['config-missing']);
    expect(checkConfig(makeService({ name: 'notion-mcp', env: env({ NOTION_TOKEN: 'secret' }) }), ctx)).toEqual([]);
  });
  it('accepts any complete Google alternative and reports the closest one otherwise', () => {
    const google = (values: Record<string, string>) => makeService({ name: 'google-calendar-mcp', env: env(values) });
    expect(checkConfig(google({ GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }), ctx)).toEqual([]);
    expect(checkConfig(google({ GOOGLE_CLIENT_ID: 'x', GOOGLE_CLIENT_SECRET: 'y', GOOGLE_REFRESH_TOKEN: 'z' }), ctx)).toEqual([]);
    expect(checkConfig(google({ GOOGLE_TOKEN_FILE: '/t' }), ctx)).toEqual([]);
    const [finding] = checkConfig(google({ GOOGLE_CLIENT_ID: 'x' }), ctx);
    expect(finding?.params.missing).toBe('GOOGLE_CLIENT_SECRET, GOOGLE_REFRESH_TOKEN');
    expect(finding?.params.alternatives).toBe('GOOGLE_TOKEN_FILE / GOOGLE_APPLICATION_CREDENTIALS');
  });
  it('prefers what /health says over the env', () => {
    const noEnvButHealthy = makeService({ name: 'notion-mcp', portCheck: portCheck({ upstreamConfigured: true }) });
    expect(checkConfig(noEnvButHealthy, ctx)).toEqual([]);
    const unknownService = makeService({ name: 'other', portCheck: portCheck({ upstreamConfigured: false }) });
    expect(checkConfig(unknownService, ctx)[0]).toMatchObject({ code: 'config-missing', params: { source: 'health', missing: '' } });
  });
  it('asks for MCP_API_KEY only when HOST is not loopback', () => {
    const svc = (values: Record<string, string>) => makeService({ name: 'notion-mcp', env: env({ NOTION_TOKEN: 't', ...values }) });
    expect(checkConfig(svc({}), ctx)).toEqual([]);
    expect(checkConfig(svc({ HOST: '127.0.0.1' }), ctx)).toEqual([]);
    expect(checkConfig(svc({ HOST: 'localhost' }), ctx)).toEqual([]);
    expect(checkConfig(svc({ HOST: '::1' }), ctx)).toEqual([]);
    expect(checkConfig(svc({ HOST: '0.0.0.0', MCP_API_KEY: 'k' }), ctx)).toEqual([]);
    expect(checkConfig(svc({ HOST: '0.0.0.0' }), ctx)[0]).toMatchObject({ code: 'api-key-missing', params: { host: '0.0.0.0' } });
  });
  it('asks nothing of services it has no table entry for', () => {
    expect(checkConfig(makeService({ name: 'worker', env: env({ HOST: '0.0.0.0' }) }), ctx)).toEqual([]);
  });
});

describe('checkPort', () => {
  const withPort = (overrides = {}) => makeService({ port: 3001, pid: 50, startedAt: NOW - 60_000, ...overrides });
  it('names the pid and command holding the port', () => {
    const service = withPort({ portCheck: portCheck({ conflict: { pid: 99, command: 'python3 -m http.server' } }) });
    expect(checkPort(service, ctx)[0]).toMatchObject({
      code: 'port-conflict', params: { port: 3001, pid: 99, command: 'python3 -m http.server' }, fix: 'hint:free-port',
    });
  });
  it('gives a fix that re-reads the ecosystem file (delete + start --only), from its directory', () => {
    const service = withPort({ name: 'notion-mcp', portCheck: portCheck({ conflict: { pid: 99, command: 'nc -l 3001' } }) });
    expect(checkPort(service, ctx, '/srv/gakuco monit')[0]?.params).toMatchObject({
      restart: 'pm2 restart notion-mcp',
      recreate: "cd '/srv/gakuco monit' && pm2 delete notion-mcp && pm2 start ecosystem.config.js --only notion-mcp",
    });
    const npx = { ...ctx, pm2: pm2CommandBuilder('/home/u/.pm2', '/home/u/.pm2', 'npx pm2') };
    expect(checkPort(service, npx)[0]?.params.recreate).toBe('npx pm2 delete notion-mcp && npx pm2 start ecosystem.config.js --only notion-mcp');
  });
  it('reports an online service not listening, after the grace period only', () => {
    const closed = portCheck({ listening: false });
    expect(codes(checkPort(withPort({ portCheck: closed }), ctx))).toEqual(['port-not-listening']);
    expect(checkPort(withPort({ portCheck: closed, startedAt: NOW - 2_000 }), ctx)).toEqual([]);
    expect(checkPort(withPort({ portCheck: closed, status: 'stopped' }), ctx)).toEqual([]);
    expect(checkPort(withPort({ portCheck: portCheck({ listening: null }) }), ctx)).toEqual([]);
  });
  it('finds nothing for a healthy port or a service without one', () => {
    expect(checkPort(withPort({ portCheck: portCheck() }), ctx)).toEqual([]);
    expect(checkPort(makeService(), ctx)).toEqual([]);
  });
});

describe('checkMemory', () => {
  const mb = 1024 * 1024;
  it('warns above 80% of max_memory_restart, not at or below it', () => {
    expect(checkMemory(makeService({ maxMemoryRestart: 200 * mb, memory: 170 * mb }), healthy, ctx)[0])
      .toMatchObject({ code: 'memory-high', params: { percent: 85 } });
    expect(checkMemory(makeService({ maxMemoryRestart: 200 * mb, memory: 160 * mb }), healthy, ctx)).toEqual([]);
    expect(checkMemory(makeService({ memory: 900 * mb }), healthy, ctx)).toEqual([]);
  });
  it('reports restarts pm2 forced for memory', () => {
    const [finding] = checkMemory(makeService({ maxMemoryRestart: 200 * mb }), { ...healthy, memoryRestarts: 3 }, ctx);
    expect(finding).toMatchObject({ code: 'memory-restarts', params: { count: 3 } });
  });
});

describe('checkRestarts', () => {
  it('reports unstable restarts with the last error lines', () => {
    const service = makeService({ status: 'errored', unstableRestarts: 15, restarts: 15 });
    const [finding] = checkRestarts(service, { ...healthy, lastErrorLines: ['Error: boom', 'at main'] }, ctx);
    expect(finding).toMatchObject({
      code: 'restart-loop', fix: 'pm2 logs app --err --lines 50', params: { lastErrors: 'Error: boom\nat main', unstable: 15 },
    });
  });
  it('reports an errored service PM2 gave up restarting (its unstable count is back to 0)', () => {
    expect(codes(checkRestarts(makeService({ status: 'errored', restarts: 16 }), healthy, ctx))).toEqual(['restart-loop']);
    expect(checkRestarts(makeService({ status: 'errored', restarts: 0 }), healthy, ctx)).toEqual([]);
  });
  it('reports more than N restarts in the window, and not N', () => {
    expect(codes(checkRestarts(makeService(), { ...healthy, recentRestarts: 6 }, ctx))).toEqual(['restart-loop']);
    expect(checkRestarts(makeService({ restarts: 40 }), { ...healthy, recentRestarts: 5 }, ctx)).toEqual([]);
  });
});

describe('checkLogs', () => {
  const big = { path: '/l/app-out.log', bytes: 11 * 1024 * 1024 };
  const small = { path: '/l/app-error.log', bytes: 1024 };
  it('reports files over the limit, with pm2-logrotate as the fix when it is missing', () => {
    const findings = checkLogs(makeService(), { ...healthy, logFiles: [big, small] }, ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'log-too-large', params: { file: big.path, logrotate: 'missing' }, fix: 'pm2 install pm2-logrotate' });
  });
  it('suggests a flush when pm2-logrotate is there', () => {
    const [finding] = checkLogs(makeService(), { ...healthy, logFiles: [big] }, { ...ctx, logrotateInstalled: true });
    expect(finding?.fix).toBe('pm2 flush app');
  });
});

describe('checkService', () => {
  it('finds nothing for a healthy, configured service', () => {
    const service = makeService({
      name: 'notion-mcp', port: 3001, env: env({ NOTION_TOKEN: 't', PORT: '3001' }),
      portCheck: portCheck({ upstreamConfigured: true }), maxMemoryRestart: 200 * 1024 * 1024,
    });
    expect(checkService(service, { ...healthy, logFiles: [{ path: '/l', bytes: 5 }] }, ctx)).toEqual([]);
  });
  it('names another PM2 home in its fix commands', () => {
    const other = { ...ctx, pm2: pm2CommandBuilder('/tmp/x home', '/home/u/.pm2') };
    expect(checkRestarts(makeService({ unstableRestarts: 1 }), healthy, other)[0]?.fix)
      .toBe("PM2_HOME='/tmp/x home' pm2 logs app --err --lines 50");
  });
});

// Per-service findings against a real PM2 daemon in a private home: each fault set up for real, and a healthy
// service beside it that must stay free of that finding.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../../helpers/pm2-home.js';
import { cleanEnv, codesOf, diagnosedSnapshot, finding, FIXTURES, freePort, service, startFromEcosystem } from './support.js';

let home: PrivatePm2Home;
let work: string;
let blocker: Server;
const ports: Record<string, number> = {};

beforeAll(async () => {
  home = cleanEnv(createPrivatePm2Home('gakuco-diag-svc-'));
  work = mkdtempSync(join(tmpdir(), 'gakuco-diag-work-'));
  for (const name of ['healthy', 'google', 'conflict', 'idle', 'notion']) ports[name] = await freePort();

  // The port another process holds: a server of this test process (it hangs up at once, so probes end fast).
  blocker = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => blocker.listen(ports.conflict, '127.0.0.1', resolve));

  // A built project whose dist/ output is removed after start (PM2 refuses to start a missing script).
  const project = join(work, 'project');
  mkdirSync(join(project, 'dist'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', scripts: { build: 'true' } }));
  copyFileSync(join(FIXTURES, 'idle.cjs'), join(project, 'dist', 'index.cjs'));

  // An out_file already over the seed's 10 MB rotation size.
  const bigLog = join(work, 'big-out.log');
  writeFileSync(bigLog, Buffer.alloc(10 * 1024 * 1024 + 4096, 'y'));

  await startFromEcosystem(home, [
    { name: 'healthy', script: 'service.cjs', max_memory_restart: '1G', env: { PORT: ports.healthy } },
    { name: 'notion-mcp', script: 'service.cjs', env: { PORT: ports.notion, FIXTURE_REQUIRES: 'NOTION_TOKEN' } },
    { name: 'google-calendar-mcp', script: 'service.cjs', env: { PORT: ports.google } },
    { name: 'conflicted', script: 'service.cjs', env: { PORT: ports.conflict } },
    { name: 'silent', script: 'idle.cjs', env: { PORT: ports.idle } },
    { name: 'unbuilt', script: join(project, 'dist', 'index.cjs') },
    { name: 'chatty', script: 'idle.cjs', out_file: bigLog },
  ]);
  rmSync(join(project, 'dist'), { recursive: true });
  await waitFor(async () => {
    const snapshot = await diagnosedSnapshot(home);
    return ['healthy', 'notion-mcp', 'google-calendar-mcp'].every((n) => service(snapshot, n).portCheck?.listening);
  }, 'the HTTP fixtures to listen', 15_000, 200);
}, 60_000);

afterAll(async () => {
  await home?.cleanup();
  await new Promise((resolve) => blocker?.close(resolve));
  rmSync(work, { recursive: true, force: true });
}, 30_000);

describe('per-service diagnostics (real PM2)', () => {
  it('finds nothing wrong with a healthy service', async () => {
    const snapshot = await diagnosedSnapshot(home, { portGraceMs: 0 });
    expect(service(snapshot, 'healthy').status).toBe('online');
    expect(codesOf(snapshot, 'healthy')).toEqual([]);
  });

  it('script-not-built: a dist/ script that is gone, with npm run build in its project', async () => {
    const snapshot = await diagnosedSnapshot(home);
    expect(finding(snapshot, 'unbuilt', 'script-not-built')).toMatchObject({
      severity: 'error', fix: `cd ${join(work, 'project')} && npm run build && PM2_HOME=${home.home} pm2 restart unbuilt`,
    });
    expect(codesOf(snapshot, 'silent')).not.toContain('script-not-built');
  });

  it('config-missing: notion-mcp without NOTION_TOKEN, gone once it is set (names only, never values)', async () => {
    let snapshot = await diagnosedSnapshot(home);
    expect(finding(snapshot, 'notion-mcp', 'config-missing')?.params).toMatchObject({ missing: 'NOTION_TOKEN' });

    const secret = 'secret-notion-value-123';
    const restarted = await home.pm2(['restart', 'notion-mcp', '--update-env'], { env: { NOTION_TOKEN: secret } });
    expect(restarted.code).toBe(0);
    snapshot = await waitFor(async () => {
      const s = await diagnosedSnapshot(home);
      return service(s, 'notion-mcp').portCheck?.upstreamConfigured === true ? s : null;
    }, 'notion-mcp to report itself configured', 10_000, 200);
    expect(codesOf(snapshot, 'notion-mcp')).not.toContain('config-missing');
    expect(JSON.stringify(snapshot.services.map((s) => s.diagnostics))).not.toContain(secret);
  });

  it('config: /health saying "configured" wins over env names it does not see', async () => {
    const snapshot = await diagnosedSnapshot(home);
    // google-calendar-mcp has none of the Google env names, but its /health says configured (a token file, say).
    expect(service(snapshot, 'google-calendar-mcp').portCheck?.upstreamConfigured).toBe(true);
    expect(codesOf(snapshot, 'google-calendar-mcp')).not.toContain('config-missing');
  });

  it('port-conflict: names the pid and command holding the port', async () => {
    const snapshot = await waitFor(async () => {
      const s = await diagnosedSnapshot(home);
      return finding(s, 'conflicted', 'port-conflict') ? s : null;
    }, 'a port-conflict finding', 10_000, 200);
    const params = finding(snapshot, 'conflicted', 'port-conflict')?.params;
    expect(params).toMatchObject({ port: ports.conflict, pid: process.pid });
    expect(String(params?.command)).toMatch(/node|vitest/);
    expect(codesOf(snapshot, 'healthy')).not.toContain('port-conflict');
  });

  it('port-not-listening: online, PORT set, nothing listening', async () => {
    const snapshot = await diagnosedSnapshot(home, { portGraceMs: 0 });
    expect(service(snapshot, 'silent').status).toBe('online');
    expect(finding(snapshot, 'silent', 'port-not-listening')).toMatchObject({
      params: { port: ports.idle }, fix: 'PM2_HOME=' + home.home + ' pm2 logs silent --err --lines 50',
    });
    // The default grace period keeps a just-started service out of it.
    const early = await diagnosedSnapshot(home, { portGraceMs: 3_600_000 });
    expect(codesOf(early, 'silent')).not.toContain('port-not-listening');
    expect(codesOf(snapshot, 'healthy')).not.toContain('port-not-listening');
  });

  it('log-too-large: an out_file over 10 MB, pm2-logrotate missing', async () => {
    const snapshot = await diagnosedSnapshot(home);
    const big = finding(snapshot, 'chatty', 'log-too-large');
    expect(big?.params).toMatchObject({ file: join(work, 'big-out.log'), logrotate: 'missing', limit: 10 * 1024 * 1024 });
    expect(Number(big?.params.bytes)).toBeGreaterThan(10 * 1024 * 1024);
    expect(big?.fix).toContain('pm2 install pm2-logrotate');
    expect(codesOf(snapshot, 'healthy')).not.toContain('log-too-large');
  });

  it('memory-high: above 80% of max_memory_restart, not with room to spare', async () => {
    const snapshot = await diagnosedSnapshot(home);
    const healthy = service(snapshot, 'healthy');
    expect(healthy.memory).toBeGreaterThan(0);
    // The same service judged against a limit just above its real memory use.
    const tight = { ...healthy, maxMemoryRestart: Math.round(healthy.memory / 0.9) };
    const { createDiagnosticsProvider } = await import('../../../src/pm2-bridge/diagnostics/index.js');
    const report = await createDiagnosticsProvider({ startupDirs: [], pm2Program: 'pm2' }).diagnose([tight], home.home);
    expect(report.services.get(healthy.pmId)?.map((d) => d.code)).toContain('memory-high');
    expect(codesOf(snapshot, 'healthy')).not.toContain('memory-high');
  });
});

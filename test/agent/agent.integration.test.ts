// The agent as deployed: dist/cli.js serve started by PM2 from ecosystem.config.js (GAKUCO_AGENT=1) in a private
// PM2 home, scraped by a real Prometheus with the agent's API key, alerting real local webhook receivers (one of
// which never answers); then a second agent outside PM2 survives `pm2 kill` and picks up the next daemon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { prometheusMissing, promtool, startPrometheus, type PrometheusServer } from '../helpers/prometheus.js';
import { PROJECT_ROOT } from '../servers/shared/built-entry.js';
import { builtCli } from './built-cli.js';
import type { HistoryExport } from '../../src/pm2-bridge/types.js';
import { createAgentHistoryFeed } from '../../src/agent/history-feed.js';
import { HistoryStore } from '../../src/pm2-bridge/insights/history-store.js';
import { createBridge } from '../../src/pm2-bridge/index.js';

const skip = prometheusMissing('test/agent/agent.integration.test.ts');
const fixture = (name: string): string => join(PROJECT_ROOT, 'test', 'fixtures', 'apps', name);
const apiKey = randomBytes(24).toString('hex');
const appSecret = `tok_live_${randomBytes(16).toString('hex')}`;

interface Received {
  path: string;
  body: string;
  at: number;
}

let home: PrivatePm2Home;
let dir: string;
let receiver: Server;
const received: Received[] = [];
let hungRequests = 0;
let receiverUrl = '';
let agentPort = 0;
let webPort = 0;
let prometheus: PrometheusServer | null = null;
let outside: ChildProcess | null = null;

async function get(port: number, path: string, key: string | null = apiKey): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, text: await res.text() };
}

const notices = (path: string): Record<string, unknown>[] =>
  received.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

beforeAll(async () => {
  if (skip) return;
  builtCli();
  home = createPrivatePm2Home('gakuco-pm2-agent-');
  dir = mkdtempSync(join(tmpdir(), 'gakuco-agent-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/hang') {
        hungRequests += 1;
        return; // never answers
      }
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  agentPort = await freePort();
  webPort = await freePort();
  const keyFile = join(dir, 'agent.key');
  writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 });
  const config = {
    evaluateInterval: '500ms',
    listen: { apiKeyFile: keyFile },
    rules: { 'crash-loop': { restarts: 2, window: '6s' } },
    receivers: [
      { name: 'stuck', type: 'webhook', url: `${receiverUrl}/hang` },
      { name: 'hook', type: 'webhook', url: `${receiverUrl}/hook` },
      { name: 'slack', type: 'slack', url: `${receiverUrl}/slack` },
      { name: 'discord', type: 'discord', url: `${receiverUrl}/discord` },
    ],
    notify: { timeout: '1s', retries: 1, backoff: '200ms' },
  };
  writeFileSync(join(dir, 'agent.json'), JSON.stringify(config), { mode: 0o600 });

  const web = await home.pm2(['start', fixture('http-server.cjs'), '--name', 'web'], { env: { PORT: String(webPort), API_TOKEN: appSecret } });
  expect(web.code, web.stderr).toBe(0);
  const started = await home.pm2(['start', join(PROJECT_ROOT, 'ecosystem.config.js'), '--only', 'gakuco-monit-agent'], {
    cwd: dir,
    env: { GAKUCO_AGENT: '1', GAKUCO_AGENT_PORT: String(agentPort), GAKUCO_AGENT_CONFIG: join(dir, 'agent.json'), MCP_LOG_DIR: join(dir, 'logs') },
  });
  expect(started.code, started.stderr).toBe(0);
  await waitFor(async () => (await get(agentPort, '/metrics')).text.includes(`name="web"`), 'the agent lists web', 20_000, 200);
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  if (outside && outside.exitCode === null) outside.kill('SIGKILL');
  await home?.cleanup();
  receiver?.closeAllConnections();
  receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skip)('gakuco-monit serve under a real PM2 daemon', () => {
  it('runs as the ecosystem app and refuses requests without its key or with a foreign Host', async () => {
    const list = JSON.parse((await home.pm2(['jlist'])).stdout) as { name: string; pm2_env: { status: string } }[];
    expect(list.find((p) => p.name === 'gakuco-monit-agent')?.pm2_env.status).toBe('online');
    expect((await get(agentPort, '/metrics', null)).status).toBe(401);
    expect((await get(agentPort, '/metrics', 'wrong')).status).toBe(401);
    const foreign = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: agentPort, path: '/metrics', headers: { host: 'evil.example', authorization: `Bearer ${apiKey}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(foreign).toBe(403);
    expect(JSON.parse((await get(agentPort, '/health')).text)).toMatchObject({ status: 'ok', daemon: 'connected' });
  });

  it('serves /metrics that promtool accepts, with the pm2-metrics names and labels', async () => {
    const { text } = await waitFor(async () => {
      const r = await get(agentPort, '/metrics');
      // tx2 reports the app's metrics a moment after it starts: wait for them too.
      const ready = /gakuco_port_up\{id="\d+",name="web",port="\d+"\} 1/.test(r.text) && /^pm2_queue_depth\{/m.test(r.text);
      return ready ? r : null;
    }, 'port check and custom metric of web in /metrics', 15_000, 200);
    expect(text).toMatch(/^pm2_up\{id="\d+",name="web",instance="0",version="0\.1\.0",interpreter="\/usr\/bin\/node",node_version="[\d.]+"\} 1$/m);
    expect(text).toMatch(/^pm2_queue_depth\{id="\d+",name="web",.*\} 3$/m);
    expect(text).toMatch(/^pm2_memory\{[^}]*name="gakuco-monit-agent"[^}]*\} \d+/m);
    expect(text).toMatch(/^gakuco_pm2_daemon_up 1$/m);
    expect(text).toMatch(/^gakuco_exceptions\{id="\d+",name="web"\} 0$/m);
    expect(text).toMatch(/^gakuco_health_status\{id="\d+",name="web",port="\d+",status="ok"\} 1$/m);
    expect(text).not.toContain(appSecret);
    const check = promtool(['check', 'metrics'], text);
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  it('counts the diagnostics findings by code (a fresh PM2 home was never saved)', async () => {
    const text = await waitFor(async () => {
      const t = (await get(agentPort, '/metrics')).text;
      return /^gakuco_findings\{code="dump-missing",severity="warning"\} 1$/m.test(t) ? t : null;
    }, 'the dump-missing finding in /metrics', 40_000, 500);
    expect(text).toMatch(/^# TYPE gakuco_findings gauge$/m);
  }, 45_000);

  it('ships rules and a scrape example that promtool accepts', () => {
    const rules = promtool(['check', 'rules', join(PROJECT_ROOT, 'deploy', 'prometheus', 'gakuco-monit-rules.yml')]);
    expect(rules.output).toContain('SUCCESS: 8 rules found');
    expect(rules.code).toBe(0);
    expect(promtool(['check', 'config', join(PROJECT_ROOT, 'deploy', 'prometheus', 'prometheus.yml')]).code).toBe(0);
  });

  it('hands its history over in the shape the monitor imports (HistoryExport)', async () => {
    const history = await waitFor(async () => {
      const h = JSON.parse((await get(agentPort, '/history')).text) as HistoryExport;
      const web = h.services.find((s) => s.name === 'web');
      return web && (web.series.memory?.length ?? 0) >= 2 ? h : null;
    }, 'two memory samples of web in /history', 20_000, 500);
    expect(history).toMatchObject({ version: 1, intervalMs: 2000 });
    const web = history.services.find((s) => s.name === 'web')!;
    expect(web.series.memory!.every((p) => p.value > 1_000_000 && p.at > Date.now() - 60_000)).toBe(true);
    expect(web.series.cpu!.length).toBeGreaterThanOrEqual(2);
    // A monitor started now merges it under its own first sample.
    const fed = await createAgentHistoryFeed({ url: `http://127.0.0.1:${agentPort}`, apiKey }).fetchHistory();
    const store = new HistoryStore({ intervalMs: 1000 });
    store.record({ pmId: web.pmId, name: 'web' }, Date.now() + 1000, { memory: 1 });
    store.importHistory(fed!);
    const merged = store.historyOf({ pmId: web.pmId, name: 'web' }).series.memory!;
    expect(merged.length).toBeGreaterThanOrEqual(3);
    expect(merged[0]!.at).toBeLessThan(Date.now());
    expect(await createAgentHistoryFeed({ url: `http://127.0.0.1:${agentPort}` }).fetchHistory()).toBeNull(); // no key
    // The monitor's bridge, given the feed as run-monitor gives it, holds the agent's samples from before it started.
    const startedAt = Date.now();
    const bridge = createBridge({ pm2Home: home.home, historyFeed: createAgentHistoryFeed({ url: `http://127.0.0.1:${agentPort}`, apiKey }) });
    try {
      await waitFor(() => ((bridge.historyOf({ pmId: web.pmId, name: 'web' }).series.memory ?? []).some((p) => p.at < startedAt) ? true : null), 'the agent history in the monitor', 10_000, 100);
    } finally {
      await bridge.close();
    }
  });

  it('is scraped by a real Prometheus, whose query API returns the series', async () => {
    const keyFile = join(dir, 'agent.key');
    prometheus = await startPrometheus([`127.0.0.1:${agentPort}`], { keyFile });
    const up = await waitFor(async () => {
      const result = await prometheus!.query('pm2_up{name="web"}');
      return result.length === 1 ? result[0] : null;
    }, 'pm2_up{name="web"} in Prometheus', 20_000, 250);
    expect(up.value[1]).toBe('1');
    // The target's own `instance` label wins; pm2-metrics' instance becomes exported_instance, as with pm2-metrics.
    expect(up.metric).toMatchObject({ job: 'gakuco-monit', instance: `127.0.0.1:${agentPort}`, exported_instance: '0', name: 'web', version: '0.1.0' });
    expect(up.metric.interpreter).toMatch(/node$/);
    expect(Object.keys(up.metric).sort()).toEqual(['__name__', 'exported_instance', 'id', 'instance', 'interpreter', 'job', 'name', 'node_version', 'version']);
    const depth = await waitFor(async () => (await prometheus!.query('pm2_queue_depth{name="web"}'))[0], 'pm2_queue_depth');
    expect(depth.value[1]).toBe('3');
    const port = await waitFor(async () => (await prometheus!.query('gakuco_port_up{name="web"}'))[0], 'gakuco_port_up');
    expect(port.metric.port).toBe(String(webPort));
    const targetUp = await waitFor(async () => (await prometheus!.query('up{job="gakuco-monit"}'))[0], 'up');
    expect(targetUp.value[1]).toBe('1');
  });

  it('sends one firing and one resolved notice for a crash loop to each receiver, a hung one delaying none', async () => {
    // Throws an uncaught error 150 ms after each start: a crash loop, and exceptions on PM2's bus.
    const crasher = await home.pm2(['start', join(PROJECT_ROOT, 'test', 'fixtures', 'plus', 'thrower.cjs'), '--name', 'crasher'], {
      env: { API_TOKEN: appSecret, THROW_AFTER_MS: '150' },
    });
    expect(crasher.code, crasher.stderr).toBe(0);
    const isCrashLoop = (n: Record<string, unknown>): boolean => n.alert === 'crash-loop' && (n.service as { name: string } | null)?.name === 'crasher';
    await waitFor(() => notices('/hook').some((n) => isCrashLoop(n) && n.status === 'firing'), 'firing crash-loop notice', 20_000, 100);
    // The agent answers while its stuck receiver holds a connection open.
    expect(hungRequests).toBeGreaterThanOrEqual(1);
    expect((await get(agentPort, '/health')).status).toBe(200);
    // Once stopped it restarts no more: the window (6 s) passes and the alert resolves.
    expect((await home.pm2(['stop', 'crasher'])).code).toBe(0);
    await waitFor(() => notices('/hook').some((n) => isCrashLoop(n) && n.status === 'resolved'), 'resolved crash-loop notice', 30_000, 200);
    await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would arrive by now
    const loop = notices('/hook').filter(isCrashLoop);
    expect(loop.map((n) => n.status)).toEqual(['firing', 'resolved']);
    expect(loop[0]).toMatchObject({ source: 'gakuco-monit', severity: 'critical', key: expect.stringContaining('crash-loop/'), endsAt: null });
    expect(loop[1]!.startsAt).toBe(loop[0]!.startsAt);
    const chat = (path: string, field: string): string[] =>
      notices(path).map((n) => String(n[field])).filter((text) => /crash loop/.test(text) && text.includes('crasher'));
    expect(chat('/slack', 'text')).toEqual([expect.stringMatching(/^\[FIRING\]|^\[発生\]/), expect.stringMatching(/^\[RESOLVED\]|^\[解消\]/)]);
    expect(chat('/discord', 'content')).toHaveLength(2);
    const everything = received.map((r) => r.body).join('\n');
    expect(everything).not.toContain(appSecret);
    expect(everything).not.toContain(apiKey);
    const log = readFileSync(join(dir, 'logs', 'gakuco-monit-agent-out.log'), 'utf8');
    expect(log).toMatch(/-> stuck: failed \(2 attempts, last: timeout after 1000 ms\)/);
    expect(log).not.toContain(receiverUrl);
    expect(notices('/hook').filter((n) => n.alert === 'new-exception' && (n.service as { name: string }).name === 'crasher')[0]).toMatchObject({ status: 'firing' });
    const alerts = JSON.parse((await get(agentPort, '/alerts')).text) as { transitions: { kind: string; alert: string; name: string }[] };
    expect(alerts.transitions.filter((a) => a.alert === 'crash-loop' && a.name === 'crasher').map((a) => a.kind)).toEqual(['firing', 'resolved']);
  }, 60_000);

  it('an agent outside PM2 survives `pm2 kill` and picks up the next daemon', async () => {
    const port = await freePort();
    outside = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'cli.js'), 'serve', '--port', String(port), '--pm2-home', home.home], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' },
      stdio: 'ignore',
    });
    await waitFor(async () => (await get(port, '/metrics', null)).text.includes('name="web"'), 'outside agent lists web', 20_000, 200);
    const killed = await home.pm2(['kill']);
    expect(killed.code).toBe(0);
    const down = await waitFor(async () => {
      const health = JSON.parse((await get(port, '/health', null)).text) as { daemon: string; status: string };
      return health.daemon === 'no-daemon' ? health : null;
    }, 'the agent sees no daemon', 15_000, 200);
    expect(down.status).toBe('degraded');
    expect((await get(port, '/metrics', null)).text).toMatch(/^gakuco_pm2_daemon_up 0$/m);
    const again = await home.pm2(['start', fixture('http-server.cjs'), '--name', 'web-again'], { env: { PORT: String(webPort) } });
    expect(again.code, again.stderr).toBe(0);
    await waitFor(async () => /^pm2_up\{[^}]*name="web-again"[^}]*\} 1$/m.test((await get(port, '/metrics', null)).text), 'the next daemon', 20_000, 200);
    expect(outside.exitCode).toBeNull();
  }, 60_000);
});

// The servers as deployed, for tests that need a real PM2 daemon: the built dist entries started from
// ecosystem.config.js (`--env test`) in a private PM2_HOME, credentials in a 0600 env file, upstreams pointed at the
// local fakes, and MCP SDK clients over HTTP. One daemon per test file; cleanup() ends it (by pid) and the fakes.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../../helpers/pm2-home.js';
import { freePort } from '../../helpers/free-port.js';
import { SEED, startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  startFakeCalendarApi,
  type FakeCalendarApi,
} from '../../fakes/google-calendar-api.js';
import { rawRequest } from '../shared/raw-http.js';
import { builtServerEntry, PROJECT_ROOT } from '../shared/built-entry.js';

export const ECOSYSTEM = join(PROJECT_ROOT, 'ecosystem.config.js');

export interface Pm2Proc {
  name: string;
  pid: number;
  pm_id: number;
  pm2_env: { status: string; restart_time: number; exec_mode?: string; axm_monitor?: Record<string, { value: unknown }> };
}

export interface Deployment {
  home: PrivatePm2Home;
  apiKey: string;
  ports: { notion: number; gcal: number };
  logDir: string;
  notion: FakeNotion;
  calendar: FakeCalendarApi;
  /** The environment `pm2 start` runs with (no secret: those are in the env file). */
  startEnv: NodeJS.ProcessEnv;
  jlist(): Promise<Pm2Proc[]>;
  health(port: number): Promise<Record<string, unknown> | null>;
  /** Waits until every process of `name` is online and its port answers /health. */
  waitOnline(name: string, port: number): Promise<Pm2Proc[]>;
  connect(port: number): Promise<Client>;
  cleanup(): Promise<void>;
}

export async function createDeployment(prefix: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Deployment> {
  builtServerEntry('notion');
  const home = createPrivatePm2Home(prefix);
  const logDir = join(home.home, 'logs');
  const secrets = mkdtempSync(join(tmpdir(), 'gakuco-secrets-'));
  const notion = await startFakeNotion();
  const calendar = await startFakeCalendarApi();
  const apiKey = randomBytes(24).toString('hex');
  const envFile = join(secrets, 'mcp.env');
  writeFileSync(
    envFile,
    [
      `MCP_API_KEY=${apiKey}`,
      `NOTION_TOKEN=${SEED.token}`,
      `GOOGLE_CLIENT_ID=${FAKE_CLIENT_ID}`,
      `GOOGLE_CLIENT_SECRET=${FAKE_CLIENT_SECRET}`,
      `GOOGLE_REFRESH_TOKEN=${FAKE_REFRESH_TOKEN}`,
      `GOOGLE_TOKEN_FILE=${join(secrets, 'no-token.json')}`,
      'GCAL_TIME_ZONE=Asia/Tokyo',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chmodSync(envFile, 0o600);
  const ports = { notion: await freePort(), gcal: await freePort() };
  const startEnv: NodeJS.ProcessEnv = {
    NOTION_MCP_PORT: String(ports.notion),
    GCAL_MCP_PORT: String(ports.gcal),
    MCP_LOG_DIR: logDir,
    MCP_ENV_FILE: envFile,
    NOTION_BASE_URL: notion.url,
    NOTION_TIMEOUT_MS: '5000',
    GOOGLE_API_ROOT_URL: calendar.rootUrl,
    GOOGLE_OAUTH_TOKEN_URL: calendar.tokenUrl,
    ...extraEnv,
  };

  const jlist = async (): Promise<Pm2Proc[]> => JSON.parse((await home.pm2(['jlist'])).stdout) as Pm2Proc[];
  const health = async (port: number): Promise<Record<string, unknown> | null> => {
    try {
      const res = await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path: '/health' });
      return res.status === 200 ? (res.json as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const waitOnline = async (name: string, port: number): Promise<Pm2Proc[]> => {
    const procs = await waitFor(async () => {
      const mine = (await jlist()).filter((p) => p.name === name);
      return mine.length > 0 && mine.every((p) => p.pm2_env.status === 'online' && p.pid > 0) ? mine : null;
    }, `${name} online`, 20_000);
    await waitFor(() => health(port), `${name} /health`, 20_000);
    return procs;
  };
  const clients: Client[] = [];
  const connect = async (port: number): Promise<Client> => {
    const client = new Client({ name: 'deployed-test', version: '0' });
    // Errors of the background GET stream (while a server restarts) are not call failures.
    client.onerror = () => {};
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
        requestInit: { headers: { 'x-api-key': apiKey } },
      }),
    );
    clients.push(client);
    return client;
  };
  const cleanup = async (): Promise<void> => {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
    await home.cleanup();
    await Promise.all([notion.close(), calendar.close()]);
    rmSync(secrets, { recursive: true, force: true });
  };
  return { home, apiKey, ports, logDir, notion, calendar, startEnv, jlist, health, waitOnline, connect, cleanup };
}

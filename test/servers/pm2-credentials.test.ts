// Credentials as operators set them: one env file (chmod 600) that each built server reads itself at start, under a
// real PM2 daemon (private PM2_HOME), apps started from ecosystem.config.js. No secret reaches `pm2 env` (neither
// app's, and a secret exported in the shell is dropped), `pm2 save` writes none to dump.pm2, each server takes only
// its own names, a plain `pm2 restart <app>` applies a changed file, and a file other users can read is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { freePort } from '../helpers/free-port.js';
import { SEED, startFakeNotion, type FakeNotion } from '../fakes/notion-api.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  startFakeCalendarApi,
  type FakeCalendarApi,
} from '../fakes/google-calendar-api.js';
import { rawRequest } from './shared/raw-http.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ecosystem = join(root, 'ecosystem.config.js');
const NOTION_KEY = 'notion-side-api-key-0123456789abcdef';
const GCAL_KEY = 'calendar-side-api-key-0123456789abcdef';
const WRONG_TOKEN = 'secret_revoked_token_9876543210';
const SHELL_TOKEN = 'secret_exported_in_the_shell_5555';

let home: PrivatePm2Home;
let dir: string;
let envFile: string;
let notionApi: FakeNotion;
let calendarApi: FakeCalendarApi;
const ports = { notion: 0, gcal: 0 };
const secrets = [NOTION_KEY, GCAL_KEY, WRONG_TOKEN, SHELL_TOKEN, SEED.token, FAKE_CLIENT_SECRET, FAKE_REFRESH_TOKEN];

function writeEnvFile(notionToken: string): void {
  writeFileSync(
    envFile,
    [
      `NOTION_TOKEN=${notionToken}`,
      `NOTION_MCP_API_KEY=${NOTION_KEY}`,
      `GOOGLE_CLIENT_ID=${FAKE_CLIENT_ID}`,
      `GOOGLE_CLIENT_SECRET=${FAKE_CLIENT_SECRET}`,
      `GOOGLE_REFRESH_TOKEN=${FAKE_REFRESH_TOKEN}`,
      `GCAL_MCP_API_KEY=${GCAL_KEY}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

async function connect(port: number, key: string): Promise<Client> {
  const client = new Client({ name: 'pm2-credentials-test', version: '0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
      requestInit: { headers: { 'x-api-key': key } },
    }),
  );
  return client;
}

async function searchNotion(): Promise<CallToolResult> {
  const client = await connect(ports.notion, NOTION_KEY);
  try {
    return (await client.callTool({ name: 'notion_search', arguments: {} })) as CallToolResult;
  } finally {
    await client.close();
  }
}

async function pm2Env(name: string): Promise<string> {
  const list = JSON.parse((await home.pm2(['jlist'])).stdout) as { name: string; pm_id: number }[];
  const id = list.find((p) => p.name === name)!.pm_id;
  const shown = await home.pm2(['env', String(id)]);
  expect(shown.code, shown.stderr).toBe(0);
  return stripVTControlCharacters(shown.stdout);
}

async function upstreamConfigured(port: number): Promise<boolean | null> {
  try {
    const res = await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path: '/health' });
    return (res.json as { upstream?: { configured?: boolean } }).upstream?.configured ?? null;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  if (!['notion', 'google-calendar'].every((s) => existsSync(join(root, `dist/servers/${s}/index.js`)))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  }
  home = createPrivatePm2Home('gakuco-pm2-creds-');
  dir = mkdtempSync(join(tmpdir(), 'gakuco-creds-'));
  envFile = join(dir, 'mcp.env');
  writeEnvFile(WRONG_TOKEN);
  notionApi = await startFakeNotion();
  calendarApi = await startFakeCalendarApi();
  ports.notion = await freePort();
  ports.gcal = await freePort();
  const started = await home.pm2(['start', ecosystem, '--env', 'test'], {
    cwd: dir,
    env: {
      NOTION_MCP_PORT: String(ports.notion),
      GCAL_MCP_PORT: String(ports.gcal),
      MCP_LOG_DIR: join(dir, 'logs'),
      MCP_ENV_FILE: envFile,
      // Upstream addresses are settings, not secrets: they may come from the shell.
      NOTION_BASE_URL: notionApi.url,
      GOOGLE_API_ROOT_URL: calendarApi.rootUrl,
      GOOGLE_OAUTH_TOKEN_URL: calendarApi.tokenUrl,
      GOOGLE_TOKEN_FILE: join(dir, 'no-token.json'),
      // Exported by mistake: ecosystem.config.js must keep it away from both apps.
      NOTION_TOKEN: SHELL_TOKEN,
    },
  });
  expect(started.code, started.stderr).toBe(0);
  expect(started.stderr).toContain(`ignoring NOTION_TOKEN from this shell`);
  await waitFor(() => upstreamConfigured(ports.notion), 'notion-mcp /health');
  await waitFor(() => upstreamConfigured(ports.gcal), 'google-calendar-mcp /health');
}, 60_000);

afterAll(async () => {
  await home?.cleanup();
  await notionApi?.close();
  await calendarApi?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('credentials from the env file under PM2', () => {
  it('each server has its own secrets from the file; no secret is in either app\'s `pm2 env`', async () => {
    expect(await upstreamConfigured(ports.notion)).toBe(true);
    expect(await upstreamConfigured(ports.gcal)).toBe(true);
    for (const name of ['notion-mcp', 'google-calendar-mcp']) {
      const env = await pm2Env(name);
      expect(env).toContain(`MCP_ENV_FILE: ${envFile}`);
      for (const secret of secrets) expect(env, `${name} pm2 env`).not.toContain(secret);
      expect(env).not.toMatch(/NOTION_TOKEN|GOOGLE_CLIENT_SECRET|GOOGLE_REFRESH_TOKEN|MCP_API_KEY/);
    }
    const jlist = (await home.pm2(['jlist'])).stdout;
    for (const secret of secrets) expect(jlist).not.toContain(secret);
  });

  it('each server takes only its own API key', async () => {
    const calendar = await connect(ports.gcal, GCAL_KEY);
    expect((await calendar.listTools()).tools.length).toBeGreaterThan(0);
    await calendar.close();
    const crossed = await rawRequest(`http://127.0.0.1:${ports.notion}`, {
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-api-key': GCAL_KEY },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(crossed.status).toBe(401);
  });

  it('`pm2 save` writes no secret to dump.pm2', async () => {
    const saved = await home.pm2(['save']);
    expect(saved.code, saved.stderr).toBe(0);
    const dump = readFileSync(join(home.home, 'dump.pm2'), 'utf8');
    expect(dump).toContain(envFile);
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  it('a changed token in the env file is applied by a plain `pm2 restart notion-mcp`', async () => {
    const before = await searchNotion();
    expect(before.isError).toBe(true);
    const text = (before.content[0] as { text: string }).text;
    expect(text).toContain('the token is invalid or expired (401)');
    expect(text).toContain(`put NOTION_TOKEN in the env file ${envFile}`);
    expect(text).toContain('`npx pm2 restart notion-mcp`');

    writeEnvFile(SEED.token);
    const restarted = await home.pm2(['restart', 'notion-mcp']);
    expect(restarted.code, restarted.stderr).toBe(0);
    await waitFor(() => upstreamConfigured(ports.notion), 'notion-mcp /health after restart');
    const after = await searchNotion();
    expect(after.isError ?? false).toBe(false);
    expect(notionApi.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SEED.token}`);
  });

  it('refuses an env file other users can read, naming the file and `chmod 600`', async () => {
    chmodSync(envFile, 0o644);
    await home.pm2(['restart', 'notion-mcp']);
    const errorLog = join(dir, 'logs', 'notion-mcp-error.log');
    const refusal = await waitFor(() => {
      const text = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
      return /refusing to read secrets/.test(text) ? text : null;
    }, 'the refusal in the error log');
    expect(refusal).toContain(`notion-mcp: refusing to read secrets from ${envFile}: its mode is 644`);
    expect(refusal).toContain(`chmod 600 ${envFile}`);
    for (const secret of secrets) expect(refusal).not.toContain(secret);

    // Stop the crash-looping app first: a restart racing PM2's own restart of it fails ("pid already exists").
    const stopped = await home.pm2(['stop', 'notion-mcp']);
    expect(stopped.code, stopped.stderr).toBe(0);
    chmodSync(envFile, 0o600);
    const restarted = await home.pm2(['restart', 'notion-mcp']);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(await waitFor(() => upstreamConfigured(ports.notion), 'notion-mcp back after chmod 600')).toBe(true);
  });
});

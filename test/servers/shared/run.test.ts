// runFromEnv as a real process: settings from env, the no-key rules, one warning, start-up line, and a graceful
// exit 0 on SIGINT/SIGTERM with sessions open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { waitFor } from '../../helpers/pm2-home.js';
import { runConfigFromEnv } from '../../../src/servers/shared/run-config.js';
import { bundleEntry } from './build-entry.js';

let entry: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  entry = await bundleEntry(fileURLToPath(new URL('./fixtures/echo-entry.ts', import.meta.url)));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(entry, { force: true });
});

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; ms: number }>;
}

function startEntry(env: Record<string, string>): Started {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...env };
  const child = spawn(process.execPath, [entry], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let signalledAt = 0;
  const kill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    signalledAt = Date.now();
    return kill(signal);
  };
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, ms: signalledAt ? Date.now() - signalledAt : 0 })),
  );
  return { child, out: () => out, err: () => err, exited };
}

async function listeningUrl(started: Started): Promise<string> {
  const match = await waitFor(() => /listening on (http:\/\/\S+)\/mcp/.exec(started.out()), 'the listening line', 10_000);
  return match[1]!;
}

async function connect(url: string, apiKey?: string): Promise<Client> {
  const client = new Client({ name: 'run-test', version: '0' });
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }));
  return client;
}

describe('runConfigFromEnv', () => {
  it('reads the tool-call rate limit: default 10/s burst 40, MCP_RATE_LIMIT=0 turns it off, bad values refuse', () => {
    const config = (env: NodeJS.ProcessEnv) => {
      const result = runConfigFromEnv({ PORT: '1', ...env });
      return result.ok ? result.config.rateLimit : result.message;
    };
    expect(config({})).toEqual({ ratePerSecond: 10, burst: 40 });
    expect(config({ MCP_RATE_LIMIT: '2.5', MCP_RATE_BURST: '5' })).toEqual({ ratePerSecond: 2.5, burst: 5 });
    expect(config({ MCP_RATE_LIMIT: '0' })).toBeNull();
    expect(config({ MCP_RATE_LIMIT: 'fast' })).toBe('MCP_RATE_LIMIT must be a number >= 0, got "fast".');
    expect(config({ MCP_RATE_BURST: '-1' })).toBe('MCP_RATE_BURST must be a number >= 0, got "-1".');
  });

  it('defaults HOST to 127.0.0.1 and warns once without a key', () => {
    const result = runConfigFromEnv({ PORT: '3001' });
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({ host: '127.0.0.1', port: 3001, apiKey: null, allowedHosts: [] }),
    });
    expect(result.ok && result.config.warnings).toEqual([expect.stringMatching(/MCP_API_KEY is not set/)]);
  });

  it('refuses a non-loopback HOST without a key, and accepts it with one', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      const refused = runConfigFromEnv({ HOST: host, PORT: '3001' });
      expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^Refusing to start: HOST is .* MCP_API_KEY/) });
    }
    const keyed = runConfigFromEnv({ HOST: '0.0.0.0', PORT: '3001', MCP_API_KEY: 'k'.repeat(32) });
    expect(keyed.ok && keyed.config.warnings).toEqual([]);
  });

  it('treats an empty key as no key, reads the optional settings and rejects a bad PORT', () => {
    const result = runConfigFromEnv({
      PORT: '0',
      MCP_API_KEY: '  ',
      MCP_ALLOWED_HOSTS: 'mcp.internal, proxy.lan ,',
      MCP_MAX_SESSIONS: '20',
      MCP_SESSION_IDLE_MINUTES: '5',
    });
    expect(result).toMatchObject({
      ok: true,
      config: { port: 0, apiKey: null, allowedHosts: ['mcp.internal', 'proxy.lan'], maxSessions: 20, sessionIdleMs: 300_000 },
    });
    expect(runConfigFromEnv({ PORT: 'http' })).toMatchObject({ ok: false, message: expect.stringMatching(/^PORT must be/) });
    expect(runConfigFromEnv({})).toMatchObject({ ok: false, message: expect.stringMatching(/^PORT is not set/) });
    expect(runConfigFromEnv({}, 3002)).toMatchObject({ ok: true, config: { port: 3002 } });
  });

  it('reads the subscription poll interval in seconds, at least 10', () => {
    expect(runConfigFromEnv({ PORT: '1' })).toMatchObject({ ok: true, config: { subscriptionPollMs: undefined } });
    expect(runConfigFromEnv({ PORT: '1', MCP_SUBSCRIPTION_POLL_S: '15' })).toMatchObject({ ok: true, config: { subscriptionPollMs: 15_000 } });
    expect(runConfigFromEnv({ PORT: '1', MCP_SUBSCRIPTION_POLL_S: '5' })).toEqual({
      ok: false,
      message: 'MCP_SUBSCRIPTION_POLL_S must be at least 10 (seconds), got "5".',
    });
    expect(runConfigFromEnv({ PORT: '1', MCP_SUBSCRIPTION_POLL_S: 'often' })).toMatchObject({ ok: false, message: expect.stringMatching(/^MCP_SUBSCRIPTION_POLL_S must be a number/) });
  });
});

describe('runFromEnv in a real process', () => {
  it('refuses to start on a non-loopback HOST without a key: message and exit code 1', async () => {
    const started = startEntry({ HOST: '0.0.0.0', PORT: '0' });
    const { code } = await started.exited;
    expect(code).toBe(1);
    expect(started.err()).toMatch(/echo-mcp: Refusing to start: HOST is 0\.0\.0\.0/);
    expect(started.out()).not.toMatch(/listening/);
  });

  it('starts on loopback without a key with one warning line, and exits 0 on SIGTERM', async () => {
    const started = startEntry({ PORT: '0' });
    const url = await listeningUrl(started);
    expect(started.out()).toMatch(/echo-mcp 1\.2\.3 listening on http:\/\/127\.0\.0\.1:\d+\/mcp \(no API key\)/);
    expect(started.err().trim().split('\n')).toEqual([expect.stringMatching(/warning: MCP_API_KEY is not set/)]);
    const client = await connect(url);
    expect((await client.listTools()).tools.length).toBe(3);
    started.child.kill('SIGTERM');
    const { code, ms } = await started.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(3_000);
    expect(started.out()).toMatch(/SIGTERM received, shutting down\n[\s\S]*echo upstream closed\necho-mcp: stopped/);
    await client.close();
  });

  it('with a key: requires it, never prints it, and exits 0 on SIGINT with sessions and streams open', async () => {
    const apiKey = 'run-test-key-5f0e1d2c3b4a';
    const started = startEntry({ PORT: '0', MCP_API_KEY: apiKey });
    const url = await listeningUrl(started);
    expect(started.out()).toMatch(/\(API key required\)/);
    await expect(connect(url)).rejects.toThrow(/Unauthorized: API key required/);
    const clients = [await connect(url, apiKey), await connect(url, apiKey)];
    await clients[0]!.callTool({ name: 'echo', arguments: { text: 'x' } });
    started.child.kill('SIGINT');
    const { code, ms } = await started.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(3_000);
    expect(started.out() + started.err()).not.toContain(apiKey);
    expect(started.err()).toBe('');
    await Promise.all(clients.map((c) => c.close()));
  });

  it('says clearly when the port is taken', async () => {
    const first = startEntry({ PORT: '0' });
    const url = await listeningUrl(first);
    const second = startEntry({ PORT: new URL(url).port });
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.err()).toMatch(/cannot listen on 127\.0\.0\.1:\d+: port \d+ is already in use/);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });
});

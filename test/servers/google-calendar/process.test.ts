// The Calendar server as PM2 runs it: its own process from the built dist entry (split chunks, the bundled Google
// library: what ecosystem.config.js runs), configured by env, against the
// fake Google API. Even with the Google libraries' debug logging asked for, stdout carries only the server's
// own lines and no token or secret reaches stdout or stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FAKE_REFRESH_TOKEN,
  startFakeCalendarApi,
  type FakeCalendarApi,
} from '../../fakes/google-calendar-api.js';
import { builtServerEntry } from '../shared/built-entry.js';

let outfile: string;
const API_KEY = 'process-test-api-key-0123456789';
let fake: FakeCalendarApi;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = await startFakeCalendarApi();
  outfile = builtServerEntry('google-calendar');
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await fake.close();
});

describe('google-calendar-mcp process', () => {
  it('serves tools, keeps Google client logging and secrets out of its output, exits 0 on SIGINT', async () => {
    child = spawn(process.execPath, [outfile], {
      env: {
        PATH: process.env.PATH,
        HOME: '/nonexistent',
        PORT: '0',
        MCP_API_KEY: API_KEY,
        GOOGLE_CLIENT_ID: FAKE_CLIENT_ID,
        GOOGLE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        GOOGLE_REFRESH_TOKEN: FAKE_REFRESH_TOKEN,
        GOOGLE_TOKEN_FILE: '/nonexistent/token.json',
        GOOGLE_API_ROOT_URL: fake.rootUrl,
        GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
        GCAL_TIME_ZONE: 'Asia/Tokyo',
        GOOGLE_SDK_NODE_LOGGING: '*',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

    const started = Date.now();
    while (!/listening on (\S+)\/mcp/.test(stdout)) {
      if (Date.now() - started > 10_000 || child.exitCode !== null) throw new Error(`no start line: ${stdout} ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const url = /listening on (\S+)\/mcp/.exec(stdout)![1]!;
    expect(stdout).toContain('google-calendar-mcp');

    const client = new Client({ name: 'process-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { 'x-api-key': API_KEY } } }),
    );
    const ok = await client.callTool({ name: 'calendar_list_calendars', arguments: {} });
    expect(ok.isError).toBeFalsy();
    const failed = await client.callTool({ name: 'calendar_get_event', arguments: { eventId: 'missing' } });
    expect(failed.isError).toBe(true);
    await client.close();
    expect(fake.requestsTo('token')).toHaveLength(1);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const output of [stdout, stderr]) {
      expect(output).not.toMatch(/ya29\./);
      expect(output).not.toContain(FAKE_REFRESH_TOKEN);
      expect(output).not.toContain(FAKE_CLIENT_SECRET);
      expect(output).not.toContain(API_KEY);
    }
    // Every stdout line is one of the server's own (start line, request lines, shutdown lines).
    for (const line of stdout.trim().split('\n')) expect(line).not.toMatch(/\bauth\b.*\b(request|response)\b|gaxios/i);
  });
});

// The PM2 entry as a real process: the built dist/servers/notion/index.js (what ecosystem.config.js runs),
// started with node against the fake Notion API, used by a real SDK client over HTTP, stopped with SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEED, startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import { builtServerEntry } from '../shared/built-entry.js';

const API_KEY = 'test-key-notion-process-0123456789';
let entry: string;
let fake: FakeNotion;
let child: ChildProcess | undefined;

beforeAll(async () => {
  entry = builtServerEntry('notion');
  fake = await startFakeNotion();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake.close();
});

it('starts, serves tools with the configured Notion version, keeps secrets out of its output, exits 0 on SIGINT', async () => {
  const started = performance.now();
  child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      MCP_API_KEY: API_KEY,
      NOTION_TOKEN: SEED.token,
      NOTION_VERSION: '2022-06-28',
      NOTION_BASE_URL: fake.url,
      NOTION_TIMEOUT_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const fail = () => reject(new Error(`no listening line; stdout=${stdout} stderr=${stderr}`));
    const timer = setTimeout(fail, 10_000);
    child!.on('exit', fail);
    child!.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)\/mcp/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const readyMs = performance.now() - started;
  expect(stdout).toContain('notion-mcp 0.1.0 listening');

  const client = new Client({ name: 'process-test', version: '0.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { 'x-api-key': API_KEY } } }),
  );
  const found = (await client.callTool({ name: 'notion_search', arguments: { query: 'project' } })) as CallToolResult;
  expect(found.isError).toBeFalsy();
  expect(JSON.stringify(found.content)).toContain('Project plan');
  const missing = (await client.callTool({
    name: 'notion_get_page',
    arguments: { page_id: '99999999999949998999999999999999' },
  })) as CallToolResult;
  expect(missing.isError).toBe(true);
  const last = fake.requests.at(-1)!;
  expect(last.headers['notion-version']).toBe('2022-06-28');
  expect(last.headers.authorization).toBe(`Bearer ${SEED.token}`);
  await client.close();

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stdout + stderr).not.toContain(SEED.token);
  expect(stdout + stderr).not.toContain(API_KEY);
  expect(stdout + stderr).not.toContain('@notionhq/client');
  expect(stderr).toMatch(/\[notion-mcp\] upstream warn: request fail code=object_not_found/);
  console.info(`notion-mcp process: spawn to listening ${readyMs.toFixed(0)} ms`);
});

// scripts/build.mjs's server bundles as shipped: the entry chunk holds only what listening and /health need (the
// SDK's transport, its protocol schemas and the tools are chunks loaded after the port answers), and sessions
// work from those chunks. The real build script runs in a temp root (symlinks to src and node_modules), so the
// project's dist/ is left alone.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './shared/raw-http.js';

const root = join(import.meta.dirname, '..', '..');
const API_KEY = 'test-key-split-build-0123456789abcdef';
let temp: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'gakuco-split-build-'));
  for (const name of ['src', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(root, name), join(temp, name));
  mkdirSync(join(temp, 'scripts'));
  copyFileSync(join(root, 'scripts', 'build.mjs'), join(temp, 'scripts', 'build.mjs'));
  execFileSync(process.execPath, [join(temp, 'scripts', 'build.mjs')], { cwd: temp, stdio: 'pipe' });
}, 60_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (temp) rmSync(temp, { recursive: true, force: true });
});

async function startBuilt(service: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(temp, 'dist', 'servers', service, 'index.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      MCP_API_KEY: API_KEY,
      NOTION_TOKEN: 'ntn_split_build_test',
      GOOGLE_CLIENT_ID: 'split.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'split-secret',
      GOOGLE_REFRESH_TOKEN: 'split-refresh',
      GOOGLE_TOKEN_FILE: join(temp, 'no-token.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await rawRequest(url, { method: 'GET', path: '/health' });
      return url;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe.each(['notion', 'google-calendar'])('dist/servers/%s from scripts/build.mjs', (service) => {
  it('keeps the SDK, its schemas and the tools out of the entry chunk', () => {
    const entry = readFileSync(join(temp, 'dist', 'servers', service, 'index.js'), 'utf8');
    expect(entry.length).toBeLessThan(100 * 1024);
    expect(entry).not.toContain('class StreamableHTTPServerTransport');
    expect(entry).not.toContain('registerTool(');
    expect(entry).toContain('import("./chunks/');
    expect(readdirSync(join(temp, 'dist', 'servers', service, 'chunks')).length).toBeGreaterThan(1);
  });

  it('opens a session and lists its tools from the lazily loaded chunks', async () => {
    const url = await startBuilt(service);
    const headers = { ...MCP_ACCEPT, authorization: `Bearer ${API_KEY}` };
    const init = await rawRequest(url, { headers, body: initializeBody() });
    expect(init.status).toBe(200);
    const sessionId = init.headers['mcp-session-id'];
    expect(typeof sessionId).toBe('string');
    const list = await rawRequest(url, {
      headers: { ...headers, 'mcp-session-id': String(sessionId), 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(list.status).toBe(200);
    const tools = (list.json as { result: { tools: { name: string }[] } }).result.tools;
    expect(tools.length).toBeGreaterThan(5);
  });
});

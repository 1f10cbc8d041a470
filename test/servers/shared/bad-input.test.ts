// The bad-input table over real HTTP: each refused request gets its status and a JSON body (never HTML, never a
// stack), and the refusals happen before the body is read where the issue says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './raw-http.js';

const FIVE_MB = 5 * 1024 * 1024;

let h: ServiceOverHttp;
let hostHeader: string;
let sessionId: string;

beforeAll(async () => {
  h = await startServiceOverHttp(createEchoService());
  hostHeader = new URL(h.url).host;
  const init = await rawRequest(h.url, {
    headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey },
    body: initializeBody(),
  });
  expect(init.status).toBe(200);
  sessionId = String(init.headers['mcp-session-id']);
  await rawRequest(h.url, {
    headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, 'mcp-session-id': sessionId },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
});

afterAll(async () => {
  await h?.close();
});

function rpcError(code: number, message: string | RegExp) {
  return {
    jsonrpc: '2.0',
    id: null,
    error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) },
  };
}

const toolCall = (name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: args } });

interface Case {
  name: string;
  request: () => Parameters<typeof rawRequest>[1];
  status: number;
  body: () => unknown;
}

const cases: Case[] = [
  {
    name: 'no key',
    request: () => ({ headers: MCP_ACCEPT, body: initializeBody() }),
    status: 401,
    body: () => rpcError(-32000, 'Unauthorized: API key required'),
  },
  {
    name: 'wrong key in x-api-key',
    request: () => ({ headers: { ...MCP_ACCEPT, 'x-api-key': 'not-the-key' }, body: initializeBody() }),
    status: 401,
    body: () => rpcError(-32000, 'Unauthorized: invalid API key'),
  },
  {
    name: 'wrong key as Bearer',
    request: () => ({ headers: { ...MCP_ACCEPT, authorization: 'Bearer not-the-key' }, body: initializeBody() }),
    status: 401,
    body: () => rpcError(-32000, 'Unauthorized: invalid API key'),
  },
  {
    name: 'right key with a wrong scheme',
    request: () => ({ headers: { ...MCP_ACCEPT, authorization: `Basic ${h.apiKey}` }, body: initializeBody() }),
    status: 401,
    body: () => rpcError(-32000, /^Unauthorized: send the key as/),
  },
  {
    name: 'right key as a bare Authorization value',
    request: () => ({ headers: { ...MCP_ACCEPT, authorization: h.apiKey }, body: initializeBody() }),
    status: 401,
    body: () => rpcError(-32000, /^Unauthorized: send the key as/),
  },
  {
    name: 'malformed JSON',
    request: () => ({ headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey }, body: '{"jsonrpc":"2.0", "method": ' }),
    status: 400,
    body: () => rpcError(-32700, /^Parse error/),
  },
  {
    name: '5 MB body with Content-Length',
    request: () => ({ headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey }, body: Buffer.alloc(FIVE_MB, 0x20) }),
    status: 413,
    body: () => rpcError(-32000, 'Payload too large: the limit is 1024 KB'),
  },
  {
    name: '5 MB chunked body without Content-Length',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey },
      chunks: Array.from({ length: 80 }, () => Buffer.alloc(64 * 1024, 0x20)),
    }),
    status: 413,
    body: () => rpcError(-32000, 'Payload too large: the limit is 1024 KB'),
  },
  {
    name: 'forged Host with the right key',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, host: 'evil.example:80' },
      body: initializeBody(),
    }),
    status: 403,
    body: () => rpcError(-32000, 'Forbidden: Host header not allowed'),
  },
  {
    name: 'foreign Origin with the right key',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, origin: 'http://evil.example' },
      body: initializeBody(),
    }),
    status: 403,
    body: () => rpcError(-32000, 'Forbidden: Origin not allowed'),
  },
  {
    name: 'unknown session id',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, 'mcp-session-id': '4f1c9d1e-0000-4000-8000-000000000000' },
      body: toolCall('echo', { text: 'hi' }),
    }),
    status: 404,
    body: () => rpcError(-32001, 'Session not found'),
  },
  {
    name: 'request without a session that is not initialize',
    request: () => ({ headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey }, body: toolCall('echo', { text: 'hi' }) }),
    status: 400,
    body: () => rpcError(-32000, /^Bad Request: no session/),
  },
  {
    name: 'tool call with invalid arguments',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, 'mcp-session-id': sessionId },
      body: toolCall('echo', { text: 42 }),
    }),
    status: 200,
    body: () => ({
      jsonrpc: '2.0',
      id: 7,
      result: {
        isError: true,
        content: [{ type: 'text', text: expect.stringMatching(/Input validation error: Invalid arguments for tool echo/) }],
      },
    }),
  },
  {
    name: 'unknown tool',
    request: () => ({
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, 'mcp-session-id': sessionId },
      body: toolCall('no_such_tool', {}),
    }),
    status: 200,
    body: () => ({
      jsonrpc: '2.0',
      id: 7,
      result: { isError: true, content: [{ type: 'text', text: expect.stringMatching(/Tool no_such_tool not found/) }] },
    }),
  },
  {
    name: 'unsupported method on /mcp',
    request: () => ({ method: 'PUT', headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey }, body: '{}' }),
    status: 405,
    body: () => rpcError(-32000, 'Method not allowed'),
  },
  {
    name: 'GET stream without a session id',
    request: () => ({ method: 'GET', headers: { accept: 'text/event-stream', 'x-api-key': h.apiKey } }),
    status: 400,
    body: () => rpcError(-32000, /Mcp-Session-Id header is required/),
  },
  {
    name: 'unknown path',
    request: () => ({ method: 'GET', path: '/admin', headers: { 'x-api-key': h.apiKey } }),
    status: 404,
    body: () => ({ error: expect.stringMatching(/^Not found/) }),
  },
];

describe('bad input over real HTTP', () => {
  it.each(cases)('$name -> $status with a JSON body', async (c) => {
    const res = await rawRequest(h.url, c.request());
    expect(res.status).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json).toEqual(c.body());
    expect(res.text).not.toMatch(/<html|at .*\.(js|ts):\d+/i);
  });

  it('the right key works as x-api-key and as Bearer', async () => {
    const ways: Record<string, string>[] = [{ 'x-api-key': h.apiKey }, { authorization: `Bearer ${h.apiKey}` }];
    for (const auth of ways) {
      const res = await rawRequest(h.url, {
        headers: { ...MCP_ACCEPT, ...auth, 'mcp-session-id': sessionId },
        body: toolCall('echo', { text: 'ok' }),
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: 'ok' }] } });
    }
  });

  it('answers 401 before reading the body (the body never ends)', async () => {
    const res = await rawRequest(h.url, {
      headers: MCP_ACCEPT,
      chunks: [Buffer.from('{"jsonrpc":"2.0",')],
      neverEnd: true,
    });
    expect(res.status).toBe(401);
  });

  it('answers 413 on a declared Content-Length before any body byte arrives', async () => {
    const res = await rawRequest(h.url, {
      headers: { ...MCP_ACCEPT, 'x-api-key': h.apiKey, 'content-length': String(FIVE_MB) },
      neverEnd: true,
    });
    expect(res.status).toBe(413);
  });

  it('accepts the loopback names and the port in Host', async () => {
    for (const host of [hostHeader, `localhost:${new URL(h.url).port}`]) {
      const res = await rawRequest(h.url, { method: 'GET', path: '/health', headers: { host } });
      expect(res.status).toBe(200);
    }
    const forged = await rawRequest(h.url, { method: 'GET', path: '/health', headers: { host: 'evil.example' } });
    expect(forged.status).toBe(403);
  });

  it('keeps serving after all of the above', async () => {
    const result = await h.client.callTool({ name: 'echo', arguments: { text: 'still here' } });
    expect(result.content).toEqual([{ type: 'text', text: 'still here' }]);
  });
});

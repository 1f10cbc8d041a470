// The tools/list cache: hooked into the SDK's handler (fails here first if an SDK update removes the hook), filled
// by the first answer, and the same answer for every later session.
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cachedToolsListAnswer, cacheToolsList, type ToolsListCache } from '../../../src/servers/shared/tools-list-cache.js';
import { MCP_ACCEPT, rawRequest } from './raw-http.js';
import { startServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';

async function connected(cache: ToolsListCache): Promise<{ client: Client; hooked: boolean }> {
  const server = await createEchoService().createMcpServer();
  const hooked = cacheToolsList(server, cache);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'cache-test', version: '0' });
  await client.connect(clientSide);
  return { client, hooked };
}

describe('tools/list cache', () => {
  it('hooks into this SDK version and keeps the first answer for later sessions', async () => {
    const cache: ToolsListCache = {};
    const first = await connected(cache);
    expect(first.hooked).toBe(true);
    expect(cache.value).toBeUndefined();
    const listed = await first.client.listTools();
    expect(cache.value).toEqual(listed);
    const second = await connected(cache);
    const cachedValue = cache.value;
    expect(await second.client.listTools()).toEqual(listed);
    expect(cache.value).toBe(cachedValue);
    expect(listed.tools.map((t) => t.name)).toEqual(['echo', 'fail', 'buggy']);
    expect(listed.tools[0]!.inputSchema).toMatchObject({ type: 'object', required: ['text'] });
  });

  it('serves the same tools to every HTTP session', async () => {
    const h = await startServiceOverHttp(createEchoService());
    try {
      const other = await h.connectClient();
      expect(await other.listTools()).toEqual(await h.client.listTools());
    } finally {
      await h.close();
    }
  });
});

describe('tools/list answered from the cache, without the transport', () => {
  const headers = (apiKey: string, sessionId: string, extra: Record<string, string> = {}) => ({
    ...MCP_ACCEPT,
    authorization: `Bearer ${apiKey}`,
    'mcp-session-id': sessionId,
    'mcp-protocol-version': '2025-06-18',
    ...extra,
  });
  const list = (id: number | string, params?: unknown) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', ...(params === undefined ? {} : { params }) });

  it('gives the very answer the SDK gave, with its headers, in the same session', async () => {
    const h = await startServiceOverHttp(createEchoService());
    try {
      const viaSdk = await h.client.listTools(); // fills the cache through the SDK
      const sessionId = h.client.transport!.sessionId!;
      const res = await rawRequest(h.url, { headers: headers(h.apiKey, sessionId), body: list('req-7') });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['mcp-session-id']).toBe(sessionId);
      expect(res.json).toEqual({ jsonrpc: '2.0', id: 'req-7', result: viaSdk });
      expect(await h.client.listTools()).toEqual(viaSdk); // and the SDK client takes it (it validates the result)
    } finally {
      await h.close();
    }
  });

  it.each([
    ['a protocol version the SDK does not know', { 'mcp-protocol-version': '1999-01-01' }, undefined, 400],
    ['an Accept without text/event-stream', { accept: 'application/json' }, undefined, 406],
    ['a Content-Type that is not JSON', { 'content-type': 'text/plain' }, undefined, 415],
  ])('leaves %s to the SDK, which refuses it', async (_what, extra, params, status) => {
    const h = await startServiceOverHttp(createEchoService());
    try {
      await h.client.listTools();
      const res = await rawRequest(h.url, { headers: headers(h.apiKey, h.client.transport!.sessionId!, extra), body: list(1, params) });
      expect(res.status).toBe(status);
    } finally {
      await h.close();
    }
  });

  it('is plain data in, text out: only a single tools/list without a cursor, once the cache holds an answer', () => {
    const ok = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };
    const versions = ['2025-06-18'];
    const filled: ToolsListCache = { value: { tools: [] } };
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, ok, {}, versions)).toBeNull();
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, ok, filled, versions)).toBe('{"result":{"tools":[]},"jsonrpc":"2.0","id":1}');
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'x' } }, ok, filled, versions)).toBeNull();
    expect(cachedToolsListAnswer([{ jsonrpc: '2.0', id: 1, method: 'tools/list' }], ok, filled, versions)).toBeNull();
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', method: 'tools/list' }, ok, filled, versions)).toBeNull();
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', id: 1, method: 'tools/call' }, ok, filled, versions)).toBeNull();
    expect(cachedToolsListAnswer({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { ...ok, 'mcp-protocol-version': '2025-06-18' }, filled, versions)).not.toBeNull();
  });
});

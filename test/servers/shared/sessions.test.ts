// Sessions over real HTTP: bounded by a cap and an idle TTL, yet an id the server issued keeps working after its
// session was closed for either (the server rebuilds it from the id), while forged, altered and terminated ids get
// 404; evicted sessions' streams are closed; close() ends open streams and frees the port.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { waitFor } from '../../helpers/pm2-home.js';
import { createEchoService } from './echo-service.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './raw-http.js';

let h: ServiceOverHttp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function openRawSession(url: string, apiKey: string): Promise<string> {
  const res = await rawRequest(url, { headers: { ...MCP_ACCEPT, 'x-api-key': apiKey }, body: initializeBody() });
  expect(res.status).toBe(200);
  return String(res.headers['mcp-session-id']);
}

function listToolsIn(url: string, apiKey: string, sessionId: string) {
  return rawRequest(url, {
    headers: { ...MCP_ACCEPT, 'x-api-key': apiKey, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
  });
}

const NOT_FOUND = { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } };

describe('sessions', () => {
  it('closes the least recently used session at the cap; its id still works, rebuilt, within the cap', async () => {
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 3 });
    const first = h.client;
    const ids = [await openRawSession(h.url, h.apiKey), await openRawSession(h.url, h.apiKey)];
    expect(h.server.sessionCount()).toBe(3);
    await first.listTools(); // the client's session is now the most recently used
    const fourth = await openRawSession(h.url, h.apiKey);
    expect(h.server.sessionCount()).toBe(3);
    expect(h!.server.metrics.openSessions).toBe(3);
    expect(h.server.rebuiltSessions()).toBe(0);
    const revived = await listToolsIn(h.url, h.apiKey, ids[0]!);
    expect(revived.status).toBe(200);
    expect((revived.json as { result: { tools: unknown[] } }).result.tools).toHaveLength(3);
    expect(h.server.rebuiltSessions()).toBe(1);
    expect(h.server.sessionCount()).toBe(3);
    expect((await listToolsIn(h.url, h.apiKey, fourth)).status).toBe(200);
    expect((await first.listTools()).tools.length).toBe(3);
  });

  it('frees sessions left idle; an idle-closed id is rebuilt on its next request', async () => {
    h = await startServiceOverHttp(createEchoService(), { sessionIdleMs: 1_500 });
    const abandoned = await Promise.all(Array.from({ length: 5 }, () => openRawSession(h!.url, h!.apiKey)));
    expect(h.server.sessionCount()).toBe(6);
    // The helper's own client keeps its GET stream open, so its session is not idle.
    await waitFor(() => h!.server.sessionCount() === 1, 'idle sessions to be closed', 15_000);
    expect(h.logLines.some((line) => line === 'session closed (idle timeout)')).toBe(true);
    expect((await listToolsIn(h.url, h.apiKey, abandoned[0]!)).status).toBe(200);
    expect(h.server.sessionCount()).toBe(2);
  });

  it('keeps a session whose client holds its GET stream open, past the idle TTL', async () => {
    h = await startServiceOverHttp(createEchoService(), { sessionIdleMs: 200 });
    await new Promise((r) => setTimeout(r, 700));
    expect(h.server.sessionCount()).toBe(1);
    expect((await h.client.listTools()).tools.length).toBe(3);
  });

  it('one SDK client keeps working, without re-initializing, while 300 other sessions evict it', async () => {
    // A cap of 1: the client's session is evicted even though its GET stream is open (a stream only puts it last).
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 1 });
    const client = h.client;
    expect((await client.callTool({ name: 'echo', arguments: { text: 'before' } })).content).toEqual([
      { type: 'text', text: 'before' },
    ]);
    for (let i = 0; i < 300; i += 1) await openRawSession(h.url, h.apiKey);
    expect(h.server.sessionCount()).toBe(1);
    expect((await client.callTool({ name: 'echo', arguments: { text: 'after' } })).content).toEqual([
      { type: 'text', text: 'after' },
    ]);
    expect(h.server.rebuiltSessions()).toBeGreaterThanOrEqual(1);
  });

  it('ids it never issued, altered ids and ids of another key get 404; a client that re-initializes then works', async () => {
    h = await startServiceOverHttp(createEchoService());
    const real = await openRawSession(h.url, h.apiKey);
    const other = await startServiceOverHttp(createEchoService());
    const foreign = await openRawSession(other.url, other.apiKey);
    await other.close();
    const flip = (id: string, at: number) => id.slice(0, at) + (id[at] === 'A' ? 'B' : 'A') + id.slice(at + 1);
    const forged = [
      'not-a-session',
      '00000000-0000-4000-8000-000000000000',
      flip(real, 3),
      flip(real, real.length - 3),
      real.slice(0, -1),
      `${real}x`,
      real.split('.').reverse().join('.'),
      foreign,
    ];
    for (const id of forged) {
      const res = await listToolsIn(h.url, h.apiKey, id);
      expect(res.status, id).toBe(404);
      expect(res.json).toEqual(NOT_FOUND);
    }
    expect(h.server.rebuiltSessions()).toBe(0);
    const fresh = await openRawSession(h.url, h.apiKey);
    expect((await listToolsIn(h.url, h.apiKey, fresh)).status).toBe(200);
  });

  it('an issued id with a wrong or no API key gets 401, before anything else', async () => {
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 1 });
    const id = await openRawSession(h.url, h.apiKey); // evicts the helper client's session
    for (const headers of [{ 'x-api-key': 'wrong-key' }, {}] as Record<string, string>[]) {
      const res = await rawRequest(h.url, {
        headers: { ...MCP_ACCEPT, ...headers, 'mcp-session-id': id },
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
    }
    expect(h.server.rebuiltSessions()).toBe(0);
  });

  it('closes the GET stream of a session evicted for the cap', async () => {
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 1 });
    await h.client.close(); // its GET stream would come back and evict the session below on its own
    const id = await openRawSession(h.url, h.apiKey);
    const ended = new Promise<number>((resolve, reject) => {
      const req = request(new URL('/mcp', h!.url), {
        method: 'GET',
        agent: false,
        headers: { accept: 'text/event-stream', 'x-api-key': h!.apiKey, 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('close', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    let endedEarly = false;
    void ended.then(() => (endedEarly = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(endedEarly).toBe(false); // the stream is open until the eviction
    await openRawSession(h.url, h.apiKey);
    expect(await ended).toBe(200);
  });

  it('replaces a busy session by a fresh one every 100 POSTs (the SDK keeps every JSON answer), unseen by the client', async () => {
    h = await startServiceOverHttp(createEchoService(), { rateLimit: null });
    for (let i = 0; i < 250; i += 1) {
      const result = await h.client.callTool({ name: 'echo', arguments: { text: `call ${i}` } });
      expect(result.content).toEqual([{ type: 'text', text: `call ${i}` }]);
    }
    expect(h.server.rebuiltSessions()).toBeGreaterThanOrEqual(2);
    expect(h.server.sessionCount()).toBe(1);
  });

  it('DELETE ends a session, and its id is not rebuilt', async () => {
    h = await startServiceOverHttp(createEchoService());
    const id = await openRawSession(h.url, h.apiKey);
    const before = h.server.sessionCount();
    const res = await rawRequest(h.url, { method: 'DELETE', headers: { 'x-api-key': h.apiKey, 'mcp-session-id': id } });
    expect(res.status).toBe(200);
    expect(h.server.sessionCount()).toBe(before - 1);
    expect((await listToolsIn(h.url, h.apiKey, id)).status).toBe(404);
  });

  it('counts each failed tool result once in the tool-errors metric', async () => {
    h = await startServiceOverHttp(createEchoService());
    const before = h!.server.metrics.toolErrors;
    await h.client.callTool({ name: 'fail', arguments: {} }); // toolFailure
    await h.client.callTool({ name: 'echo', arguments: { text: 7 } }); // the SDK's input validation
    await h.client.callTool({ name: 'echo', arguments: { text: 'fine' } });
    expect(h!.server.metrics.toolErrors - before).toBe(2);
  });

  it('close() ends open streams and sessions quickly and frees the port', async () => {
    h = await startServiceOverHttp(createEchoService());
    await h.connectClient(); // a second client with its own GET stream
    await waitFor(() => h!.logLines.length >= 4, 'the clients to connect');
    const port = h.server.port;
    const started = Date.now();
    await h.server.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(h.server.sessionCount()).toBe(0);
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});

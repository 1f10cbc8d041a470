// Sessions over real HTTP: the cap closes the least recently used session, the idle TTL frees abandoned ones, a
// closed session's id gets 404, and close() ends open streams and frees the port.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { waitFor } from '../../helpers/pm2-home.js';
import { serverMetrics } from '../../../src/servers/shared/metrics.js';
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
    headers: { ...MCP_ACCEPT, 'x-api-key': apiKey, 'mcp-session-id': sessionId },
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
  });
}

describe('sessions', () => {
  it('closes the least recently used session when the cap is reached', async () => {
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 3 });
    const first = h.client;
    const ids = [await openRawSession(h.url, h.apiKey), await openRawSession(h.url, h.apiKey)];
    expect(h.server.sessionCount()).toBe(3);
    await first.listTools(); // the client's session is now the most recently used
    const fourth = await openRawSession(h.url, h.apiKey);
    expect(h.server.sessionCount()).toBe(3);
    expect(serverMetrics.openSessions).toBe(3);
    expect((await listToolsIn(h.url, h.apiKey, ids[0]!)).status).toBe(404);
    expect((await listToolsIn(h.url, h.apiKey, ids[1]!)).status).toBe(200);
    expect((await listToolsIn(h.url, h.apiKey, fourth)).status).toBe(200);
    expect((await first.listTools()).tools.length).toBe(2);
  });

  it('frees sessions left idle, and their ids then get 404', async () => {
    h = await startServiceOverHttp(createEchoService(), { sessionIdleMs: 300 });
    const abandoned = await Promise.all(Array.from({ length: 5 }, () => openRawSession(h!.url, h!.apiKey)));
    expect(h.server.sessionCount()).toBe(6);
    // The helper's own client keeps its GET stream open, so its session is not idle.
    await waitFor(() => h!.server.sessionCount() === 1, 'idle sessions to be closed', 5_000);
    const res = await listToolsIn(h.url, h.apiKey, abandoned[0]!);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } });
    expect(h.logLines.some((line) => line === 'session closed (idle timeout)')).toBe(true);
  });

  it('keeps a session whose client holds its GET stream open, past the idle TTL', async () => {
    h = await startServiceOverHttp(createEchoService(), { sessionIdleMs: 200 });
    await new Promise((r) => setTimeout(r, 700));
    expect(h.server.sessionCount()).toBe(1);
    expect((await h.client.listTools()).tools.length).toBe(2);
  });

  it('the SDK client sees 404 once its session was closed for the cap, and a fresh client works', async () => {
    h = await startServiceOverHttp(createEchoService(), { maxSessions: 1 });
    const client = h.client;
    await openRawSession(h.url, h.apiKey);
    expect(h.server.sessionCount()).toBe(1);
    const failure = await client.listTools().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StreamableHTTPError);
    expect((failure as StreamableHTTPError).code).toBe(404);
    const fresh = await h.connectClient();
    expect((await fresh.listTools()).tools.map((t) => t.name)).toEqual(['echo', 'fail']);
  });

  it('DELETE ends a session', async () => {
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
    const before = serverMetrics.toolErrors;
    await h.client.callTool({ name: 'fail', arguments: {} }); // toolFailure
    await h.client.callTool({ name: 'echo', arguments: { text: 7 } }); // the SDK's input validation
    await h.client.callTool({ name: 'echo', arguments: { text: 'fine' } });
    expect(serverMetrics.toolErrors - before).toBe(2);
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

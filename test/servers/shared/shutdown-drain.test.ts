// How close() treats idle keep-alive connections. A PM2 cluster worker (drainIdleConnections) lets them end as they
// would while running, and serves a call sent on one meanwhile: cutting one just as a client sends on it loses that
// call, while other workers could have served it (a rolling reload must cost no call). Alone on the port, the server
// cuts them once quiet, and its stop stays short.
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './raw-http.js';

/** Keep-Alive: timeout=2 (fetch, undici 6, keeps an idle connection 1 s; node:http's agent without a timeout, always). */
const KEEP_ALIVE_MS = 2_500;

let h: ServiceOverHttp | undefined;
let agent: Agent | undefined;
afterEach(async () => {
  agent?.destroy();
  await h?.close();
  h = undefined;
});

async function start(drainIdleConnections: boolean) {
  h = await startServiceOverHttp(createEchoService(), { drainIdleConnections, keepAliveMs: KEEP_ALIVE_MS });
  // Only the connection below is left: the SDK client's own would drain too.
  await h.client.close();
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { ...MCP_ACCEPT, 'x-api-key': h.apiKey };
  const opened = await rawRequest(h.url, { headers, body: initializeBody(), agent });
  expect(opened.status).toBe(200);
  expect(opened.headers['keep-alive']).toBe('timeout=2');
  const session = { ...headers, 'mcp-session-id': String(opened.headers['mcp-session-id']), 'mcp-protocol-version': '2025-06-18' };
  const listTools = () => rawRequest(h!.url, { headers: session, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), agent });
  return { server: h.server, listTools };
}

describe('close() and idle keep-alive connections', () => {
  it('a cluster worker serves a call sent on an idle connection while it stops, then ends', async () => {
    const { server, listTools } = await start(true);
    const stopping = Date.now();
    const closed = server.close();
    await sleep(600); // past the quiet time after which a server alone on its port cuts idle connections
    const answer = await listTools();
    expect(answer.status).toBe(200);
    expect(answer.reusedSocket).toBe(true);
    expect(answer.headers.connection).toBe('close');
    // The client was told to go: the stop ends soon after, well before the keep-alive time.
    await closed;
    expect(Date.now() - stopping).toBeLessThan(600 + KEEP_ALIVE_MS);
  });

  it('a cluster worker ends a connection nobody uses when it expires, as while running', async () => {
    const { server } = await start(true);
    const stopping = Date.now();
    await server.close();
    const took = Date.now() - stopping;
    expect(took).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 500);
    expect(took).toBeLessThan(KEEP_ALIVE_MS + 1_500);
  });

  it('a server alone on its port does not wait for an idle connection', async () => {
    const { server } = await start(false);
    const stopping = Date.now();
    await server.close();
    expect(Date.now() - stopping).toBeLessThan(1_200);
  });
});

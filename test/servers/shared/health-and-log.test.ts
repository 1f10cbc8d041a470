// GET /health (no auth, names and booleans only) and the request log (one line per request, no secrets).
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';
import { MCP_ACCEPT, rawRequest } from './raw-http.js';

let h: ServiceOverHttp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/health', () => {
  it('answers without auth with service, version, uptime and upstream state', async () => {
    h = await startServiceOverHttp(createEchoService());
    const res = await rawRequest(h.url, { method: 'GET', path: '/health' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      service: 'echo-mcp',
      version: '1.2.3',
      uptime_s: expect.any(Number),
      sessions: 1,
      sessions_rebuilt: 0,
      upstream: { configured: true, missing: [] },
      internal_errors: expect.any(Number),
      last_internal_error: null,
      rate_limited: expect.any(Number),
      tools: { enabled: expect.any(Array), disabled: [], filter: { MCP_ENABLED_TOOLS: null, MCP_READ_ONLY: false } },
    });
  });

  it('names missing credentials without any value', async () => {
    h = await startServiceOverHttp(createEchoService({ configured: false, missing: ['NOTION_TOKEN'] }));
    const res = await rawRequest(h.url, { method: 'GET', path: '/health' });
    expect(res.json).toMatchObject({ status: 'degraded', upstream: { configured: false, missing: ['NOTION_TOKEN'] } });
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, JSON-RPC method, tool, status and time', async () => {
    h = await startServiceOverHttp(createEchoService());
    h.logLines.length = 0;
    await h.client.callTool({ name: 'echo', arguments: { text: 'hello' } });
    await rawRequest(h.url, { method: 'GET', path: '/health' });
    await rawRequest(h.url, { headers: MCP_ACCEPT, body: '{}' });
    expect(h.logLines).toEqual([
      expect.stringMatching(/^POST \/mcp tools\/call tool=echo 200 ok \d+ms$/),
      expect.stringMatching(/^GET \/health 200 ok \(first probe; /),
      expect.stringMatching(/^POST \/mcp 401 \d+ms$/),
    ]);
  });

  it('counts /health probes instead of logging each, and writes a line when the answer changes', async () => {
    const upstream = { configured: true, missing: [] as string[] };
    h = await startServiceOverHttp(createEchoService(upstream));
    h.logLines.length = 0;
    const probe = () => rawRequest(h!.url, { method: 'GET', path: '/health' });
    for (let i = 0; i < 20; i += 1) await probe();
    upstream.configured = false;
    upstream.missing = ['NOTION_TOKEN'];
    for (let i = 0; i < 5; i += 1) await probe();
    await rawRequest(h.url, { method: 'POST', path: '/health' });
    expect(h.logLines).toEqual([
      expect.stringMatching(/^GET \/health 200 ok \(first probe; probes are counted/),
      expect.stringMatching(/^GET \/health 200 degraded \(was 200 ok for 19 probes; /),
      expect.stringMatching(/^POST \/health 405 \d+ms$/),
    ]);
    expect(h.server.healthProbes()).toBe(25);
  });

  it('never contains the key, header values, session ids, query strings or tool arguments', async () => {
    const apiKey = 'sk-very-secret-key-0123456789';
    h = await startServiceOverHttp(createEchoService(), { apiKey });
    const argument = 'my-private-argument-ABCDEF';
    await h.client.callTool({ name: 'echo', arguments: { text: argument } });
    await rawRequest(h.url, { headers: { ...MCP_ACCEPT, authorization: `Basic ${apiKey}` }, body: '{}' });
    await rawRequest(h.url, { headers: { ...MCP_ACCEPT, 'x-api-key': apiKey }, body: `{"broken": "${argument}"` });
    await rawRequest(h.url, { method: 'GET', path: `/health?token=${apiKey}` });
    await rawRequest(h.url, { method: 'GET', path: `/${apiKey}` });
    const sessionIds: string[] = [];
    const probe = await rawRequest(h.url, {
      headers: { ...MCP_ACCEPT, 'x-api-key': apiKey },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: argument, version: '0' } },
      }),
    });
    sessionIds.push(String(probe.headers['mcp-session-id']));
    const all = h.logLines.join('\n');
    expect(h.logLines.length).toBeGreaterThanOrEqual(6);
    for (const secret of [apiKey, argument, 'Basic', 'x-api-key', ...sessionIds]) expect(all).not.toContain(secret);
  });
});

// What the kit does with a tool call's outcome and with too many calls: an internal failure (a bug, not an upstream
// answer) goes to the error log with the tool's name, counts, and turns /health degraded; the request log shows
// each call's outcome; over the rate limit a call gets 429 with Retry-After and a JSON-RPC error, at once.
import { afterEach, describe, expect, it } from 'vitest';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';
import { initializeBody, MCP_ACCEPT, rawRequest } from './raw-http.js';

let h: ServiceOverHttp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('tool outcomes', () => {
  it('an internal failure: error log with the tool name, metrics, /health degraded, outcome in the request log', async () => {
    const errors: string[] = [];
    h = await startServiceOverHttp(createEchoService(), { errorLog: (line) => errors.push(line) });
    const before = { tool: h!.server.metrics.toolErrors, internal: h!.server.metrics.internalErrors };
    h.logLines.length = 0;
    const fine = await h.client.callTool({ name: 'echo', arguments: { text: 'x' } });
    const upstream = await h.client.callTool({ name: 'fail', arguments: {} });
    const buggy = await h.client.callTool({ name: 'buggy', arguments: {} });
    expect(fine.isError).toBeFalsy();
    expect(upstream.isError).toBe(true);
    expect(buggy.isError).toBe(true);
    expect(JSON.stringify(buggy.content)).toContain('Internal error in the server (TypeError)');
    expect(h.logLines.filter((line) => line.startsWith('POST /mcp tools/call'))).toEqual([
      expect.stringMatching(/^POST \/mcp tools\/call tool=echo 200 ok \d+ms$/),
      expect.stringMatching(/^POST \/mcp tools\/call tool=fail 200 error \d+ms$/),
      expect.stringMatching(/^POST \/mcp tools\/call tool=buggy 200 internal-error \d+ms$/),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^echo-mcp: tool buggy failed inside the server: TypeError: Cannot read properties of undefined/);
    expect(h!.server.metrics.toolErrors - before.tool).toBe(2);
    expect(h!.server.metrics.internalErrors - before.internal).toBe(1);
    const health = await rawRequest(h.url, { method: 'GET', path: '/health' });
    expect(health.json).toMatchObject({
      status: 'degraded',
      upstream: { configured: true },
      internal_errors: 1,
      last_internal_error: { tool: 'buggy', error: 'TypeError', at: expect.any(String) },
    });
  });

  it('over the rate limit: 429 with Retry-After and a JSON-RPC error, counted; other methods are not limited', async () => {
    h = await startServiceOverHttp(createEchoService(), { rateLimit: { ratePerSecond: 0.5, burst: 2 } });
    const headers = { ...MCP_ACCEPT, 'x-api-key': h.apiKey };
    const init = await rawRequest(h.url, { headers, body: initializeBody() });
    const session = { ...headers, 'mcp-session-id': String(init.headers['mcp-session-id']) };
    const call = (id: number) =>
      rawRequest(h!.url, {
        headers: session,
        body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { text: 'a' } } }),
      });
    expect((await call(1)).status).toBe(200);
    expect((await call(2)).status).toBe(200);
    const before = h!.server.metrics.rateLimited;
    const started = Date.now();
    const refused = await call(3);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    expect(refused.json).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32000, message: expect.stringMatching(/^Rate limit exceeded: at most 0.5 tool calls per second \(burst 2\) per API key\. Retry after \d s\.$/) },
    });
    const list = await rawRequest(h.url, {
      headers: session,
      body: JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/list' }),
    });
    expect(list.status).toBe(200);
    // The SDK client gets an error at once, not a hang.
    const failure = await h.client.callTool({ name: 'echo', arguments: { text: 'b' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StreamableHTTPError);
    expect((failure as StreamableHTTPError).code).toBe(429);
    expect(h!.server.metrics.rateLimited - before).toBe(2);
    const health = await rawRequest(h.url, { method: 'GET', path: '/health' });
    expect((health.json as { rate_limited: number }).rate_limited).toBe(h!.server.metrics.rateLimited);
  });
});

// tools/list answered by the kit from the tool registrations (tool-catalog.ts, kit-answers.ts): the very answer the
// SDK gives, for the echo service and both real servers (with and without a tool filter), the same for every
// session; requests the SDK transport would refuse, and anything but a plain single tools/list, go to the SDK.
import { describe, expect, it } from 'vitest';
import { configFromEnv as calendarConfigFromEnv } from '../../../src/servers/google-calendar/config.js';
import { createCalendarService } from '../../../src/servers/google-calendar/server.js';
import { createNotionService } from '../../../src/servers/notion/server.js';
import { kitAnswer, type KitAnswerSources } from '../../../src/servers/shared/kit-answers.js';
import type { ServiceDefinition } from '../../../src/servers/shared/service.js';
import { toolFilterFromEnv } from '../../../src/servers/shared/tool-filter.js';
import { startFakeCalendarApi } from '../../fakes/google-calendar-api.js';
import { startFakeNotion } from '../../fakes/notion-api.js';
import { MCP_ACCEPT, rawRequest } from './raw-http.js';
import { startServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';
import { fakeEnv } from '../google-calendar/harness.js';
import { testConfig } from '../notion/harness.js';

const sessionHeaders = (apiKey: string, sessionId: string, extra: Record<string, string> = {}) => ({
  ...MCP_ACCEPT,
  authorization: `Bearer ${apiKey}`,
  'mcp-session-id': sessionId,
  'mcp-protocol-version': '2025-06-18',
  ...extra,
});
const listBody = (id: number | string, params?: unknown) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', ...(params === undefined ? {} : { params }) });

/** The kit's tools/list and the SDK's own (a cursor sends the request through the SDK, which ignores it). */
async function bothLists(def: ServiceDefinition, env: Record<string, string> = {}) {
  const h = await startServiceOverHttp(def, { toolFilter: toolFilterFromEnv(env) });
  try {
    const headers = sessionHeaders(h.apiKey, h.client.transport!.sessionId!);
    const kit = await rawRequest(h.url, { headers, body: listBody(1) });
    const sdk = await rawRequest(h.url, { headers, body: listBody(1, { cursor: 'from-the-sdk' }) });
    return { kit: kit.json as { result: { tools: { name: string }[] } }, sdk: sdk.json };
  } finally {
    await h.close();
  }
}

describe('the kit\'s tools/list is the SDK\'s', () => {
  it('for the echo service', async () => {
    const { kit, sdk } = await bothLists(createEchoService());
    expect(kit).toEqual(sdk);
    expect(kit.result.tools.map((t) => t.name)).toEqual(['echo', 'fail', 'buggy']);
  });

  it('for Notion, with and without MCP_READ_ONLY', async () => {
    const fake = await startFakeNotion();
    try {
      const all = await bothLists(createNotionService(testConfig(fake.url), { logSink: () => {} }));
      expect(all.kit).toEqual(all.sdk);
      const readOnly = await bothLists(createNotionService(testConfig(fake.url), { logSink: () => {} }), { MCP_READ_ONLY: '1' });
      expect(readOnly.kit).toEqual(readOnly.sdk);
      expect(readOnly.kit.result.tools.length).toBeLessThan(all.kit.result.tools.length);
    } finally {
      await fake.close();
    }
  });

  it('for Google Calendar', async () => {
    const fake = await startFakeCalendarApi();
    try {
      const { kit, sdk } = await bothLists(createCalendarService(calendarConfigFromEnv(fakeEnv(fake))));
      expect(kit).toEqual(sdk);
      expect(kit.result.tools.length).toBeGreaterThan(5);
    } finally {
      await fake.close();
    }
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

describe('tools/list answered by the kit, without the transport', () => {
  const headers = sessionHeaders;
  const list = listBody;

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

  it('is plain data in, text out: a single tools/list without a cursor once the list is built, a switched-off call', () => {
    const ok = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };
    const versions = ['2025-06-18'];
    const off = { isError: true, content: [{ type: 'text', text: 'off' }] };
    const empty: KitAnswerSources = { toolsListJson: undefined, switchedOff: () => null };
    const built: KitAnswerSources = { toolsListJson: '{"tools":[]}', switchedOff: (tool) => (tool === 'write' ? off : null) };
    const json = (body: unknown, sources: KitAnswerSources, headers: Record<string, string> = ok) => kitAnswer(body, headers, sources, versions)?.json ?? null;
    expect(json({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, empty)).toBeNull();
    expect(json({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, built)).toBe('{"result":{"tools":[]},"jsonrpc":"2.0","id":1}');
    expect(json({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'x' } }, built)).toBeNull();
    expect(json([{ jsonrpc: '2.0', id: 1, method: 'tools/list' }], built)).toBeNull();
    expect(json({ jsonrpc: '2.0', method: 'tools/list' }, built)).toBeNull();
    expect(json({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, built, { ...ok, 'mcp-protocol-version': '2025-06-18' })).not.toBeNull();
    expect(json({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, built, { ...ok, 'mcp-protocol-version': '1999-01-01' })).toBeNull();
    expect(kitAnswer({ jsonrpc: '2.0', id: 'c', method: 'tools/call', params: { name: 'write' } }, ok, built, versions)).toEqual({
      id: 'c',
      json: `{"result":${JSON.stringify(off)},"jsonrpc":"2.0","id":"c"}`,
      toolResult: off,
    });
    expect(json({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'read' } }, built)).toBeNull();
    expect(json({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'write' } }, built, { ...ok, accept: 'application/json' })).toBeNull();
  });
});

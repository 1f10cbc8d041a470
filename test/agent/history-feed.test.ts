// The monitor's reader of the agent's /history, against a real HTTP server on 127.0.0.1 (node:http, no fetch()).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentHistoryFeed } from '../../src/agent/history-feed.js';
import { freePort } from '../helpers/free-port.js';

const HISTORY = { version: 1, intervalMs: 1000, services: [{ pmId: 0, name: 'web', series: { cpu: [{ at: 1, value: 2 }] } }] };

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('createAgentHistoryFeed', () => {
  it('reads /history with the bearer key and checks what comes back', async () => {
    const seen: { url?: string; auth?: string } = {};
    const url = await serve((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(HISTORY));
    });
    expect(await createAgentHistoryFeed({ url: `${url}/`, apiKey: 'k-123' }).fetchHistory()).toEqual(HISTORY);
    expect(seen).toEqual({ url: '/history', auth: 'Bearer k-123' });
  });

  it('sends no authorization header without a key', async () => {
    let auth: string | undefined = 'unset';
    const url = await serve((req, res) => {
      auth = req.headers.authorization;
      res.writeHead(200).end(JSON.stringify(HISTORY));
    });
    await createAgentHistoryFeed({ url }).fetchHistory();
    expect(auth).toBeUndefined();
  });

  it('gives null on a refusal, a body that is not JSON or not a history export', async () => {
    for (const [status, body] of [
      [401, JSON.stringify(HISTORY)],
      [200, '{"version": 1, "interv'],
      [200, JSON.stringify({ version: 2, intervalMs: 1, services: [] })],
    ] as const) {
      const url = await serve((_req, res) => res.writeHead(status).end(body));
      expect(await createAgentHistoryFeed({ url }).fetchHistory()).toBeNull();
      await new Promise((resolve) => server!.close(resolve));
      server = null;
    }
  });

  it('gives null quietly when nothing listens', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    expect(await createAgentHistoryFeed({ url }).fetchHistory()).toBeNull();
  });

  it('gives null within the timeout when the agent stalls in the middle of its answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{"version": 1,');
    });
    const started = Date.now();
    expect(await createAgentHistoryFeed({ url, timeoutMs: 300 }).fetchHistory()).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not load undici (the global fetch) to do it', async () => {
    const url = await serve((_req, res) => res.writeHead(200).end(JSON.stringify(HISTORY)));
    const realFetch = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
      fetched++;
      return realFetch(...args);
    }) as typeof fetch;
    try {
      expect(await createAgentHistoryFeed({ url }).fetchHistory()).toEqual(HISTORY);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toBe(0);
  });
});

// An early answer (401 before any body byte is read, 413 past the body limit) reaches a client that is still
// uploading with `Connection: close`: it reads the whole JSON answer and then an orderly end, not a reset.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';

let h: ServiceOverHttp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface RawOutcome {
  response: string;
  error: string | null;
}

/** Sends a POST of `bodyBytes` in 16 KB chunks over a raw socket, reading whatever comes back meanwhile. */
function uploadWhileReading(port: number, headers: Record<string, string>, bodyBytes: number): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let error: string | null = null;
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ response, error }));
    const head = [
      'POST /mcp HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Accept: application/json, text/event-stream',
      'Connection: close',
      `Content-Length: ${bodyBytes}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    socket.write(head);
    const chunk = Buffer.alloc(16 * 1024, ' ');
    let sent = 0;
    const pump = (): void => {
      while (sent < bodyBytes && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent));
        sent += piece.length;
        if (!socket.write(piece)) {
          socket.once('drain', () => setTimeout(pump, 1));
          return;
        }
      }
    };
    setTimeout(pump, 20);
  });
}

describe('early answers to a client still uploading with Connection: close', () => {
  it('401 (wrong key) arrives whole, followed by an orderly close', async () => {
    h = await startServiceOverHttp(createEchoService());
    const outcome = await uploadWhileReading(h.server.port, { 'x-api-key': 'wrong-key' }, 3 * 1024 * 1024);
    expect(outcome.error).toBeNull();
    expect(outcome.response).toMatch(/^HTTP\/1\.1 401 /);
    expect(outcome.response).toContain('"message":"Unauthorized: invalid API key"');
  });

  it('413 (over the body limit) arrives whole, followed by an orderly close', async () => {
    h = await startServiceOverHttp(createEchoService(), { bodyLimitBytes: 64 * 1024 });
    const outcome = await uploadWhileReading(h.server.port, { 'x-api-key': h.apiKey }, 3 * 1024 * 1024);
    expect(outcome.error).toBeNull();
    expect(outcome.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(outcome.response).toContain('Payload too large: the limit is 64 KB');
  });
});

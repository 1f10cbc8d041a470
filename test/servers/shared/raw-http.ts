// Raw HTTP requests for the kit's tests: node:http lets a test forge Host, send broken JSON, stream a chunked body
// without Content-Length, or stop sending half-way, which fetch and the SDK client do not.
import { request, type Agent } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  /** Whether it went on a kept-alive connection (only with an agent). */
  reusedSocket: boolean;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Sent with Content-Length. */
  body?: string | Buffer;
  /** Sent chunk by chunk without Content-Length (Transfer-Encoding: chunked). */
  chunks?: Buffer[];
  /** Headers and these chunks are sent, then nothing more: the request never ends. */
  neverEnd?: boolean;
  /** A keep-alive agent, to send on a connection kept from an earlier request. Default: a connection of its own. */
  agent?: Agent;
}

export const MCP_ACCEPT = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };

export function rawRequest(baseUrl: string, options: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(options.path ?? '/mcp', baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = request(url, { method: options.method ?? 'POST', headers, agent: options.agent ?? false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          // left undefined: the test asserts on it
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, reusedSocket: req.reusedSocket });
        if (options.agent === undefined) req.destroy();
      });
    });
    // Once the answer is in, the server may cut a body it refused: write errors after that are expected.
    req.on('error', reject);
    if (options.body !== undefined) {
      req.end(options.body);
    } else if (options.chunks !== undefined) {
      for (const chunk of options.chunks) req.write(chunk);
      if (!options.neverEnd) req.end();
    } else if (!options.neverEnd) {
      req.end();
    } else {
      req.flushHeaders();
    }
  });
}

export function initializeBody(id = 1): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '0' } },
  });
}

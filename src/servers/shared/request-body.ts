// Reads a request body with a byte limit, whether or not Content-Length is sent (chunked bodies are counted as they
// arrive), and parses it as JSON.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'json'; value: unknown }
  | { kind: 'too-large' }
  | { kind: 'invalid-json' }
  | { kind: 'aborted' };

export function declaredTooLarge(req: IncomingMessage, limitBytes: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > limitBytes;
}

export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  if (declaredTooLarge(req, limitBytes)) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      try {
        settle({ kind: 'json', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        settle({ kind: 'invalid-json' });
      }
    };
    const onAbort = (): void => settle({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}

/**
 * After an early answer (401, 413, ...), reads and drops what the client still sends, so it can read the answer
 * instead of meeting a reset connection, then calls `onEnd`; a client that sends more than `maxBytes` is cut off.
 */
export function discardRest(req: IncomingMessage, maxBytes: number, onEnd: () => void = () => {}): void {
  if (req.readableEnded) {
    onEnd();
    return;
  }
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > maxBytes) req.socket.destroy();
  });
  req.once('end', onEnd);
  req.resume();
}

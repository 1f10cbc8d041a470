// Answers real APIs sometimes give, for the fakes: a huge body (streamed, never held in memory by the fake), JSON cut
// off in the middle, and a slow answer.
import type { ServerResponse } from 'node:http';

export type OddAnswer =
  /** A valid JSON object of about `bytes` bytes; `declared` sends Content-Length, else it is chunked. */
  | { huge: number; declared?: boolean }
  /** The first half of a valid answer, with a Content-Length that matches what is sent. */
  | { truncated: true }
  /** The normal answer, after `delayMs`. */
  | { delayMs: number };

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Streams `{"object":"list","results":[],"padding":"aaa…"}` of about `bytes` bytes, respecting back-pressure. */
export function sendHugeJson(res: ServerResponse, bytes: number, declared = false): void {
  const head = Buffer.from('{"object":"list","results":[],"has_more":false,"next_cursor":null,"items":[],"padding":"');
  const tail = Buffer.from('"}');
  const chunks = Math.max(1, Math.ceil((bytes - head.length - tail.length) / CHUNK.length));
  const headers: Record<string, string | number> = { 'content-type': 'application/json' };
  if (declared) headers['content-length'] = head.length + chunks * CHUNK.length + tail.length;
  res.writeHead(200, headers);
  res.write(head);
  let sent = 0;
  const pump = (): void => {
    while (sent < chunks) {
      sent += 1;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end(tail);
  };
  res.on('close', () => {
    sent = chunks + 1; // the client went away: stop
  });
  pump();
}

/** Sends the first half of `payload`'s JSON as a complete (but unparseable) 200 answer. */
export function sendTruncatedJson(res: ServerResponse, payload: unknown): void {
  const text = JSON.stringify(payload);
  const cut = Buffer.from(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': cut.length });
  res.end(cut);
}

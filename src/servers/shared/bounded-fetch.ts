// Upstream answers read with a byte limit, for both servers' clients (@notionhq/client's `fetch`, gaxios's
// `fetchImplementation`): a declared Content-Length over the limit is refused before any body byte is read, and a
// body that streams past it is cut off there (the connection is aborted), so a huge answer costs at most the limit
// in memory instead of being buffered whole (50 MB answers pushed the servers far over max_memory_restart).

/** MCP_UPSTREAM_MAX_BYTES when it is not set: far above a normal page of results, small enough for several at once. */
export const DEFAULT_UPSTREAM_MAX_BYTES = 4 * 1024 * 1024;

export function upstreamLimitFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.MCP_UPSTREAM_MAX_BYTES?.trim();
  const value = raw ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= 1024 ? value : DEFAULT_UPSTREAM_MAX_BYTES;
}

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The upstream answered more than the limit; nothing of it is used. */
export class UpstreamTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than the limit of ${formatLimit(limitBytes)} (MCP_UPSTREAM_MAX_BYTES)`);
    this.name = 'UpstreamTooLargeError';
  }
}

/** The error (or one of its causes) is an over-limit answer. */
export function tooLargeCause(error: unknown): UpstreamTooLargeError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof UpstreamTooLargeError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The same response with its body limited to `limitBytes`; rejects at once when Content-Length is over it. */
export async function limitResponse(response: Response, limitBytes: number): Promise<Response> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limitBytes) {
    await response.body?.cancel().catch(() => {});
    throw new UpstreamTooLargeError(limitBytes);
  }
  if (response.body === null || NO_BODY_STATUSES.has(response.status)) return response;
  const reader = response.body.getReader();
  let seen = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > limitBytes) {
        await reader.cancel().catch(() => {});
        controller.error(new UpstreamTooLargeError(limitBytes));
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** `fetch` whose answers are limited to `limitBytes` (see limitResponse). */
export function boundedFetch(limitBytes: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => limitResponse(await base(input, init), limitBytes);
}

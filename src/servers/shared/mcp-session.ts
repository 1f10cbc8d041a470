// One MCP session: a fresh McpServer and the SDK's web-standard Streamable HTTP transport, served to node:http
// through @hono/node-server's adapter (what the SDK's own Node transport does inside). A session is opened by a
// client's initialize, or rebuilt from an id the server issued earlier (session-ids.ts) when this process does not
// hold it (after a restart, a cap eviction, on another cluster worker): then the server initializes it itself
// with a synthetic initialize + notifications/initialized through the transport's public handleRequest, so the
// SDK's own state (initialized, session id) is set the SDK's way, not by touching its private fields. The server
// reaches the transport through a wrapper of its public Transport interface that shows the kit each message sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SdkKit } from './sdk-kit.js';
import type { SessionHandle } from './session-store.js';

export interface McpSession extends SessionHandle {
  readonly transport: WebStandardStreamableHTTPServerTransport;
  /** Serves one HTTP request of this session (POST with its parsed body, GET stream, DELETE). */
  handle(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void>;
  /**
   * Ends the session's open GET stream by dropping its connection (the client opens it again, elsewhere). Ending
   * only the response would leave an idle keep-alive connection the client may send its next call on.
   */
  dropStream(): void;
}

export interface SessionHooks {
  /** Sees every message the session sends (for metrics and the request log); must not throw. */
  onSend(message: JSONRPCMessage): void;
  /** The transport closed (DELETE, close()). */
  onClose(): void;
}

const ACCEPT = 'application/json, text/event-stream';

/**
 * The transport as the McpServer sees it: the SDK's, behind the SDK's public Transport interface, with every message
 * the server sends shown to `onSend` first (nothing of the SDK's transport is patched). The server owns the
 * callbacks it sets here; the real transport's own are set once to forward to them.
 */
function observedTransport(
  inner: WebStandardStreamableHTTPServerTransport,
  onSend: (message: JSONRPCMessage) => void,
  onClosed: () => void,
): Transport {
  const outer: Transport = {
    start: () => inner.start(),
    close: () => inner.close(),
    send(message, options) {
      onSend(message);
      return inner.send(message, options);
    },
    get sessionId() {
      return inner.sessionId;
    },
  };
  inner.onmessage = (message, extra) => outer.onmessage?.(message, extra);
  inner.onerror = (error) => outer.onerror?.(error);
  inner.onclose = () => {
    onClosed();
    outer.onclose?.();
  };
  return outer;
}
const REBUILD_URL = 'http://127.0.0.1/mcp';

export async function createMcpSession(
  kit: SdkKit,
  mcp: McpServer,
  sessionId: string,
  hooks: SessionHooks,
): Promise<McpSession> {
  let closed = false;
  const transport = new kit.WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => sessionId,
    enableJsonResponse: true,
  });
  await mcp.connect(
    observedTransport(transport, hooks.onSend, () => {
      closed = true;
      hooks.onClose();
    }),
  );
  const openResponses = new Map<ServerResponse, IncomingMessage>();
  return {
    transport,
    async handle(req, res, parsedBody) {
      openResponses.set(res, req);
      res.once('close', () => openResponses.delete(res));
      const listener = kit.getRequestListener((request) => transport.handleRequest(request, { parsedBody }), {
        overrideGlobalObjects: false,
      });
      await listener(req, res);
    },
    dropStream() {
      for (const [res, req] of openResponses) if (req.method === 'GET') res.destroy();
    },
    async close() {
      if (closed) return;
      closed = true;
      await mcp.close().catch(() => {});
      // The transport ends its streams; a response the adapter still holds open (a GET stream) is ended here too.
      for (const res of openResponses.keys()) res.end();
    },
  };
}

/**
 * Initializes a session the way a client would, from inside the server, for a session id this process did not
 * open. protocolVersion: what the client sends in MCP-Protocol-Version (it did initialize with that version).
 */
export async function initializeRebuiltSession(session: McpSession, sessionId: string, protocolVersion: string): Promise<void> {
  const headers = { accept: ACCEPT, 'content-type': 'application/json' };
  const init = await session.transport.handleRequest(new Request(REBUILD_URL, { method: 'POST', headers }), {
    parsedBody: {
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion, capabilities: {}, clientInfo: { name: 'rebuilt-session', version: '0' } },
    },
  });
  await init.body?.cancel();
  if (init.status !== 200) throw new Error(`rebuilding a session: initialize answered ${init.status}`);
  const initialized = await session.transport.handleRequest(
    new Request(REBUILD_URL, {
      method: 'POST',
      headers: { ...headers, 'mcp-session-id': sessionId, 'mcp-protocol-version': protocolVersion },
    }),
    { parsedBody: { jsonrpc: '2.0', method: 'notifications/initialized' } },
  );
  if (initialized.status !== 202) throw new Error(`rebuilding a session: initialized answered ${initialized.status}`);
}

// The HTTP side of both MCP servers, on node:http: MCP Streamable HTTP at /mcp (POST, GET stream, DELETE) with
// stateful sessions, GET /health, and the guards in front of them, in this order: Host/Origin (403), API key
// (401, before any body byte is read), session id (404), body limit (413), JSON (400).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ServiceDefinition } from './service.js';
import { serverMetrics } from './metrics.js';
import { checkApiKey } from './api-key.js';
import { allowedHostnames, rebindingRefusal } from './host-guard.js';
import { discardRest, readJsonBody } from './request-body.js';
import { SessionStore, type SessionHandle } from './session-store.js';
import { describeRpc, formatRequestLog } from './request-log.js';
import { healthBody } from './health.js';
import { HealthProbeLog } from './probe-log.js';
import { cacheToolsList, type ToolsListCache } from './tools-list-cache.js';
import { loadSdkKit, type SdkKit } from './sdk-kit.js';
import {
  jsonRpcError,
  sendJson,
  RPC_INTERNAL_ERROR,
  RPC_PARSE_ERROR,
  RPC_SERVER_ERROR,
  RPC_SESSION_NOT_FOUND,
} from './http-json.js';

export interface McpHttpOptions {
  host: string;
  /** 0 = any free port. */
  port: number;
  /** null = no auth (run.ts allows that on loopback hosts only). */
  apiKey: string | null;
  /** Open sessions kept at most; the least recently used is closed to make room. Default 100. */
  maxSessions?: number;
  /** A session no request touched for this long is closed. Default 30 minutes. */
  sessionIdleMs?: number;
  /** Default 1 MB. */
  bodyLimitBytes?: number;
  /** Host names accepted in Host/Origin besides loopback names and the bound host (e.g. a reverse proxy's). */
  allowedHosts?: string[];
  /** Where the per-request lines go. Default: stdout. */
  log?: (line: string) => void;
}

export interface RunningMcpServer {
  /** http://127.0.0.1:PORT (or the bound host when it is not a wildcard). */
  url: string;
  port: number;
  sessionCount(): number;
  /** /health answers so far (they are counted, not logged one per line). */
  healthProbes(): number;
  /** Stops accepting, closes every session, waits (briefly) for running requests, frees the port. */
  close(): Promise<void>;
}

const DEFAULT_MAX_SESSIONS = 100;
const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** After an early answer, what a client may still send before its connection is cut. */
const DISCARD_LIMIT = 8 * 1024 * 1024;
/** How long close() lets running requests finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 2_000;

interface Session extends SessionHandle {
  transport: StreamableHTTPServerTransport;
}

interface RequestInfo {
  rpcMethod: string | null;
  tool: string | null;
}

export async function startMcpHttpServer(def: ServiceDefinition, options: McpHttpOptions): Promise<RunningMcpServer> {
  const startedAt = Date.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const allowed = allowedHostnames(options.host, options.allowedHosts);
  const sessions = new SessionStore<Session>({
    maxSessions: Math.max(1, options.maxSessions ?? DEFAULT_MAX_SESSIONS),
    idleMs,
    onEvict: (_id, reason) => {
      log(`session closed (${reason === 'idle' ? 'idle timeout' : 'session cap reached'})`);
      syncSessionMetric();
    },
  });
  let closing = false;
  const toolsList: ToolsListCache = {};
  const probes = new HealthProbeLog();

  function syncSessionMetric(): void {
    serverMetrics.openSessions = sessions.size;
  }

  async function openSession(kit: SdkKit, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const mcp = await def.createMcpServer();
    cacheToolsList(mcp, toolsList);
    let closed = false;
    const session: Session = {
      transport: new kit.StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: true,
        onsessioninitialized: (id) => {
          sessions.add(id, session);
          syncSessionMetric();
        },
      }),
      close: async () => {
        if (closed) return;
        closed = true;
        await mcp.close().catch(() => {});
      },
    };
    const { transport } = session;
    transport.onclose = () => {
      closed = true;
      const id = transport.sessionId;
      if (id !== undefined && sessions.get(id) === session) {
        sessions.remove(id);
        syncSessionMetric();
      }
    };
    countToolErrors(transport);
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
    if (transport.sessionId === undefined || !sessions.has(transport.sessionId)) await session.close();
  }

  async function handleMcp(req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> {
    const refusal = rebindingRefusal(req.headers, allowed);
    if (refusal !== null) return earlyAnswer(req, res, 403, jsonRpcError(RPC_SERVER_ERROR, refusal));
    if (options.apiKey !== null) {
      const verdict = checkApiKey(req.headers, options.apiKey);
      if (verdict !== 'ok') {
        const message =
          verdict === 'wrong-scheme'
            ? 'Unauthorized: send the key as "x-api-key: KEY" or "Authorization: Bearer KEY"'
            : verdict === 'missing'
              ? 'Unauthorized: API key required'
              : 'Unauthorized: invalid API key';
        return earlyAnswer(req, res, 401, jsonRpcError(RPC_SERVER_ERROR, message), {
          'www-authenticate': 'Bearer realm="mcp"',
        });
      }
    }
    const method = req.method ?? 'GET';
    if (method !== 'POST' && method !== 'GET' && method !== 'DELETE') {
      return earlyAnswer(req, res, 405, jsonRpcError(RPC_SERVER_ERROR, 'Method not allowed'), {
        allow: 'GET, POST, DELETE',
      });
    }
    const header = req.headers['mcp-session-id'];
    const sessionId = typeof header === 'string' && header.length > 0 ? header : null;
    const session = sessionId === null ? undefined : sessions.get(sessionId);
    if (sessionId !== null && session === undefined) {
      return earlyAnswer(req, res, 404, jsonRpcError(RPC_SESSION_NOT_FOUND, 'Session not found'));
    }

    if (method !== 'POST') {
      if (session === undefined || sessionId === null) {
        return earlyAnswer(req, res, 400, jsonRpcError(RPC_SERVER_ERROR, 'Bad Request: Mcp-Session-Id header is required'));
      }
      return serveInSession(sessionId, session, req, res);
    }

    const body = await readJsonBody(req, bodyLimit);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      const limit = `${Math.round(bodyLimit / 1024)} KB`;
      return earlyAnswer(req, res, 413, jsonRpcError(RPC_SERVER_ERROR, `Payload too large: the limit is ${limit}`));
    }
    if (body.kind === 'invalid-json') {
      return sendJson(res, 400, jsonRpcError(RPC_PARSE_ERROR, 'Parse error: the body is not valid JSON'));
    }
    Object.assign(info, describeRpc(body.value));
    if (session !== undefined && sessionId !== null) return serveInSession(sessionId, session, req, res, body.value);
    const kit = await loadSdkKit();
    if (!kit.isInitializeRequest(body.value)) {
      return sendJson(
        res,
        400,
        jsonRpcError(RPC_SERVER_ERROR, 'Bad Request: no session; send an initialize request first'),
      );
    }
    return openSession(kit, req, res, body.value);
  }

  async function serveInSession(
    id: string,
    session: Session,
    req: IncomingMessage,
    res: ServerResponse,
    body?: unknown,
  ): Promise<void> {
    const done = sessions.begin(id);
    res.once('close', done);
    await session.transport.handleRequest(req, res, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = pathOf(req.url);
    const info: RequestInfo = { rpcMethod: null, tool: null };
    let probeState: string | null = null;
    serverMetrics.request();
    res.once('close', () => {
      const status = res.headersSent ? res.statusCode : 499;
      if (probeState !== null) {
        const line = probes.record(status, probeState);
        if (line !== null) log(line);
        return;
      }
      log(formatRequestLog({ method: req.method ?? '?', path, ...info, status, ms: performance.now() - started }));
    });
    try {
      if (closing) {
        return earlyAnswer(req, res, 503, jsonRpcError(RPC_SERVER_ERROR, 'Server is shutting down'), {
          connection: 'close',
        });
      }
      if (path === '/mcp') return await handleMcp(req, res, info);
      if (path === '/health') {
        const refusal = rebindingRefusal(req.headers, allowed);
        if (refusal !== null) return earlyAnswer(req, res, 403, { error: refusal });
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          return earlyAnswer(req, res, 405, { error: 'Method not allowed' }, { allow: 'GET, HEAD' });
        }
        const body = healthBody(def, startedAt, sessions.size);
        probeState = body.status;
        return sendJson(res, 200, body);
      }
      return earlyAnswer(req, res, 404, { error: 'Not found: the MCP endpoint is /mcp, the health check /health' });
    } catch (error) {
      log(`internal error: ${error instanceof Error ? error.name : 'unknown'}`);
      sendJson(res, 500, jsonRpcError(RPC_INTERNAL_ERROR, 'Internal error'));
    }
  }

  const server = createServer({ requestTimeout: 30_000 }, (req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const sweeper = setInterval(() => sessions.sweep(), Math.max(50, Math.min(idleMs / 2, 60_000)));
  sweeper.unref();
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      clearInterval(sweeper);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await sessions.closeAll();
      syncSessionMetric();
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await stopped;
      clearTimeout(cut);
    })();
    return closed;
  };

  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    sessionCount: () => sessions.size,
    healthProbes: () => probes.total,
    close,
  };
}

/** Answers before (or instead of) reading the body, then drops what the client still sends. */
function earlyAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, body, headers);
  discardRest(req, DISCARD_LIMIT);
}

/** Counts every failed tool result the session sends in the tool-errors metric. */
function countToolErrors(transport: StreamableHTTPServerTransport): void {
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage, sendOptions) => {
    if ('result' in message) {
      if ((message.result as { isError?: unknown }).isError === true) serverMetrics.toolError();
    }
    return send(message, sendOptions);
  };
}

/** The path for routing and the log: only the two known ones are named, anything else could carry a secret. */
function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path === '/mcp' || path === '/health' ? path : '(other)';
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

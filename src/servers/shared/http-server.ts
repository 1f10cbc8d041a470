// The HTTP side of both MCP servers, on node:http: MCP Streamable HTTP at /mcp (POST, GET stream, DELETE) with
// stateful sessions, GET /health, and the guards in front of them, in this order: Host/Origin (403), API key
// (401, before any body byte is read), session id (404 for an id this server never issued), body limit (413),
// JSON (400), tool-call rate limit (429). A session id the server issued but does not hold (restart, reload, cap
// eviction, another cluster worker) is rebuilt from the id itself (session-ids.ts, mcp-session.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash, randomBytes } from 'node:crypto';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ServiceDefinition } from './service.js';
import type { ServerMetrics } from './metrics.js';
import { checkApiKey } from '../../shared/api-key.js';
import { allowedHostnames, rebindingRefusal } from '../../shared/host-guard.js';
import { discardRest, readJsonBody } from './request-body.js';
import { SessionStore } from './session-store.js';
import { createSessionIds, deriveSessionKey } from './session-ids.js';
import { createMcpSession, initializeRebuiltSession, type McpSession } from './mcp-session.js';
import { RateLimiter } from './rate-limit.js';
import { DEFAULT_RATE_LIMIT } from './run-config.js';
import { takeInternalError } from './internal-error.js';
import { describeRpc, formatRequestLog } from './request-log.js';
import { healthBody } from './health.js';
import { HealthProbeLog } from './probe-log.js';
import { kitAnswer, type KitAnswerSources } from './kit-answers.js';
import { toolsListResult, type ToolCatalogServer } from './tool-catalog.js';
import { ALL_TOOLS, applyToolFilter, switchedOffMessage, type ToolFilter, type ToolsReport } from './tool-filter.js';
import { toolFailure } from './tool-result.js';
import { loadSdkKit, type SdkKit } from './sdk-kit.js';
import { DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_SUBSCRIPTION_POLL_MS, enableResourceSubscriptions } from './resource-subscriptions.js';
import {
  jsonRpcError,
  sendJson,
  writeJsonHead,
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
  /** Where internal tool errors go (the tool's name, the error, its stack). Default: stderr. */
  errorLog?: (line: string) => void;
  /**
   * The secret session ids are authenticated with (session-ids.ts). Default: derived from apiKey; without a key, a
   * random one for this process only (run.ts gives a key file's secret then, so ids survive restarts).
   */
  sessionSecret?: string | Buffer;
  /** Tool calls per second per API key, and the burst; null = no limit. Default 10/s, burst 40. */
  rateLimit?: { ratePerSecond: number; burst: number } | null;
  /** Which tools are on (MCP_ENABLED_TOOLS, MCP_READ_ONLY). Default: all. */
  toolFilter?: ToolFilter;
  /** How often a subscribed resource is read again (MCP_SUBSCRIPTION_POLL_S). Default 60 s. */
  subscriptionPollMs?: number;
  /** Resource subscriptions one session may hold. Default 20. */
  maxSubscriptions?: number;
  /**
   * Whether other processes go on serving this port while this one stops: a PM2 cluster worker (the primary holds
   * the listening socket). Then close() lets idle keep-alive connections end as they would while running (the
   * client drops one on the Keep-Alive hint, or it expires) instead of cutting them: a call a client sends on one
   * just as it is cut is lost. Alone on the port, nothing else could serve the client's next call, so they are cut.
   * Default: false (run.ts says cluster.isWorker).
   */
  drainIdleConnections?: boolean;
  /** How long an idle keep-alive connection is kept, and told in Keep-Alive: timeout. Default 5 s (Node's). */
  keepAliveMs?: number;
}

export interface RunningMcpServer {
  /** http://127.0.0.1:PORT (or the bound host when it is not a wildcard). */
  url: string;
  port: number;
  /** The service's counters (ServiceDefinition.metrics). */
  metrics: ServerMetrics;
  sessionCount(): number;
  /** Sessions rebuilt from their id so far (the server had not opened them, or had closed them). */
  rebuiltSessions(): number;
  /** /health answers so far (they are counted, not logged one per line). */
  healthProbes(): number;
  /**
   * Closes the sessions no request touched for idleMs (nothing running, no open stream), as the idle TTL would;
   * their ids still work (rebuilt on the next request). Returns how many were closed.
   */
  closeIdleSessions(idleMs: number): number;
  /** Builds the tool list once, so /health can name the tools that are on before the first session. */
  loadTools(): Promise<void>;
  /** Stops accepting, closes every session, waits (briefly) for running requests, frees the port. */
  close(): Promise<void>;
}

const DEFAULT_MAX_SESSIONS = 100;
const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Ids closed by DELETE, remembered (per process, bounded) so that a terminated session is not rebuilt. */
const TERMINATED_IDS_KEPT = 10_000;
/** After an early answer, what a client may still send before its connection is cut. */
const DISCARD_LIMIT = 8 * 1024 * 1024;
/** How long close() lets running requests finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 2_000;
/** While stopping: how long the answers to unfinished calls get to reach the clients before connections are cut. */
const SHUTDOWN_FLUSH_MS = 300;
/**
 * While stopping: once no request came for this long (and at least this long after the port was let go), the
 * connections left idle are closed, or drained. A cluster worker must not exit sooner: the primary may just have
 * handed it a connection, which it sends back (to another worker) only while alive.
 */
const SHUTDOWN_QUIET_MS = 250;
const DEFAULT_KEEP_ALIVE_MS = 5_000;

interface Session extends McpSession {
  /** Request ids of tools/call messages being served, to the log entry of their HTTP request. */
  pendingToolCalls: Map<string | number, RequestInfo>;
  /** POSTs served, and running now (for recycling, below). */
  posts: { served: number; running: number };
}

/**
 * A session is replaced by a fresh one (rebuilt from its id on its next request) after this many POSTs: in
 * JSON-response mode the SDK 1.32 transport keeps one entry, holding the whole answer, per request for the life of
 * the session (typescript-sdk#2559, open on v1.x). A busy session grew ~20 KB per tools/list, past
 * max_memory_restart; recycled, it holds at most this many.
 */
const RECYCLE_AFTER_POSTS = 100;

interface RequestInfo {
  rpcMethod: string | null;
  tool: string | null;
  /** The tool call's outcome once answered: ok, error (an isError result), internal-error, rpc-error. */
  outcome: string | null;
}

export async function startMcpHttpServer(def: ServiceDefinition, options: McpHttpOptions): Promise<RunningMcpServer> {
  const startedAt = Date.now();
  const metrics = def.metrics;
  const log = options.log ?? ((line: string) => console.log(line));
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const allowed = allowedHostnames(options.host, options.allowedHosts);
  const errorLog = options.errorLog ?? ((line: string) => console.error(line));
  const ids = createSessionIds(
    deriveSessionKey(options.sessionSecret ?? options.apiKey ?? randomBytes(32), def.name),
  );
  const limits = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const limiter = limits === null ? null : new RateLimiter(limits);
  const sessions = new SessionStore<Session>({
    maxSessions: Math.max(1, options.maxSessions ?? DEFAULT_MAX_SESSIONS),
    idleMs,
    onEvict: (_id, reason) => {
      log(`session closed (${reason === 'idle' ? 'idle timeout' : 'session cap reached'})`);
      syncSessionMetric();
    },
  });
  const rebuilding = new Map<string, Promise<Session>>();
  const terminated = new Set<string>();
  let rebuilt = 0;
  let closing = false;
  /** Responses not finished yet: a stop tells their clients to reconnect (Connection: close). */
  const active = new Set<ServerResponse>();
  /** The JSON-RPC request ids of each running POST, to answer them if the process stops before they finish. */
  const requestIds = new WeakMap<ServerResponse, (string | number)[]>();
  let lastRequestAt = 0;
  const toolFilter = options.toolFilter ?? ALL_TOOLS;
  let toolsReport: ToolsReport | null = null;
  let switchedOff = new Set<string>();
  const kitSources: KitAnswerSources = {
    toolsListJson: undefined,
    switchedOff: (tool) => (switchedOff.has(tool) ? toolFailure(switchedOffMessage(tool, toolFilter)) : null),
  };
  const probes = new HealthProbeLog();

  function syncSessionMetric(): void {
    metrics.openSessions = sessions.size;
  }

  /** Switches off the tools the filter leaves out; the first time, also builds the report and tools/list. */
  function filterTools(mcp: ToolCatalogServer): void {
    const report = applyToolFilter(mcp, toolFilter);
    if (toolsReport !== null) return;
    toolsReport = report;
    switchedOff = new Set(report.disabled);
    kitSources.toolsListJson = JSON.stringify(toolsListResult(mcp.registeredTools));
  }

  async function newSession(kit: SdkKit, id: string): Promise<Session> {
    const mcp = await def.createMcpServer();
    filterTools(mcp);
    const subscriptions = enableResourceSubscriptions(kit, mcp, {
      pollMs: options.subscriptionPollMs ?? DEFAULT_SUBSCRIPTION_POLL_MS,
      maxPerSession: options.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS,
      log: (line) => errorLog(`${def.name}: ${line}`),
    });
    const pendingToolCalls = new Map<string | number, RequestInfo>();
    const self: { session?: Session } = {};
    const base = await createMcpSession(kit, mcp, id, {
      onSend: (message) => recordToolOutcome(message, pendingToolCalls),
      onClose: () => {
        subscriptions?.stop();
        if (self.session !== undefined && sessions.get(id) === self.session) {
          sessions.remove(id);
          syncSessionMetric();
        }
      },
    });
    const session = Object.assign(base, { pendingToolCalls, posts: { served: 0, running: 0 } });
    self.session = session;
    return session;
  }

  /** Counts failed tool results, logs internal ones with the tool's name, notes the outcome for the request log. */
  function recordToolOutcome(message: JSONRPCMessage, pending: Map<string | number, RequestInfo>): void {
    const id = 'id' in message ? message.id : undefined;
    const info = id === undefined ? undefined : pending.get(id);
    if (id !== undefined) pending.delete(id);
    if (info) metrics.toolCall(); // only tools/call ids are pending
    if ('result' in message) {
      const result = message.result as { isError?: unknown };
      if (result.isError !== true) {
        if (info) info.outcome = 'ok';
        return;
      }
      metrics.toolError();
      const internal = takeInternalError(result);
      if (info) info.outcome = internal ? 'internal-error' : 'error';
      if (internal) {
        const tool = info?.tool ?? '?';
        metrics.internalError(tool, internal.name);
        errorLog(`${def.name}: tool ${tool} failed inside the server: ${internal.stack ?? `${internal.name}: ${internal.message}`}`);
      }
    } else if ('error' in message && info) {
      info.outcome = 'rpc-error';
    }
  }

  async function openSession(kit: SdkKit, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const id = ids.issue();
    const session = await newSession(kit, id);
    await session.handle(req, res, body);
    if (session.transport.sessionId === id) {
      sessions.add(id, session);
      syncSessionMetric();
    } else {
      await session.close();
    }
  }

  /** The session for an id this server issued but does not hold: built again, initialized from inside. */
  function rebuildSession(id: string, protocolHeader: string | undefined): Promise<Session> {
    let pending = rebuilding.get(id);
    if (pending === undefined) {
      pending = (async () => {
        const kit = await loadSdkKit();
        const version =
          protocolHeader !== undefined && kit.supportedProtocolVersions.includes(protocolHeader)
            ? protocolHeader
            : kit.latestProtocolVersion;
        const session = await newSession(kit, id);
        try {
          await initializeRebuiltSession(session, id, version);
        } catch (error) {
          await session.close();
          throw error;
        }
        sessions.add(id, session);
        rebuilt += 1;
        syncSessionMetric();
        return session;
      })().finally(() => rebuilding.delete(id));
      rebuilding.set(id, pending);
    }
    return pending;
  }

  /** The session a request names: held, rebuilt, or null when the id is not one this server issued (404). */
  async function sessionFor(id: string, req: IncomingMessage): Promise<Session | null> {
    const held = sessions.get(id);
    if (held !== undefined) return held;
    if (terminated.has(id) || !ids.verify(id)) return null;
    const header = req.headers['mcp-protocol-version'];
    return rebuildSession(id, typeof header === 'string' ? header : undefined);
  }

  function rememberTerminated(id: string): void {
    terminated.add(id);
    if (terminated.size > TERMINATED_IDS_KEPT) terminated.delete(terminated.values().next().value!);
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
    if (sessionId !== null && (terminated.has(sessionId) || (!sessions.has(sessionId) && !ids.verify(sessionId)))) {
      return earlyAnswer(req, res, 404, jsonRpcError(RPC_SESSION_NOT_FOUND, 'Session not found'));
    }

    if (method !== 'POST') {
      if (sessionId === null) {
        return earlyAnswer(req, res, 400, jsonRpcError(RPC_SERVER_ERROR, 'Bad Request: Mcp-Session-Id header is required'));
      }
      if (method === 'DELETE') rememberTerminated(sessionId);
      if (method === 'DELETE' && !sessions.has(sessionId)) return earlyAnswer(req, res, 200, null);
      const session = await sessionFor(sessionId, req);
      if (session === null) return earlyAnswer(req, res, 404, jsonRpcError(RPC_SESSION_NOT_FOUND, 'Session not found'));
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
    requestIds.set(res, rpcRequestIds(body.value));
    const toolCalls = toolCallIds(body.value);
    if (limiter !== null && toolCalls.length > 0) {
      const decision = limiter.take(rateKey(req), toolCalls.length);
      if (!decision.ok) return refuseOverLimit(res, body.value, decision.retryAfterMs, limits!, metrics);
    }
    if (sessionId !== null) {
      const session = await sessionFor(sessionId, req);
      if (session === null) return sendJson(res, 404, jsonRpcError(RPC_SESSION_NOT_FOUND, 'Session not found'));
      for (const id of toolCalls) session.pendingToolCalls.set(id, info);
      const answer = kitAnswer(body.value, req.headers, kitSources, (await loadSdkKit()).supportedProtocolVersions);
      if (answer !== null) {
        if (answer.toolResult) recordToolOutcome({ jsonrpc: '2.0', id: answer.id, result: answer.toolResult } as JSONRPCMessage, session.pendingToolCalls);
        return answerInSession(sessionId, res, answer.json);
      }
      return serveInSession(sessionId, session, req, res, body.value);
    }
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
    const post = req.method === 'POST';
    if (post) session.posts.running += 1;
    res.once('close', () => {
      done();
      if (!post) return;
      session.posts.running -= 1;
      session.posts.served += 1;
      if (session.posts.served >= RECYCLE_AFTER_POSTS && session.posts.running === 0 && sessions.get(id) === session) {
        sessions.remove(id);
        void session.close();
      }
    });
    await session.handle(req, res, body);
  }

  /** An answer the kit gives itself (kit-answers.ts), written as the SDK transport would write it. */
  function answerInSession(id: string, res: ServerResponse, json: string): void {
    const done = sessions.begin(id);
    res.once('close', done);
    res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': id, 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  /** The rate-limit bucket of a request: its API key (as a digest), or one bucket for all without a key. */
  function rateKey(req: IncomingMessage): string {
    if (options.apiKey === null) return 'no-key';
    const presented = req.headers['x-api-key'] ?? req.headers.authorization ?? '';
    return createHash('sha256').update(String(presented)).digest('base64url');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = pathOf(req.url);
    const info: RequestInfo = { rpcMethod: null, tool: null, outcome: null };
    let probeState: string | null = null;
    metrics.request();
    active.add(res);
    lastRequestAt = Date.now();
    res.once('close', () => {
      active.delete(res);
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
        // A request on a connection opened before the stop is served (its session can be rebuilt anywhere), and the
        // client is told to reconnect, so its next request reaches the next process or another worker. Only a new
        // GET stream is refused: the client opens it again there.
        res.setHeader('connection', 'close');
        if (path === '/mcp' && req.method === 'GET') {
          return earlyAnswer(req, res, 503, jsonRpcError(RPC_SERVER_ERROR, 'Server is shutting down'), {
            'retry-after': '1',
          });
        }
      }
      if (path === '/mcp') return await handleMcp(req, res, info);
      if (path === '/health') {
        const refusal = rebindingRefusal(req.headers, allowed);
        if (refusal !== null) return earlyAnswer(req, res, 403, { error: refusal });
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          return earlyAnswer(req, res, 405, { error: 'Method not allowed' }, { allow: 'GET, HEAD' });
        }
        const body = healthBody(def, startedAt, { open: sessions.size, rebuilt }, toolsReport);
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
  const keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  server.keepAliveTimeout = keepAliveMs;
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
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

  /** Calls still running get an answer, never a cut connection: a JSON-RPC error saying to retry. */
  async function answerRunningCalls(): Promise<void> {
    for (const res of active) answerUnfinished(res, requestIds.get(res) ?? []);
    const flushed = Date.now() + SHUTDOWN_FLUSH_MS;
    while (active.size > 0 && Date.now() < flushed) await sleep(10);
  }

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      const stoppingAt = Date.now();
      clearInterval(sweeper);
      // Stop listening, keeping open connections: http.Server.close() would also cut idle keep-alive connections at
      // once, and a request a client is just sending on one would be lost (a rolling reload must cost no call).
      const stopped = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      for (const session of sessions.handles()) session.dropStream();
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      const deadline = stoppingAt + SHUTDOWN_GRACE_MS;
      const settled = () =>
        Date.now() >= deadline ||
        (active.size === 0 && Date.now() - Math.max(lastRequestAt, stoppingAt) >= SHUTDOWN_QUIET_MS);
      while (!settled()) await sleep(20);
      if (!options.drainIdleConnections) server.closeIdleConnections();
      while (active.size > 0 && Date.now() < deadline) await sleep(20);
      await answerRunningCalls();
      if (options.drainIdleConnections) {
        // Each connection ends after its next answer (connection: close), when its client drops it, or when it
        // expires as while running; a request on one meanwhile is served.
        const drained = stoppingAt + keepAliveMs + SHUTDOWN_QUIET_MS;
        while (connections.size > 0 && Date.now() < drained) await sleep(20);
        await answerRunningCalls();
      }
      await sessions.closeAll();
      syncSessionMetric();
      server.closeAllConnections();
      await stopped;
    })();
    return closed;
  };

  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    metrics,
    sessionCount: () => sessions.size,
    rebuiltSessions: () => rebuilt,
    healthProbes: () => probes.total,
    closeIdleSessions(idleMs) {
      const closed = sessions.sweep(Math.max(0, idleMs));
      syncSessionMetric();
      return closed;
    },
    async loadTools() {
      if (toolsReport) return;
      const mcp = await def.createMcpServer();
      filterTools(mcp);
      await mcp.close();
    },
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
  if (req.complete || req.readableEnded) {
    sendJson(res, status, body, headers);
    discardRest(req, DISCARD_LIMIT);
    return;
  }
  // The client is still sending. Write the whole answer now but end the response (and so the connection) only once
  // the rest of its body has arrived and been dropped: closing a connection with unread data in it makes TCP send a
  // reset, and a client that said `Connection: close` would lose the answer before reading it.
  writeJsonHead(res, status, body, { connection: 'close', ...headers });
  discardRest(req, DISCARD_LIMIT, () => res.end());
}

/** The ids of the JSON-RPC requests (not notifications) in a body. */
function rpcRequestIds(body: unknown): (string | number)[] {
  const ids: (string | number)[] = [];
  for (const message of Array.isArray(body) ? body : [body]) {
    const id = (message as { id?: unknown; method?: unknown } | null)?.id;
    if (typeof (message as { method?: unknown } | null)?.method === 'string' && (typeof id === 'string' || typeof id === 'number')) {
      ids.push(id);
    }
  }
  return ids;
}

/**
 * The answer to a POST the stopping process could not finish in its grace time: 503 with Retry-After and a JSON-RPC
 * error per request id, so the client reads "retry" instead of meeting a dropped connection.
 */
function answerUnfinished(res: ServerResponse, ids: (string | number)[]): void {
  if (res.headersSent) return;
  const error = {
    code: RPC_SERVER_ERROR,
    message:
      'Server is restarting and could not finish this request: retry it (for a tool that writes, check first ' +
      'whether the change was made).',
  };
  const answers = ids.map((id) => ({ jsonrpc: '2.0', id, error }));
  const body = answers.length === 1 ? answers[0] : answers.length > 1 ? answers : { jsonrpc: '2.0', id: null, error };
  sendJson(res, 503, body, { 'retry-after': '1', connection: 'close' });
}

/** The ids of the tools/call requests in a JSON-RPC message or batch. */
function toolCallIds(body: unknown): (string | number)[] {
  const ids: (string | number)[] = [];
  for (const message of Array.isArray(body) ? body : [body]) {
    if (typeof message !== 'object' || message === null) continue;
    const { method, id } = message as { method?: unknown; id?: unknown };
    if (method === 'tools/call' && (typeof id === 'string' || typeof id === 'number')) ids.push(id);
  }
  return ids;
}

/** 429 with Retry-After (whole seconds, at least 1) and a JSON-RPC error naming the limit. */
function refuseOverLimit(
  res: ServerResponse,
  body: unknown,
  retryAfterMs: number,
  limits: { ratePerSecond: number; burst: number },
  metrics: ServerMetrics,
): void {
  metrics.rateLimitRefusal();
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const single = !Array.isArray(body) && typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : null;
  const message =
    `Rate limit exceeded: at most ${limits.ratePerSecond} tool calls per second (burst ${limits.burst}) per API key. ` +
    `Retry after ${seconds} s.`;
  const error = jsonRpcError(RPC_SERVER_ERROR, message);
  sendJson(res, 429, { ...error, id: typeof single === 'string' || typeof single === 'number' ? single : null }, {
    'retry-after': String(seconds),
  });
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

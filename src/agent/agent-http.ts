// The agent's HTTP endpoints: GET /metrics (Prometheus text), /health, /history and /alerts (JSON). The Host (and
// Origin) check always applies, the API key whenever one is set: the same guards as the MCP servers (src/shared).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { checkApiKey } from '../shared/api-key.js';
import { allowedHostnames, rebindingRefusal } from '../shared/host-guard.js';

export interface AgentRoutes {
  metrics(): Promise<{ contentType: string; body: string }>;
  health(): unknown;
  history(): unknown;
  alerts(): unknown;
}

export interface AgentHttpOptions {
  host: string;
  allowedHosts: readonly string[];
  apiKey: string | null;
  routes: AgentRoutes;
  onError?: (what: string) => void;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`, extra);
}

export function createAgentHttpServer(options: AgentHttpOptions): Server {
  const allowed = allowedHostnames(options.host, options.allowedHosts);
  const { routes } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = rebindingRefusal(req.headers, allowed);
    if (refusal !== null) return sendJson(res, 403, { error: refusal });
    if (options.apiKey !== null) {
      const verdict = checkApiKey(req.headers, options.apiKey);
      if (verdict !== 'ok') {
        return sendJson(res, 401, { error: verdict === 'missing' ? 'Unauthorized: API key required' : 'Unauthorized: invalid API key' }, {
          'www-authenticate': 'Bearer realm="gakuco-monit"',
        });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' }, { allow: 'GET, HEAD' });
    const path = (req.url ?? '/').split('?')[0];
    switch (path) {
      case '/metrics': {
        const { contentType, body } = await routes.metrics();
        return send(res, 200, contentType, body);
      }
      case '/health':
        return sendJson(res, 200, routes.health());
      case '/history':
        return sendJson(res, 200, routes.history());
      case '/alerts':
        return sendJson(res, 200, routes.alerts());
      case '/':
        return send(res, 200, 'text/plain; charset=utf-8', 'gakuco-monit agent: /metrics /health /history /alerts\n');
      default:
        return sendJson(res, 404, { error: 'Not found: /metrics, /health, /history, /alerts' });
    }
  };
  const server = createServer((req, res) => {
    req.resume();
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error instanceof Error ? error.name : 'error');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return server;
}

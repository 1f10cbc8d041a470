// The port check of one service: does 127.0.0.1:PORT accept a TCP connection (and how fast), and what does
// GET /health answer. Never reports a response body (it could hold a secret): only a status and a short reason.
import { connect } from 'node:net';
import type { PortCheck } from './types.js';

export interface ProbeOptions {
  host?: string;
  connectTimeoutMs?: number;
  healthTimeoutMs?: number;
  healthPath?: string;
}

export function pendingPortCheck(port: number): PortCheck {
  return {
    port,
    checkedAt: 0,
    listening: null,
    connectMs: null,
    health: 'pending',
    healthMs: null,
    healthDetail: null,
    upstreamConfigured: null,
    conflict: null,
  };
}

/** Milliseconds to open a TCP connection, or null when it is refused or times out. */
export function tcpConnect(port: number, host: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ port, host });
    const done = (ms: number | null): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ms);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.once('connect', () => done(Math.round((performance.now() - started) * 10) / 10));
    socket.once('error', () => done(null));
  });
}

export interface HealthResult {
  health: 'ok' | 'degraded' | 'failed' | 'none';
  healthMs: number | null;
  healthDetail: string | null;
  upstreamConfigured: boolean | null;
}

const MAX_HEALTH_BODY = 64 * 1024;

/** Reads `upstream.configured` from a /health JSON body when it is a boolean there. */
export function upstreamConfiguredOf(body: string): boolean | null {
  try {
    const parsed = JSON.parse(body) as { upstream?: { configured?: unknown } } | null;
    const configured = parsed?.upstream?.configured;
    return typeof configured === 'boolean' ? configured : null;
  } catch {
    return null;
  }
}

/** True when a /health JSON body says `"status": "degraded"` (the service answers, but cannot do its work). */
export function saysDegraded(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { status?: unknown } | null;
    return typeof parsed?.status === 'string' && parsed.status.toLowerCase() === 'degraded';
  } catch {
    return false;
  }
}

export async function checkHealth(port: number, host: string, path: string, timeoutMs: number): Promise<HealthResult> {
  // node:http is loaded at the first check, not with the bridge: the monitor's first frame does not wait for it.
  const { request } = await import('node:http');
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const finish = (result: Omit<HealthResult, 'healthMs'>, timed = true): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...result, healthMs: timed ? Math.round((performance.now() - started) * 10) / 10 : null });
    };
    const req = request({ host, port, path, method: 'GET', agent: false, headers: { connection: 'close', accept: 'application/json' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 404) {
        res.resume();
        finish({ health: 'none', healthDetail: null, upstreamConfigured: null });
        return;
      }
      if (status !== 200) {
        res.resume();
        finish({ health: 'failed', healthDetail: `HTTP ${status}`, upstreamConfigured: null });
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > MAX_HEALTH_BODY) finish({ health: 'ok', healthDetail: null, upstreamConfigured: null });
      });
      res.on('end', () => {
        const degraded = saysDegraded(body);
        finish({ health: degraded ? 'degraded' : 'ok', healthDetail: degraded ? 'degraded' : null, upstreamConfigured: upstreamConfiguredOf(body) });
      });
      res.on('error', () => finish({ health: 'ok', healthDetail: null, upstreamConfigured: null }));
    });
    const timer = setTimeout(() => finish({ health: 'failed', healthDetail: 'timeout', upstreamConfigured: null }, false), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Something that is not HTTP answered (parse error, or it hung up): the port has no /health.
      if (error.code?.startsWith('HPE_') || error.code === 'ECONNRESET' || error.code === 'EPIPE') {
        finish({ health: 'none', healthDetail: null, upstreamConfigured: null });
      } else {
        finish({ health: 'failed', healthDetail: error.code ?? 'error', upstreamConfigured: null });
      }
    });
    req.end();
  });
}

/** One full check of a port (without the owner lookup, see port-owner.ts). */
export async function probePort(port: number, options: ProbeOptions = {}): Promise<PortCheck> {
  const host = options.host ?? '127.0.0.1';
  const connectMs = await tcpConnect(port, host, options.connectTimeoutMs ?? 1000);
  const checkedAt = Date.now();
  if (connectMs === null) {
    return { ...pendingPortCheck(port), checkedAt, listening: false, health: 'failed', healthDetail: 'not listening' };
  }
  const health = await checkHealth(port, host, options.healthPath ?? '/health', options.healthTimeoutMs ?? 1500);
  return { port, checkedAt, listening: true, connectMs, ...health, conflict: null };
}

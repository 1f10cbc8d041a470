// Port checks against real servers on 127.0.0.1 (ports chosen by the OS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { findPortConflict, findPortOwner, isSelfOrDescendant, parseListeningInodes } from '../../src/pm2-bridge/port-owner.js';
import { probePort } from '../../src/pm2-bridge/probe.js';
import { freePort } from './support.js';

const servers: Array<Server | HttpServer> = [];
const sockets = new Set<Socket>();
function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  servers.push(server);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

let healthy: number;
let failing: number;
let noHealth: number;
let notHttp: number;
let silent: number;
let degraded: number;

beforeAll(async () => {
  healthy = await listen(createHttpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', upstream: { configured: false } }));
  }));
  failing = await listen(createHttpServer((req, res) => {
    res.writeHead(503);
    res.end('token=do-not-show');
  }));
  noHealth = await listen(createHttpServer((req, res) => {
    res.writeHead(404);
    res.end();
  }));
  notHttp = await listen(createServer((socket) => socket.end('SSH-2.0-OpenSSH\r\n')));
  silent = await listen(createServer((socket) => socket.resume()));
  degraded = await listen(createHttpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'degraded', upstream: { configured: true } }));
  }));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('probePort', () => {
  it('reports a 200 /health that says "degraded" as degraded, not ok', async () => {
    const check = await probePort(degraded, { host: '127.0.0.1' });
    expect(check).toMatchObject({ listening: true, health: 'degraded', healthDetail: 'degraded', upstreamConfigured: true });
  });
  it('reports a healthy /health with latency and upstream state', async () => {
    const check = await probePort(healthy);
    expect(check).toMatchObject({ port: healthy, listening: true, health: 'ok', upstreamConfigured: false, healthDetail: null });
    expect(check.connectMs).toBeGreaterThanOrEqual(0);
    expect(check.healthMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a failing /health by status only, never the body', async () => {
    const check = await probePort(failing);
    expect(check).toMatchObject({ listening: true, health: 'failed', healthDetail: 'HTTP 503' });
    expect(JSON.stringify(check)).not.toContain('do-not-show');
  });

  it("says 'none' for a 404 and for a server that does not speak HTTP", async () => {
    expect((await probePort(noHealth)).health).toBe('none');
    expect((await probePort(notHttp)).health).toBe('none');
  });

  it('times out a server that never answers', async () => {
    const check = await probePort(silent, { healthTimeoutMs: 300 });
    expect(check).toMatchObject({ listening: true, health: 'failed', healthDetail: 'timeout' });
  });

  it('reports a closed port as not listening', async () => {
    const port = await freePort();
    expect(await probePort(port)).toMatchObject({ listening: false, connectMs: null, health: 'failed' });
  });
});

describe('port owner (Linux /proc)', () => {
  it('parses listening sockets out of /proc/net/tcp', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:0BB9 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345 1 0',
      '   1: 0100007F:0BB9 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 23456 1 0',
      '   2: 00000000:0BBA 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 34567 1 0',
    ].join('\n');
    expect(parseListeningInodes(table, 3001)).toEqual(['12345']);
    expect(parseListeningInodes(table, 3002)).toEqual(['34567']);
    expect(parseListeningInodes(table, 3003)).toEqual([]);
  });

  it('finds this process holding a port it listens on', async () => {
    const owner = await findPortOwner(healthy);
    expect(owner?.pid).toBe(process.pid);
    expect(owner?.command).toContain('node');
    expect(await findPortOwner(await freePort())).toBeNull();
  });

  it('is a conflict only when the holder is not the service or its descendant', async () => {
    expect(await findPortConflict(healthy, { pid: process.pid, execMode: 'fork' }, null)).toBeNull();
    expect(await findPortConflict(healthy, { pid: process.ppid, execMode: 'fork' }, null)).toBeNull(); // our parent's child
    expect(await findPortConflict(healthy, { pid: 0, execMode: 'fork' }, null)).toMatchObject({ pid: process.pid });
    expect(await findPortConflict(healthy, { pid: 0, execMode: 'cluster' }, process.pid)).toBeNull(); // cluster primary
  });

  it('walks parent links', () => {
    const parents = new Map([[30, 20], [20, 10], [10, 1]]);
    expect(isSelfOrDescendant(30, 10, parents)).toBe(true);
    expect(isSelfOrDescendant(10, 30, parents)).toBe(false);
    expect(isSelfOrDescendant(10, 10, parents)).toBe(true);
  });
});

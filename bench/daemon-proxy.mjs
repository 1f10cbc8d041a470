// A PM2 home that counts what a monitor asks of the daemon: its rpc.sock and pub.sock are proxies to a real home's
// sockets, every other entry a symlink to the real one. Each RPC request frame is decoded (pm2's own amp parser) and
// counted by method, with the bytes of its answer; raw connections (pings, connect-and-close checks) and bus
// connections are counted too. Nothing of the daemon is patched: a monitor pointed at this home (PM2_HOME, or
// --pm2-home) talks to the real daemon through it. Used by bench/daemon-calls.mjs and the daemon-call test.
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const pm2Dir = join(require.resolve('pm2/package.json'), '..');
const AmpStream = require(require.resolve('amp', { paths: [join(pm2Dir, 'modules', 'pm2-axon')] })).Stream;
const Message = require(require.resolve('amp-message', { paths: [join(pm2Dir, 'modules', 'pm2-axon')] }));

/** The proxy's sockets; everything else in the home is linked. */
const SOCKETS = new Set(['rpc.sock', 'pub.sock']);

function emptyCounts() {
  return { rpcConnections: 0, busConnections: 0, calls: {}, replyBytes: {}, busBytes: 0 };
}

/** Pipes `client` to `target` (a socket path), calling `tap(side, chunk)` on what goes each way. */
function relay(client, target, tap) {
  const upstream = connect(target);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end).on('close', end);
  upstream.on('error', end).on('close', end);
  client.on('data', (chunk) => {
    tap('request', chunk);
    upstream.write(chunk);
  });
  upstream.on('data', (chunk) => {
    tap('reply', chunk);
    client.write(chunk);
  });
}

/**
 * Starts the proxy home for `realHome`; resolves { home, counts(), reset(), close() }. counts() is a copy of what
 * was seen since the start or the last reset(): calls and reply bytes by method, connections of each socket.
 */
export async function startDaemonProxy(realHome) {
  const home = mkdtempSync(join(tmpdir(), 'gakuco-proxy-'));
  for (const name of readdirSync(realHome)) if (!SOCKETS.has(name)) symlinkSync(join(realHome, name), join(home, name));
  let counts = emptyCounts();
  const open = new Set();

  const rpc = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    counts.rpcConnections += 1;
    const methodsById = new Map();
    const requests = new AmpStream();
    const replies = new AmpStream();
    requests.on('data', (frame) => {
      const [body, id] = new Message(frame).args;
      const method = body && typeof body === 'object' ? String(body.method ?? body.type) : '?';
      counts.calls[method] = (counts.calls[method] ?? 0) + 1;
      methodsById.set(id, method);
    });
    replies.on('data', (frame) => {
      const args = new Message(frame).args;
      const method = methodsById.get(args[args.length - 1]) ?? '?';
      counts.replyBytes[method] = (counts.replyBytes[method] ?? 0) + frame.length;
    });
    relay(client, join(realHome, 'rpc.sock'), (side, chunk) => (side === 'request' ? requests : replies).write(chunk));
  });
  const pub = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    counts.busConnections += 1;
    relay(client, join(realHome, 'pub.sock'), (side, chunk) => {
      if (side === 'reply') counts.busBytes += chunk.length;
    });
  });
  await Promise.all([rpc, pub].map((server, i) => new Promise((resolve) => server.listen(join(home, [...SOCKETS][i]), resolve))));

  return {
    home,
    counts: () => structuredClone(counts),
    reset() {
      counts = emptyCounts();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await Promise.all([rpc, pub].map((server) => new Promise((resolve) => server.close(() => resolve()))));
      rmSync(home, { recursive: true, force: true });
    },
  };
}

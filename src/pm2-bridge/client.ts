// The RPC link to one PM2 daemon, built on the axon sockets pm2 itself uses (pm2/modules/pm2-axon*).
// We do not use pm2's API class: its connect() spawns a daemon when none answers, and any RPC made while it has no
// socket calls Client.start(), which spawns one too. Here nothing can start a daemon: we only ever connect to
// $PM2_HOME/rpc.sock, with reconnection turned off, and every call has a timeout.
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
// Imported, not required at run time: the CLI bundle carries these two (and their few packages) inside it, which
// saves resolving and compiling some twenty files from node_modules at start (scripts/build.mjs, bundledPm2Axon).
import axonModule from 'pm2/modules/pm2-axon/index.js';
import rpcModule from 'pm2/modules/pm2-axon-rpc/index.js';

/** The parts of pm2's bundled axon we use. */
export interface AxonSocket {
  set(name: string, value: unknown): AxonSocket;
  connect(path: string): AxonSocket;
  close(): void;
  on(event: string, fn: (...args: unknown[]) => void): AxonSocket;
  once(event: string, fn: (...args: unknown[]) => void): AxonSocket;
  removeAllListeners(event?: string): AxonSocket;
  connected?: boolean;
  /** req sockets: pending answers by message id (`identity:n`). */
  callbacks?: Record<string, unknown>;
  identity?: string;
  ids?: number;
}
interface AxonModule {
  socket(type: 'req' | 'sub-emitter'): unknown;
}
interface RpcClient {
  sock: AxonSocket;
  call(method: string, ...args: unknown[]): void;
}
interface RpcModule {
  Client: new (sock: unknown) => RpcClient;
}

export const axon = axonModule as AxonModule;
const rpc = rpcModule as RpcModule;

export function rpcSocketPath(home: string): string {
  return join(home, 'rpc.sock');
}
export function pubSocketPath(home: string): string {
  return join(home, 'pub.sock');
}

export class RpcTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`PM2 did not answer ${method} within ${ms} ms`);
    this.name = 'RpcTimeoutError';
  }
}
export class DaemonGoneError extends Error {
  constructor() {
    super('The PM2 daemon is not running');
    this.name = 'DaemonGoneError';
  }
}

/** True when something accepts a connection on $home/rpc.sock within `timeoutMs`. Never starts anything. */
export function pingDaemon(home: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect(rpcSocketPath(home));
    const done = (alive: boolean): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface DaemonConnection {
  readonly home: string;
  /** Calls a daemon method; rejects with RpcTimeoutError after `timeoutMs`, DaemonGoneError once closed. */
  call<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  /** Called once when the socket to the daemon closes (daemon died or close() was called). */
  onClose(listener: () => void): void;
  readonly closed: boolean;
  close(): void;
}

/**
 * Connects to the daemon of `home` if one answers; resolves null when none does. Never starts a daemon: the socket
 * does not retry, so a dead daemon shows up as a closed connection instead of a call that hangs.
 */
export async function connectDaemon(home: string, timeoutMs = 1000): Promise<DaemonConnection | null> {
  if (!(await pingDaemon(home, timeoutMs))) return null;
  const req = axon.socket('req') as AxonSocket;
  req.set('retry timeout', 0);
  const client = new rpc.Client(req);
  const connected = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    req.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    req.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
    req.on('error', () => undefined);
    req.connect(rpcSocketPath(home));
  });
  if (!connected) {
    req.close();
    return null;
  }

  let closed = false;
  const closeListeners: Array<() => void> = [];
  const pending = new Set<(error: Error) => void>();
  const markClosed = (): void => {
    if (closed) return;
    closed = true;
    for (const fail of pending) fail(new DaemonGoneError());
    pending.clear();
    for (const listener of closeListeners) listener();
  };
  req.on('close', markClosed);

  return {
    home,
    get closed() {
      return closed;
    },
    call<T>(method: string, arg: unknown, callTimeoutMs: number): Promise<T> {
      if (closed) return Promise.reject(new DaemonGoneError());
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const fail = (error: Error): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          pending.delete(fail);
          reject(error);
        };
        // The id axon will give this message, so a call that never gets an answer leaves no callback behind.
        const messageId = `${req.identity}:${req.ids}`;
        const timer = setTimeout(() => {
          fail(new RpcTimeoutError(method, callTimeoutMs));
          if (req.callbacks) delete req.callbacks[messageId];
        }, callTimeoutMs);
        const answer = (error: Error | null, result: T): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          pending.delete(fail);
          if (error) reject(error);
          else resolve(result);
        };
        pending.add(fail);
        client.call(method, arg, answer);
      });
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
    close() {
      req.close();
      markClosed();
    },
  };
}

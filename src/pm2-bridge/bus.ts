// The PM2 event bus ($PM2_HOME/pub.sock): log chunks, process events and the daemon's kill notice.
// Payloads carry pm2_env (the whole launching environment, secrets included): we read only ids and names from them.
import { axon, pubSocketPath, type AxonSocket } from './client.js';

export interface BusHandlers {
  /** A raw chunk of a process's stdout/stderr (one or more lines, maybe partial), as pm2 wrote it to the file. */
  onLog(pmId: number, stream: 'out' | 'err', data: string, at: number): void;
  /** Something happened to a process (online, exit, restart, stop...): the list is stale. */
  onProcessEvent(pmId: number | null, event: string): void;
  /** The daemon announced it is shutting down (`pm2 kill`). */
  onKill(): void;
  /** An uncaught exception of an app, or an app's reply to a custom action (raw packet: read only ids and data). */
  onPacket?(topic: BusPacketTopic, packet: unknown): void;
  /** The bus socket closed (daemon gone, or close()). */
  onClose(): void;
}

export type BusPacketTopic = 'process:exception' | 'axm:reply';

export interface BusHandle {
  close(): void;
}

interface SubEmitter {
  sock: AxonSocket;
  on(topic: string, fn: (...args: unknown[]) => void): SubEmitter;
  connect(path: string): unknown;
  close(): void;
}

interface LogPacket {
  process?: { pm_id?: unknown };
  at?: unknown;
  data?: unknown;
}
interface EventPacket {
  event?: unknown;
  process?: { pm_id?: unknown };
}

function pmIdOf(packet: { process?: { pm_id?: unknown } } | undefined): number | null {
  const id = packet?.process?.pm_id;
  return typeof id === 'number' ? id : null;
}

/** Subscribes to the bus of the daemon in `home`; resolves null when it does not connect within `timeoutMs`. */
export async function openBus(home: string, handlers: BusHandlers, timeoutMs = 1000): Promise<BusHandle | null> {
  const sub = axon.socket('sub-emitter') as SubEmitter;
  sub.sock.set('retry timeout', 0);
  sub.sock.on('error', () => undefined);

  sub.on('log:*', (type, packet) => {
    const p = packet as LogPacket | undefined;
    const pmId = pmIdOf(p);
    if (pmId === null || (type !== 'out' && type !== 'err') || typeof p?.data !== 'string') return;
    handlers.onLog(pmId, type, p.data, typeof p.at === 'number' ? p.at : Date.now());
  });
  sub.on('process:event', (packet) => {
    const p = packet as EventPacket | undefined;
    handlers.onProcessEvent(pmIdOf(p), typeof p?.event === 'string' ? p.event : '');
  });
  sub.on('pm2:kill', () => handlers.onKill());
  for (const topic of ['process:exception', 'axm:reply'] as const) sub.on(topic, (packet) => handlers.onPacket?.(topic, packet));

  const connected = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    sub.sock.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    sub.sock.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
    sub.connect(pubSocketPath(home));
  });
  if (!connected) {
    sub.close();
    return null;
  }
  let closed = false;
  sub.sock.on('close', () => {
    if (closed) return;
    closed = true;
    handlers.onClose();
  });
  return {
    close() {
      closed = true;
      sub.close();
    },
  };
}

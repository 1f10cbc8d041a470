// The link to one PM2 home's daemon: connect without ever spawning one, notice its death (the bus's kill notice or
// a closed socket), look for a daemon again on an interval, and make calls that always end (timeouts; a dead
// daemon rejects with DaemonGoneError instead of hanging). Log chunks and process events from the bus are passed on.
import type { BusHandle, BusHandlers, BusPacketTopic } from '../bus.js';
import { DaemonGoneError, type DaemonConnection } from '../client.js';
import type { DaemonAccess } from './daemon-access.js';
import { Listeners } from './listeners.js';

export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'no-daemon'; since: number }
  /** `epoch` counts links made: a call's answer is for the current link only if its epoch still matches. */
  | { kind: 'linked'; since: number; daemonPid: number | null; shellEnv: ReadonlyMap<string, string>; epoch: number };

export interface DaemonLinkOptions {
  home: string;
  access: DaemonAccess;
  /** Timeout of connecting (capped at 1 s) and of the liveness check after a failed call. */
  rpcTimeoutMs: number;
  /** How often to look for a daemon while none answers; 0: look once (one-shot readers). */
  reconnectIntervalMs: number;
  /** Subscribe to the daemon's bus (logs, events, its kill notice); off for one-shot readers. */
  bus: boolean;
}

export interface DaemonLink {
  readonly state: LinkState;
  /** The current RPC connection, null while there is none. */
  readonly connection: DaemonConnection | null;
  /** First attempt to connect; resolves once it is linked or known to have no daemon. */
  start(): Promise<void>;
  /**
   * Calls the current daemon. Rejects with DaemonGoneError when there is none, or when the call failed because the
   * daemon is gone (the link then goes to no-daemon); other failures (a timeout from a stuck daemon) as they came.
   */
  call<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  /** The state changed (linked, lost, no daemon); with the state before. */
  onState(listener: (state: LinkState, before: LinkState) => void): () => void;
  onLog(listener: (pmId: number, stream: 'out' | 'err', data: string, at: number) => void): () => void;
  onProcessEvent(listener: (pmId: number | null, event: string) => void): () => void;
  /** Raw packets of the topics the insights read (exceptions, custom action replies). */
  onPacket(listener: (topic: BusPacketTopic, packet: unknown) => void): () => void;
  close(): void;
}

export function createDaemonLink(options: DaemonLinkOptions): DaemonLink {
  const { home, access } = options;
  const connectTimeoutMs = Math.min(options.rpcTimeoutMs, 1000);
  let state: LinkState = { kind: 'connecting' };
  let connection: DaemonConnection | null = null;
  let bus: BusHandle | null = null;
  let busOpening = false;
  let closed = false;
  let epoch = 0;
  /** pm2.pid of a daemon that announced its death: not reconnected to while it finishes dying. */
  let killedDaemonPid: number | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  const stateListeners = new Listeners<[LinkState, LinkState]>();
  const logListeners = new Listeners<[number, 'out' | 'err', string, number]>();
  const eventListeners = new Listeners<[number | null, string]>();
  const packetListeners = new Listeners<[BusPacketTopic, unknown]>();

  function setState(next: LinkState): void {
    const before = state;
    state = next;
    stateListeners.notify(next, before);
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer || connection || options.reconnectIntervalMs <= 0) return;
    reconnectTimer = setTimeout(() => void connectOnce(), options.reconnectIntervalMs);
  }

  async function connectOnce(): Promise<void> {
    reconnectTimer = null;
    if (closed || connection) return;
    // The daemon's environment is read (from /proc) while the socket connects, not after.
    const shellEnvRead = access.readEnv(home);
    let conn = await access.connect(home, connectTimeoutMs);
    if (conn && killedDaemonPid !== null) {
      if (access.readPid(home) === killedDaemonPid) {
        conn.close();
        conn = null;
      } else killedDaemonPid = null;
    }
    if (closed || !conn) {
      conn?.close();
      if (closed) return;
      if (state.kind !== 'no-daemon') setState({ kind: 'no-daemon', since: Date.now() });
      scheduleReconnect();
      return;
    }
    const link = conn;
    connection = link;
    link.onClose(() => {
      if (connection === link) lost();
    });
    // The bus opens while the environment is still being read; the first list is asked for once both are done.
    const [shellEnv] = await Promise.all([shellEnvRead, options.bus ? ensureBus(link) : undefined]);
    if (closed || connection !== link) return;
    epoch += 1;
    setState({ kind: 'linked', since: Date.now(), daemonPid: access.readPid(home), shellEnv, epoch });
  }

  /** Subscribes to the bus of `link`'s daemon. Without a bus calls still work; the next call tries again. */
  async function ensureBus(link: DaemonConnection): Promise<void> {
    if (bus || busOpening) return;
    busOpening = true;
    try {
      const handle: BusHandle | null = await access.openBus(home, busHandlers(() => bus !== null && bus === handle), connectTimeoutMs);
      if (closed || connection !== link) handle?.close();
      else bus = handle;
    } finally {
      busOpening = false;
    }
  }

  function busHandlers(isCurrent: () => boolean): BusHandlers {
    return {
      onLog(pmId, stream, data, at) {
        if (isCurrent()) logListeners.notify(pmId, stream, data, at);
      },
      onProcessEvent(pmId, event) {
        if (isCurrent()) eventListeners.notify(pmId, event);
      },
      onPacket(topic, packet) {
        if (isCurrent()) packetListeners.notify(topic, packet);
      },
      onKill() {
        if (!isCurrent()) return;
        killedDaemonPid = access.readPid(home);
        lost();
      },
      onClose() {
        if (isCurrent()) lost();
      },
    };
  }

  function lost(): void {
    connection?.close();
    bus?.close();
    connection = null;
    bus = null;
    if (closed) return;
    if (state.kind !== 'no-daemon') setState({ kind: 'no-daemon', since: Date.now() });
    scheduleReconnect();
  }

  return {
    get state() {
      return state;
    },
    get connection() {
      return connection;
    },
    start: () => connectOnce(),
    async call<T>(method: string, arg: unknown, timeoutMs: number): Promise<T> {
      const link = connection;
      if (!link) throw new DaemonGoneError();
      if (options.bus && !bus) void ensureBus(link);
      try {
        return await link.call<T>(method, arg, timeoutMs);
      } catch (error) {
        if (link !== connection) throw new DaemonGoneError();
        if (error instanceof DaemonGoneError || !(await access.ping(home, 500))) {
          if (link === connection) lost();
          throw new DaemonGoneError();
        }
        throw error;
      }
    },
    onState: (listener) => stateListeners.add(listener),
    onLog: (listener) => logListeners.add(listener),
    onProcessEvent: (listener) => eventListeners.add(listener),
    onPacket: (listener) => packetListeners.add(listener),
    close() {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      stateListeners.clear();
      logListeners.clear();
      eventListeners.clear();
      packetListeners.clear();
      bus?.close();
      connection?.close();
      bus = null;
      connection = null;
    },
  };
}

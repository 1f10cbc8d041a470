// A scripted PM2 home for the bridge's unit tests: it answers the model layer's DaemonAccess like pm2's sockets do
// (connect only while "running", calls that time out, a closed link failing every call, a bus with log chunks,
// process events and the kill notice), with list replies, delays and failures given by the test. Behaviour a real
// daemon shows is tested against a real one (test/pm2-bridge/*.integration.test.ts); this drives the models' logic.
import type { BusHandle, BusHandlers, BusPacketTopic } from '../../src/pm2-bridge/bus.js';
import { DaemonGoneError, RpcTimeoutError, type DaemonConnection } from '../../src/pm2-bridge/client.js';
import type { DaemonAccess } from '../../src/pm2-bridge/model/daemon-access.js';
import type { RawProcess } from '../../src/pm2-bridge/to-service.js';

/** One answer to a list call: a list, an error, or none at all (the call times out); each after `delayMs`. */
export type ListReply = { list: RawProcess[]; delayMs?: number } | { error: Error; delayMs?: number } | { hang: true };

export interface CallRecord {
  method: string;
  arg: unknown;
  startedAt: number;
  endedAt: number | null;
}

/** A process as pm2 lists it, with the fields the bridge reads. */
export function fakeProcess(pmId: number, name: string, extra: { port?: number; out?: string; err?: string; env?: Record<string, string> } = {}): RawProcess {
  return {
    pid: 1000 + pmId,
    name,
    pm_id: pmId,
    monit: { cpu: 0, memory: 1024 },
    pm2_env: {
      status: 'online',
      namespace: 'default',
      pm_uptime: 1_700_000_000_000,
      exec_mode: 'fork_mode',
      pm_out_log_path: extra.out ?? `/nonexistent/${name}-out.log`,
      pm_err_log_path: extra.err ?? `/nonexistent/${name}-error.log`,
      env: { ...(extra.port === undefined ? {} : { PORT: String(extra.port) }), ...extra.env },
    },
  };
}

export class FakeDaemon implements DaemonAccess {
  /** Whether a daemon answers. `start()`/`kill()` change it the way pm2 does. */
  running: boolean;
  pid = 4242;
  env: ReadonlyMap<string, string> = new Map([['HOME', '/home/op']]);
  readonly calls: CallRecord[] = [];
  /** Answers to non-list calls (restart, stop...), by method. */
  answers = new Map<string, unknown>();
  private replies: ListReply[] = [{ list: [] }];
  private readonly links = new Set<{ close(): void }>();
  private readonly buses = new Set<BusHandlers>();
  connects = 0;

  constructor(options: { running?: boolean } = {}) {
    this.running = options.running ?? true;
  }

  /** The next list calls get these replies in turn; the last one repeats. */
  scriptList(...replies: ListReply[]): void {
    this.replies = replies;
  }

  /** Calls of a method that are still waiting for their answer. */
  inFlight(method = 'getMonitorData'): number {
    return this.calls.filter((c) => c.method === method && c.endedAt === null).length;
  }

  listCalls(): CallRecord[] {
    return this.calls.filter((c) => c.method === 'getMonitorData');
  }

  // ---- the daemon's life ----

  /** The daemon dies as `pm2 kill` makes it: the kill notice on the bus, then every socket closes. */
  kill(): void {
    for (const bus of [...this.buses]) bus.onKill();
    this.die();
  }

  /** The daemon is gone without a word (SIGKILL): the sockets just close. */
  die(): void {
    this.running = false;
    for (const link of [...this.links]) link.close();
    for (const bus of [...this.buses]) bus.onClose();
    this.links.clear();
    this.buses.clear();
  }

  /** A new daemon starts (a new pid). */
  start(pid = this.pid + 1): void {
    this.pid = pid;
    this.running = true;
  }

  // ---- the bus ----

  log(pmId: number, stream: 'out' | 'err', data: string, at = Date.now()): void {
    for (const bus of this.buses) bus.onLog(pmId, stream, data, at);
  }

  event(pmId: number | null, event: string): void {
    for (const bus of this.buses) bus.onProcessEvent(pmId, event);
  }

  /** A packet of a topic the insights read (process:exception, axm:reply). */
  packet(topic: BusPacketTopic, packet: unknown): void {
    for (const bus of this.buses) bus.onPacket?.(topic, packet);
  }

  get busCount(): number {
    return this.buses.size;
  }

  // ---- DaemonAccess ----

  ping = async (): Promise<boolean> => this.running;

  readPid = (): number | null => (this.running ? this.pid : null);

  readEnv = async (): Promise<ReadonlyMap<string, string>> => this.env;

  openBus = async (_home: string, handlers: BusHandlers): Promise<BusHandle | null> => {
    if (!this.running) return null;
    this.buses.add(handlers);
    return { close: () => void this.buses.delete(handlers) };
  };

  connect = async (home: string): Promise<DaemonConnection | null> => {
    if (!this.running) return null;
    this.connects += 1;
    let closed = false;
    const closeListeners: (() => void)[] = [];
    const pending = new Set<(error: Error) => void>();
    const link = {
      close: () => {
        if (closed) return;
        closed = true;
        this.links.delete(link);
        for (const fail of pending) fail(new DaemonGoneError());
        for (const listener of closeListeners) listener();
      },
    };
    this.links.add(link);
    const call = <T>(method: string, arg: unknown, timeoutMs: number): Promise<T> => {
      if (closed) return Promise.reject(new DaemonGoneError());
      const record: CallRecord = { method, arg, startedAt: Date.now(), endedAt: null };
      this.calls.push(record);
      const reply: ListReply = method === 'getMonitorData' ? this.nextReply() : { list: (this.answers.get(method) ?? {}) as RawProcess[] };
      return new Promise<T>((resolve, reject) => {
        let answerTimer: NodeJS.Timeout | null = null;
        const end = (): void => {
          record.endedAt = Date.now();
          clearTimeout(timeout);
          if (answerTimer) clearTimeout(answerTimer);
          pending.delete(fail);
        };
        const fail = (error: Error): void => {
          end();
          reject(error);
        };
        const timeout = setTimeout(() => fail(new RpcTimeoutError(method, timeoutMs)), timeoutMs);
        pending.add(fail);
        if ('hang' in reply) return;
        answerTimer = setTimeout(() => {
          end();
          if ('error' in reply) reject(reply.error);
          else resolve(structuredClone(reply.list) as T);
        }, reply.delayMs ?? 0);
      });
    };
    return {
      home,
      get closed() {
        return closed;
      },
      call,
      onClose: (listener) => (closed ? listener() : void closeListeners.push(listener)),
      close: link.close,
    };
  };

  private nextReply(): ListReply {
    return this.replies.length > 1 ? this.replies.shift()! : this.replies[0]!;
  }
}

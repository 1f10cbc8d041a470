// The composition: the models (model/) wired together, one Snapshot built from them, and the Bridge the TUI,
// --once/--json and doctor use. The daemon link, the process list, the logs and the checks each keep their own
// state and listeners; this file only says who hears whom, and when the snapshot is rebuilt and published
// (at most once per notifyIntervalMs, or floodNotifyIntervalMs while lines flood in).
import { sameValue } from '../shared/same-value.js';
import { runServiceAction } from './actions.js';
import type { BusPacketTopic } from './bus.js';
import { redactText } from './redact.js';
import { probeServices } from './probe-services.js';
import { sanitizeDeep } from './sanitize.js';
import { createCheckScheduler, type CheckScheduler, type ProbeRound } from './model/check-scheduler.js';
import { withConcerns } from './model/concern-source.js';
import { realDaemon, type DaemonAccess } from './model/daemon-access.js';
import { createDaemonLink, type DaemonLink } from './model/daemon-link.js';
import { Listeners } from './model/listeners.js';
import { createLogModel, type LogModel } from './model/log-model.js';
import { connectionOf, keepSame, keepUnchanged, mergeChecks, presentFindings, presentServices } from './model/present.js';
import { createProcessList, type ProcessList } from './model/process-list.js';
import type { Bridge, ConnectionState, Diagnostic, DiagnosticsProvider, Service, Snapshot } from './types.js';

export interface StoreOptions {
  home: string;
  /** 0 for a one-shot reader: no timers, no bus, one connection attempt. */
  refreshIntervalMs: number;
  /** The list's interval while it is steady (see process-list.ts); default the refresh interval (no back-off). */
  idleRefreshIntervalMs?: number;
  probeIntervalMs: number;
  /** Timeout of a list call (and of connecting). */
  rpcTimeoutMs: number;
  /** Timeout of restart/stop/delete (a stop waits for the app's kill_timeout). */
  actionTimeoutMs: number;
  logLinesPerService: number;
  /** Bytes kept of one log line (the rest is counted, and stays in the log file). */
  maxLineBytes: number;
  /** Memory all log buffers together may hold (LogBuffer lineCost); the oldest lines of the biggest go first. */
  logBytesBudget: number;
  historyLines: number;
  notifyIntervalMs: number;
  /**
   * The notification interval while logs arrive faster than floodLinesPerSecond (then every visible line is new on
   * each frame anyway: fewer frames cost less CPU and fewer terminal bytes, and lines still show within it).
   */
  floodNotifyIntervalMs: number;
  floodLinesPerSecond: number;
  diagnostics: DiagnosticsProvider | null;
  diagnosticsIntervalMs: number;
  /** How often to look for a daemon while none answers. */
  reconnectIntervalMs: number;
  /** How long a partial log line waits for its end before it is shown as it is. */
  partialLineFlushMs: number;
  /** Bus events within this window cause one refresh. */
  eventRefreshThrottleMs: number;
  /** The longest wait between list calls after failures (back-off). */
  maxBackoffMs: number;
  /** Hears the bus packets the insights use (exceptions, custom action replies). */
  onBusPacket?: (topic: BusPacketTopic, packet: unknown) => void;
}

/** What the store lends the insights (pm2-bridge/insights/): its daemon link and its secret masking. */
export interface StoreLink {
  /** Rejects with DaemonGoneError while no daemon is linked. */
  callDaemon<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  maskText(text: string): string;
}

/** What the models reach the outside world through: passed in, so unit tests script a fake daemon. */
export interface StoreDeps {
  access: DaemonAccess;
  probe: ProbeRound;
}

export const realDeps: StoreDeps = { access: realDaemon, probe: probeServices };

/** The models of one PM2 home, wired, with the snapshot built from them. */
export interface BridgeModels {
  link: DaemonLink;
  list: ProcessList;
  logs: LogModel;
  checks: CheckScheduler;
  connection(): ConnectionState;
  /** The snapshot as it stands now. `exactText`: secrets masked, text not made terminal-safe (for --json). */
  snapshot(exactText?: boolean): Snapshot;
  /** Something shown changed; `listChanged`: the services, checks or findings (not only log lines). */
  onChange(listener: (listChanged: boolean) => void): () => void;
  close(): void;
}

export function createBridgeModels(options: StoreOptions, deps: StoreDeps = realDeps): BridgeModels {
  const { home } = options;
  const live = options.refreshIntervalMs > 0;
  const link = createDaemonLink({ home, access: deps.access, rpcTimeoutMs: options.rpcTimeoutMs, reconnectIntervalMs: live ? options.reconnectIntervalMs : 0, bus: live });
  const list = createProcessList({
    link,
    rpcTimeoutMs: options.rpcTimeoutMs,
    refreshIntervalMs: options.refreshIntervalMs,
    idleRefreshIntervalMs: options.idleRefreshIntervalMs,
    eventRefreshThrottleMs: options.eventRefreshThrottleMs,
    maxBackoffMs: options.maxBackoffMs,
  });
  const logs = createLogModel({ link, list, ...options });
  const checks = createCheckScheduler({
    home,
    link,
    list,
    probe: deps.probe,
    diagnostics: options.diagnostics,
    live,
    probeIntervalMs: options.probeIntervalMs,
    diagnosticsIntervalMs: options.diagnosticsIntervalMs,
    // From the list itself, not the cached merge: the scheduler hears of a new list before this store marks it dirty.
    servicesForDiagnostics: () => mergeChecks(list.services, checks),
  });

  let connection: ConnectionState = connectionOf(home, link.state, list.failure, list.refreshedAt);
  // Services with checks merged, rebuilt only when the list, the checks or the link changed: while only log lines
  // change (the common case under a flood) the snapshot keeps the same services array, so views can skip work.
  let dirty = true;
  let exact: readonly Service[] = [];
  let safe: readonly Service[] = [];
  let safeSetup: readonly Diagnostic[] = [];
  function merged() {
    if (dirty) {
      exact = mergeChecks(list.services, checks);
      safe = keepUnchanged(safe, presentServices(exact, list.secrets, false));
      safeSetup = keepSame(safeSetup, presentFindings(checks.setupFindings, list.secrets, false));
      dirty = false;
    }
    return { exact, safe, safeSetup };
  }

  const listeners = new Listeners<[boolean]>();
  function updateConnection(): void {
    const next = connectionOf(home, link.state, list.failure, list.refreshedAt);
    const kindChanged = next.kind !== connection.kind;
    // The same object while nothing in it changed, so views that compare it skip work.
    if (!sameValue(next, connection)) connection = next;
    // The findings depend on the connection (no daemon, another daemon): look again when it changes kind. Just
    // connected, the first list is a moment away and starts a pass itself (a new set of services): one pass, not two,
    // while the monitor draws its first frames.
    if (kindChanged && live && !(next.kind === 'connected' && list.refreshedAt === null)) void checks.diagnoseNow();
  }
  const listChanged = () => {
    dirty = true;
    updateConnection();
    listeners.notify(true);
  };
  link.onState(listChanged);
  list.onFailure(listChanged);
  list.onList((change) => {
    if (change.changed) listChanged();
    else updateConnection();
  });
  checks.onChange(listChanged);
  logs.onLines(() => listeners.notify(false));

  return {
    link,
    list,
    logs,
    checks,
    connection: () => connection,
    snapshot(exactText = false) {
      const parts = merged();
      return {
        connection: exactText ? connection : sanitizeDeep(connection),
        services: exactText ? presentServices(parts.exact, list.secrets, true) : parts.safe,
        logs: logs.all(),
        diagnostics: exactText ? presentFindings(checks.setupFindings, list.secrets, true) : parts.safeSetup,
        refreshedAt: list.refreshedAt,
      };
    },
    onChange: (listener) => listeners.add(listener),
    close() {
      listeners.clear();
      checks.close();
      logs.close();
      list.close();
      link.close();
    },
  };
}

/** The live bridge: the models started, the snapshot published to listeners at a bounded rate. */
export function createStore(options: StoreOptions, deps: StoreDeps = realDeps): Bridge & StoreLink {
  const models = createBridgeModels(options, deps);
  let closed = false;
  let snapshot = models.snapshot();
  const listeners = new Listeners();
  let publishTimer: NodeJS.Timeout | null = null;
  let lastPublishAt = 0;
  let flooding = false;

  function publish(): void {
    if (publishTimer) clearTimeout(publishTimer);
    publishTimer = null;
    if (closed) return;
    snapshot = models.snapshot();
    const now = Date.now();
    flooding = models.logs.takeLineCount() * 1000 >= options.floodLinesPerSecond * Math.max(1, now - lastPublishAt);
    lastPublishAt = now;
    listeners.notify();
  }

  /**
   * Changes are coalesced: listeners hear at most once per notifyIntervalMs (floodNotifyIntervalMs while the
   * previous interval brought a flood of lines), however fast lines arrive.
   */
  function changed(): void {
    if (publishTimer || closed) return;
    const interval = flooding ? options.floodNotifyIntervalMs : options.notifyIntervalMs;
    publishTimer = setTimeout(publish, Math.max(0, lastPublishAt + interval - Date.now()));
  }

  models.onChange(() => changed());
  if (options.onBusPacket) models.link.onPacket(options.onBusPacket);
  // A service appeared or went (the first list above all): show it now, not at the next tick.
  models.list.onList((change) => {
    if (change.setChanged) publish();
  });

  // No pass before the link has found out whether a daemon answers: its change of kind (or the first list) starts one.
  void models.link.start();

  const source = withConcerns({ getSnapshot: () => snapshot, subscribe: (listener) => listeners.add(listener) });
  return {
    ...source,
    async run(action, target) {
      const result = await runServiceAction(models.link.connection, action, target, options.actionTimeoutMs);
      void models.list.refresh();
      // A failure quotes pm2 and the daemon's names: text from outside, made safe like the rest of the snapshot.
      return sanitizeDeep(result);
    },
    showLogs: (pmId) => models.logs.show(pmId),
    readLogHistory: (pmId, depth) => models.logs.readHistory(pmId, depth),
    // For the insights (custom actions; text from the apps): the daemon link, and masking with the apps' secrets.
    callDaemon: (method, arg, timeoutMs) => models.link.call(method, arg, timeoutMs),
    maskText: (text) => redactText(text, models.list.secrets),
    async close() {
      if (closed) return;
      closed = true;
      if (publishTimer) clearTimeout(publishTimer);
      listeners.clear();
      models.close();
    },
  };
}

// The store: one immutable Snapshot of everything the bridge knows, rebuilt when something changes.
// It owns the link to the daemon (connect without spawning, notice its death, reconnect by itself), the list
// refresh (at once, then on an interval, never two at a time, throttled on bus events), the log buffers, the probe
// and diagnostics cadences, and the listeners (notified at most once per notifyIntervalMs under a log flood).
import { connectDaemon, DaemonGoneError, pingDaemon, type DaemonConnection } from './client.js';
import { openBus, type BusHandle, type BusPacketTopic } from './bus.js';
import { LineSplitter, type SplitLine } from './line-splitter.js';
import { LogBuffer } from './log-buffer.js';
import { fileSize, parseLogDate, readHistory } from './log-history.js';
import { pendingPortCheck } from './probe.js';
import { probeServices } from './probe-services.js';
import { readDaemonEnv, readDaemonPid } from './daemon-files.js';
import { linkFailure, runServiceAction } from './actions.js';
import { toServices, type RawProcess } from './to-service.js';
import { mergeSecrets, redactDiagnostic, redactFindings, redactText, secretValues, type KnownSecrets } from './redact.js';
import { sanitizeDeep, sanitizeLogText } from './sanitize.js';
import { withConcerns } from './model/concern-source.js';
import type {
  ActionResult,
  ActionTarget,
  Bridge,
  ConnectionState,
  Diagnostic,
  DiagnosticsProvider,
  LogLine,
  PortCheck,
  Service,
  ServiceAction,
  Snapshot,
} from './types.js';

export interface StoreOptions {
  home: string;
  refreshIntervalMs: number;
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
  /** Hears the bus packets the insights use (exceptions, custom action replies). */
  onBusPacket?: (topic: BusPacketTopic, packet: unknown) => void;
}

type Stream = 'out' | 'err';

/** What the store lends the insights (pm2-bridge/insights/): its daemon link and its secret masking. */
export interface StoreLink {
  /** Rejects with DaemonGoneError while no daemon is linked. */
  callDaemon<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  maskText(text: string): string;
}

export function createStore(options: StoreOptions): Bridge & StoreLink {
  const { home } = options;
  let closed = false;
  let connection: ConnectionState = { kind: 'connecting', home };
  let daemon: DaemonConnection | null = null;
  let bus: BusHandle | null = null;
  let busOpening = false;
  /** pm2.pid of a daemon that announced its death: not reconnected to while it finishes dying. */
  let killedDaemonPid: number | null = null;

  let services: Service[] = [];
  /** The daemon's own environment, to tell an app's env from what it inherited (EnvEntry.inherited). */
  let shellEnv: ReadonlyMap<string, string> = new Map();
  /**
   * The secret env values of every app (kept here only), masked out of log lines, command lines and findings
   * should one echo them.
   */
  let knownSecrets: KnownSecrets = new Map();
  /** A list was applied since the daemon link came up: until then no app's secrets are known. */
  let listed = false;
  let servicesJson = '';
  let refreshedAt: number | null = null;
  const portChecks = new Map<number, PortCheck>();
  let serviceDiagnostics: ReadonlyMap<number, readonly Diagnostic[]> = new Map();
  let setupDiagnostics: readonly Diagnostic[] = [];
  let diagnosticsJson = '';

  // Logs. `generation` changes whenever the buffers are dropped, so a history read that was in flight is discarded.
  const buffers = new Map<number, LogBuffer>();
  const splitter = new LineSplitter(options.maxLineBytes);
  /** The seq of the line shown for a source's partial line (takeDangling), to update it when the rest arrives. */
  const danglingSeq = new Map<string, number>();
  /**
   * Lines of processes not in the list yet (before the first list, or an app started since the last one): held,
   * unmasked, until a list says whose they are and which secrets to mask. Bounded; dropped if the app never shows.
   */
  const held = new Map<number, { stream: Stream; line: SplitLine; at: number }[]>();
  let heldBytes = 0;
  const HELD_BYTES_MAX = 4 * 1024 * 1024;
  const partialTimers = new Map<string, NodeJS.Timeout>();
  let generation = 0;
  let nextSeq = 1;
  let historySeqFloor = 0;
  const historyWanted = new Set<number>();
  const historyLoaded = new Set<number>();
  /** Bytes seen on the bus per log file since the bus connected: history is read up to size minus these. */
  const busBytesByPath = new Map<string, number>();
  const busBytesPending = new Map<string, number>();

  // Snapshot and listeners.
  let mergedServices: readonly Service[] = [];
  /** Set whenever services, port checks or diagnostics change; buildSnapshot then merges them anew. */
  let servicesDirty = true;
  /** mergedServices before sanitizing (exact text): what the diagnostics look at (paths must be the real ones). */
  let exactServices: readonly Service[] = [];
  let safeSetupDiagnostics: readonly Diagnostic[] = [];
  const listeners = new Set<() => void>();
  let snapshot: Snapshot = buildSnapshot();
  let publishTimer: NodeJS.Timeout | null = null;
  let lastPublishAt = 0;
  let linesSincePublish = 0;
  let flooding = false;

  // Timers and single-flight flags.
  let reconnectTimer: NodeJS.Timeout | null = null;
  let eventRefreshTimer: NodeJS.Timeout | null = null;
  let refreshing = false;
  let refreshAgain = false;
  let probing = false;
  let probeSoonTimer: NodeJS.Timeout | null = null;
  let diagnosing = false;
  let diagnoseAgain = false;
  const refreshTimer = setInterval(() => void refresh(), options.refreshIntervalMs);
  const probeTimer = setInterval(() => void probeRound(), options.probeIntervalMs);
  const diagnosticsTimer = options.diagnostics ? setInterval(() => void diagnose(), options.diagnosticsIntervalMs) : null;

  function buildSnapshot(): Snapshot {
    // Only log lines changed (the common case under a flood): keep the same services array, so views can skip work.
    // Here text from PM2 and the apps enters the snapshot: made safe for a terminal, secrets masked once more.
    if (servicesDirty) {
      exactServices = services.map((service) => ({
        ...service,
        portCheck: service.port === null ? null : (portChecks.get(service.pmId) ?? pendingPortCheck(service.port)),
        diagnostics: serviceDiagnostics.get(service.pmId) ?? [],
      }));
      mergedServices = exactServices.map((service) => sanitizeDeep(redactFindings(service, knownSecrets)));
      safeSetupDiagnostics = sanitizeDeep(setupDiagnostics.map((d) => redactDiagnostic(d, knownSecrets)));
      servicesDirty = false;
    }
    const logs = new Map<number, readonly LogLine[]>();
    for (const [pmId, buffer] of buffers) logs.set(pmId, buffer.toArray());
    return {
      connection: sanitizeDeep(connection),
      services: mergedServices,
      logs,
      diagnostics: safeSetupDiagnostics,
      refreshedAt,
    };
  }

  function publish(): void {
    if (publishTimer) clearTimeout(publishTimer);
    publishTimer = null;
    if (closed) return;
    snapshot = buildSnapshot();
    const now = Date.now();
    flooding = linesSincePublish * 1000 >= options.floodLinesPerSecond * Math.max(1, now - lastPublishAt);
    linesSincePublish = 0;
    lastPublishAt = now;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // a listener's failure is its own; the others still hear of the change
      }
    }
  }

  /**
   * Changes are coalesced: listeners hear at most once per notifyIntervalMs (floodNotifyIntervalMs while the
   * previous interval brought a flood of lines), however fast lines arrive.
   */
  function changed(): void {
    if (publishTimer || closed) return;
    const interval = flooding ? options.floodNotifyIntervalMs : options.notifyIntervalMs;
    const wait = Math.max(0, lastPublishAt + interval - Date.now());
    publishTimer = setTimeout(publish, wait);
  }

  function setConnection(next: ConnectionState): void {
    const kindChanged = next.kind !== connection.kind;
    connection = next;
    if (kindChanged) void diagnose();
  }

  // ---- the daemon link ----

  function scheduleReconnect(): void {
    if (closed || reconnectTimer || daemon) return;
    reconnectTimer = setTimeout(() => void connectLoop(), options.reconnectIntervalMs);
  }

  function enterNoDaemon(): void {
    if (connection.kind !== 'no-daemon') {
      setConnection({ kind: 'no-daemon', home, since: Date.now() });
      changed();
    }
  }

  async function connectLoop(): Promise<void> {
    reconnectTimer = null;
    if (closed || daemon) return;
    let conn = await connectDaemon(home, Math.min(options.rpcTimeoutMs, 1000));
    if (conn && killedDaemonPid !== null) {
      const pid = readDaemonPid(home);
      if (pid === killedDaemonPid) {
        conn.close();
        conn = null;
      } else killedDaemonPid = null;
    }
    if (closed || !conn) {
      conn?.close();
      if (!closed) {
        enterNoDaemon();
        scheduleReconnect();
      }
      return;
    }
    const link = conn;
    daemon = link;
    link.onClose(() => {
      if (daemon === link) lostDaemon();
    });
    shellEnv = await readDaemonEnv(home);
    await ensureBus(link);
    if (closed || daemon !== link) return;
    setConnection({ kind: 'connected', home, since: Date.now(), daemonPid: readDaemonPid(home) });
    await refresh();
  }

  /** Subscribes to the bus of `link`'s daemon. Without a bus the list still works; the next refresh tries again. */
  async function ensureBus(link: DaemonConnection): Promise<void> {
    if (bus || busOpening) return;
    busOpening = true;
    try {
      const handle: BusHandle | null = await openBus(
        home,
        busHandlers(() => bus !== null && bus === handle),
        Math.min(options.rpcTimeoutMs, 1000),
      );
      if (closed || daemon !== link) handle?.close();
      else bus = handle;
    } finally {
      busOpening = false;
    }
  }

  function lostDaemon(): void {
    const wasLinked = daemon !== null;
    daemon?.close();
    bus?.close();
    daemon = null;
    bus = null;
    if (wasLinked) {
      listed = false;
      services = [];
      servicesJson = '';
      portChecks.clear();
      servicesDirty = true;
      dropAllLogs();
    }
    if (connection.kind !== 'no-daemon') setConnection({ kind: 'no-daemon', home, since: Date.now() });
    changed();
    scheduleReconnect();
  }

  function busHandlers(isCurrent: () => boolean) {
    return {
      onLog(pmId: number, stream: Stream, data: string, at: number) {
        if (!isCurrent()) return;
        countBusBytes(pmId, stream, Buffer.byteLength(data));
        receiveChunk(pmId, stream, data, at);
      },
      onProcessEvent() {
        if (isCurrent()) throttledRefresh();
      },
      onPacket(topic: BusPacketTopic, packet: unknown) {
        if (isCurrent()) options.onBusPacket?.(topic, packet);
      },
      onKill() {
        if (!isCurrent()) return;
        killedDaemonPid = readDaemonPid(home);
        lostDaemon();
      },
      onClose() {
        if (isCurrent()) lostDaemon();
      },
    };
  }

  // ---- the list ----

  function throttledRefresh(): void {
    if (eventRefreshTimer || closed) return;
    eventRefreshTimer = setTimeout(() => {
      eventRefreshTimer = null;
      void refresh();
    }, options.eventRefreshThrottleMs);
  }

  async function refresh(): Promise<void> {
    if (closed || !daemon) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    const link = daemon;
    if (!bus) void ensureBus(link);
    try {
      const list = await link.call<RawProcess[]>('getMonitorData', {}, options.rpcTimeoutMs);
      if (link === daemon && !closed) applyList(Array.isArray(list) ? list : []);
    } catch (error) {
      if (link !== daemon || closed) return;
      if (error instanceof DaemonGoneError || !(await pingDaemon(home, 500))) {
        if (link === daemon) lostDaemon();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      setConnection({ kind: 'load-failed', home, error: message, reason: linkFailure(error, options.rpcTimeoutMs), lastOkAt: refreshedAt });
      changed();
    } finally {
      refreshing = false;
      if (refreshAgain && !closed) {
        refreshAgain = false;
        void refresh();
      }
    }
  }

  function applyList(list: RawProcess[]): void {
    const next = toServices(list, { shellEnv });
    knownSecrets = mergeSecrets(list.map((item) => secretValues(item.pm2_env?.env)));
    listed = true;
    const before = new Map(services.map((s) => [s.pmId, s]));
    const after = new Map(next.map((s) => [s.pmId, s]));
    let setChanged = before.size !== after.size;
    for (const [pmId, old] of before) {
      const now = after.get(pmId);
      if (!now || now.name !== old.name) {
        setChanged = true;
        forgetService(pmId); // deleted (pm2 sends no event for it), or its id now names another app
      }
    }
    for (const pmId of after.keys()) if (!before.has(pmId)) setChanged = true;
    for (const [pmId, check] of portChecks) if (after.get(pmId)?.port !== check.port) portChecks.delete(pmId);
    settlePendingBytes(next);

    const json = JSON.stringify(next);
    const wasConnected = connection.kind === 'connected';
    services = next;
    refreshedAt = Date.now();
    if (!wasConnected) setConnection({ kind: 'connected', home, since: Date.now(), daemonPid: readDaemonPid(home) });
    if (json !== servicesJson || !wasConnected || setChanged) {
      servicesJson = json;
      servicesDirty = true;
      // A service appeared or went (the first list above all): show it now, not at the next tick.
      if (setChanged) publish();
      else changed();
    }
    if (setChanged) {
      void diagnose();
      probeSoon();
    }
    releaseHeld(after);
    for (const pmId of historyWanted) if (after.has(pmId)) void loadHistory(pmId);
  }

  // ---- logs ----

  function bufferOf(pmId: number): LogBuffer {
    let buffer = buffers.get(pmId);
    if (!buffer) {
      buffer = new LogBuffer(options.logLinesPerService);
      buffers.set(pmId, buffer);
    }
    return buffer;
  }

  /** A line as the snapshot holds it: date prefix split off (`at` already says when), secrets masked, safe to draw. */
  function cleanLogText(raw: string): string {
    return sanitizeLogText(redactText(parseLogDate(raw).text, knownSecrets));
  }

  function appendLine(pmId: number, stream: Stream, line: SplitLine, at: number, source: string): number | undefined {
    if (!listed || !services.some((s) => s.pmId === pmId)) {
      hold(pmId, stream, line, at);
      return undefined;
    }
    linesSincePublish += 1;
    const buffer = bufferOf(pmId);
    const entry: LogLine = { seq: 0, at, stream, text: cleanLogText(line.text), history: false };
    if (line.cutBytes > 0) entry.cutBytes = line.cutBytes;
    const shownSeq = danglingSeq.get(source);
    if (line.replacesDangling && shownSeq !== undefined && buffer.replace(shownSeq, { ...entry, seq: shownSeq })) {
      enforceBudget();
      return shownSeq;
    }
    entry.seq = nextSeq++;
    buffer.push(entry);
    enforceBudget();
    return entry.seq;
  }

  function hold(pmId: number, stream: Stream, line: SplitLine, at: number): void {
    const cost = line.text.length * 2 + 80;
    if (heldBytes + cost > HELD_BYTES_MAX) return; // a flood from an unknown process: its lines are in its file
    heldBytes += cost;
    let lines = held.get(pmId);
    if (!lines) held.set(pmId, (lines = []));
    lines.push({ stream, line: { ...line, replacesDangling: false }, at });
    throttledRefresh();
  }

  /** After a list: held lines of listed processes go in (masked with their secrets), the rest are dropped. */
  function releaseHeld(listedIds: ReadonlyMap<number, Service>): void {
    if (held.size === 0) return;
    const waiting = [...held];
    held.clear();
    heldBytes = 0;
    for (const [pmId, lines] of waiting) {
      if (!listedIds.has(pmId)) continue; // gone before it was ever listed
      for (const { stream, line, at } of lines) appendLine(pmId, stream, line, at, `${pmId}:${stream}`);
    }
    changed();
  }

  /** Keeps all buffers together under logBytesBudget: the oldest lines of the biggest buffer go first. */
  function enforceBudget(): void {
    let total = 0;
    for (const buffer of buffers.values()) total += buffer.bytes;
    while (total > options.logBytesBudget) {
      let biggest: LogBuffer | null = null;
      for (const buffer of buffers.values()) if (!biggest || buffer.bytes > biggest.bytes) biggest = buffer;
      if (!biggest || biggest.size <= 1) return;
      const before = biggest.bytes;
      biggest.shrinkTo(Math.max(before - (total - options.logBytesBudget), before * 0.75));
      total -= before - biggest.bytes;
      if (biggest.bytes === before) return;
    }
  }

  function receiveChunk(pmId: number, stream: Stream, data: string, at: number): void {
    const source = `${pmId}:${stream}`;
    for (const line of splitter.push(source, data)) {
      appendLine(pmId, stream, line, at, source);
      if (line.replacesDangling) danglingSeq.delete(source);
    }
    const timer = partialTimers.get(source);
    if (timer) clearTimeout(timer);
    partialTimers.delete(source);
    if (splitter.hasDangling(source)) {
      partialTimers.set(
        source,
        setTimeout(() => {
          partialTimers.delete(source);
          const rest = splitter.takeDangling(source);
          if (rest !== null) {
            const seq = appendLine(pmId, stream, rest, Date.now(), source);
            if (seq !== undefined) danglingSeq.set(source, seq);
            changed();
          }
        }, options.partialLineFlushMs),
      );
    }
    changed();
  }

  function pathOf(service: Service | undefined, stream: Stream): string | null {
    return (stream === 'out' ? service?.outLogPath : service?.errLogPath) ?? null;
  }

  function countBusBytes(pmId: number, stream: Stream, bytes: number): void {
    const path = pathOf(services.find((s) => s.pmId === pmId), stream);
    if (path) busBytesByPath.set(path, (busBytesByPath.get(path) ?? 0) + bytes);
    else busBytesPending.set(`${pmId}:${stream}`, (busBytesPending.get(`${pmId}:${stream}`) ?? 0) + bytes);
  }

  function settlePendingBytes(list: readonly Service[]): void {
    for (const [key, bytes] of busBytesPending) {
      const [id, stream] = key.split(':') as [string, Stream];
      const path = pathOf(list.find((s) => s.pmId === Number(id)), stream);
      if (!path) continue;
      busBytesByPath.set(path, (busBytesByPath.get(path) ?? 0) + bytes);
      busBytesPending.delete(key);
    }
  }

  function forgetService(pmId: number): void {
    buffers.delete(pmId);
    historyLoaded.delete(pmId);
    historyWanted.delete(pmId);
    splitter.forget(`${pmId}:`);
    held.delete(pmId);
    for (const stream of ['out', 'err'] as const) {
      const key = `${pmId}:${stream}`;
      busBytesPending.delete(key);
      danglingSeq.delete(key);
      const timer = partialTimers.get(key);
      if (timer) clearTimeout(timer);
      partialTimers.delete(key);
    }
  }

  function dropAllLogs(): void {
    generation += 1;
    buffers.clear();
    historyLoaded.clear();
    splitter.clear();
    danglingSeq.clear();
    held.clear();
    heldBytes = 0;
    busBytesByPath.clear();
    busBytesPending.clear();
    for (const timer of partialTimers.values()) clearTimeout(timer);
    partialTimers.clear();
  }

  async function loadHistory(pmId: number): Promise<void> {
    const service = services.find((s) => s.pmId === pmId);
    if (!service || historyLoaded.has(pmId) || options.historyLines <= 0) return;
    historyLoaded.add(pmId);
    const started = generation;
    const live = bufferOf(pmId).toArray();
    const source = async (path: string | null, stream: Stream) => ({
      path,
      liveStartEstimate: path ? (await fileSize(path)) - (busBytesByPath.get(path) ?? 0) : 0,
      liveTexts: live.filter((l) => !l.history && l.stream === stream).slice(0, 3).map((l) => l.text),
    });
    const entries = await readHistory(
      await source(service.outLogPath, 'out'),
      await source(service.errLogPath, 'err'),
      options.historyLines,
      (text) => sanitizeLogText(redactText(text, knownSecrets)),
      256 * 1024,
      options.maxLineBytes,
    );
    if (closed || generation !== started || !historyLoaded.has(pmId) || entries.length === 0) return;
    historySeqFloor -= entries.length;
    const base = historySeqFloor;
    bufferOf(pmId).prepend(
      entries.map((e, i) => ({ seq: base + i, at: e.at, stream: e.stream, text: e.text, history: true, ...(e.cutBytes ? { cutBytes: e.cutBytes } : {}) })),
    );
    enforceBudget();
    changed();
  }

  // ---- probes and diagnostics ----

  function probeSoon(): void {
    if (probeSoonTimer || closed) return;
    probeSoonTimer = setTimeout(() => {
      probeSoonTimer = null;
      void probeRound();
    }, 50);
  }

  async function probeRound(): Promise<void> {
    if (closed || probing || !services.some((s) => s.port !== null)) return;
    probing = true;
    try {
      const results = await probeServices(services, home);
      if (closed) return;
      for (const [pmId, check] of results) {
        const service = services.find((s) => s.pmId === pmId);
        if (service && service.port === check.port) portChecks.set(pmId, check);
        servicesDirty = true;
      }
      changed();
    } catch {
      // a probe round that fails leaves the last results in place
    } finally {
      probing = false;
    }
  }

  async function diagnose(): Promise<void> {
    const provider = options.diagnostics;
    if (!provider || closed) return;
    if (diagnosing) {
      diagnoseAgain = true;
      return;
    }
    diagnosing = true;
    try {
      const report = await provider.diagnose(exactServices, home);
      if (closed) return;
      const json = JSON.stringify([[...report.services], report.setup]);
      if (json === diagnosticsJson) return;
      diagnosticsJson = json;
      serviceDiagnostics = report.services;
      servicesDirty = true;
      setupDiagnostics = report.setup;
      changed();
    } catch {
      // the provider promised not to throw; if it does, the last findings stay
    } finally {
      diagnosing = false;
      if (diagnoseAgain && !closed) {
        diagnoseAgain = false;
        void diagnose();
      }
    }
  }

  // ---- the Bridge ----

  async function run(action: ServiceAction, target: ActionTarget): Promise<ActionResult> {
    const result = await runServiceAction(daemon, action, target, options.actionTimeoutMs);
    void refresh();
    // A failure quotes pm2 and the daemon's names: text from outside, made safe like the rest of the snapshot.
    return sanitizeDeep(result);
  }

  void connectLoop();
  void diagnose();

  const source = withConcerns({
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    ...source,
    run,
    // For the insights (custom actions; text from the apps): the daemon link, and masking with the apps' secrets.
    callDaemon: (method, arg, timeoutMs) => (daemon ? daemon.call(method, arg, timeoutMs) : Promise.reject(new DaemonGoneError())),
    maskText: (text) => redactText(text, knownSecrets),
    showLogs(pmId) {
      historyWanted.add(pmId);
      void loadHistory(pmId);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of [refreshTimer, probeTimer, diagnosticsTimer]) if (timer) clearInterval(timer);
      for (const timer of [reconnectTimer, eventRefreshTimer, publishTimer, probeSoonTimer]) if (timer) clearTimeout(timer);
      for (const timer of partialTimers.values()) clearTimeout(timer);
      partialTimers.clear();
      listeners.clear();
      bus?.close();
      daemon?.close();
      bus = null;
      daemon = null;
    },
  };
}

// The insights model: history, timeline and exceptions kept beside the store, with their own listeners.
// It reads the store's snapshot on a timer (a sample per refresh interval, deletes by comparing lists), $PM2_HOME/pm2.log (its
// tail at start for what happened before, then what the daemon appends) and each service's error log once (stacks
// from before), and hears the bus's exceptions and action replies through the store.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readTailLines } from '../log-history.js';
import { Listeners } from '../model/listeners.js';
import { sanitizeField, sanitizeMultiline } from '../sanitize.js';
import type { BusPacketTopic } from '../bus.js';
import type { ActionTarget, Service, WholeSnapshotSource } from '../types.js';
import { parseDaemonLog, type DaemonLogRecord } from './daemon-log-records.js';
import { findErrorStacks } from './error-log-stacks.js';
import { addExceptions, exceptionMessage, type ExceptionOccurrence } from './exception-groups.js';
import { HistoryStore, type HistoryOptions } from './history-store.js';
import { emptyTimeline, recordDelete, reduceTimeline, settleTimeline, type TimelineState } from './timeline.js';
import { ReplyWaiters, runCustomAction } from './custom-actions.js';
import type { CustomActionResult, ExceptionGroup, HistoryExport, InsightsSnapshot, InsightsSource, SeriesKey, ServiceHistory, ServiceKey } from './types.js';

export interface InsightsOptions {
  home: string;
  /** The list refresh interval: one history sample per refresh. */
  intervalMs: number;
  /** Bytes read back from the end of pm2.log at start; default 512 KiB. */
  pm2LogTailBytes?: number;
  /** Bytes read back from the end of each error log; default 256 KiB. */
  errorLogTailBytes?: number;
  /** Timeout of a custom action (msgProcess and the app's reply); default 10 s. */
  customActionTimeoutMs?: number;
  readOnly?: boolean;
  /** The history's spans (default: 1 h raw, then 1 min buckets for 24 h). */
  history?: Omit<HistoryOptions, 'intervalMs'>;
  now?: () => number;
}

export interface InsightsLink {
  callDaemon<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  maskText(text: string): string;
}

export interface InsightsModel extends InsightsSource {
  /** A bus packet the store heard (wired through StoreOptions.onBusPacket). */
  onBusPacket(topic: BusPacketTopic, packet: unknown): void;
  runCustomAction(target: ActionTarget, action: string, param: string | null): Promise<CustomActionResult>;
  /** Merges history from another holder (the agent); see HistoryStore.importHistory. */
  importHistory(data: HistoryExport): void;
  /** Resolves once pm2.log's tail has been read (tests, --json). */
  ready(): Promise<void>;
  close(): void;
}

const PM2_LOG_LIVE_MAX_BYTES = 1024 * 1024;

/** Names from pm2.log go on screen: made terminal-safe like the snapshot's, so they match its services. */
export function sanitizeRecords(records: DaemonLogRecord[]): DaemonLogRecord[] {
  return records.map((r) => ('name' in r ? { ...r, name: sanitizeField(r.name) } : r));
}

export function createInsights(source: WholeSnapshotSource, link: InsightsLink, options: InsightsOptions): InsightsModel {
  const now = options.now ?? Date.now;
  const logPath = join(options.home, 'pm2.log');
  const history = new HistoryStore({ ...options.history, intervalMs: options.intervalMs });
  const listeners = new Listeners();
  const waiters = new ReplyWaiters();
  let timeline: TimelineState = emptyTimeline();
  let exceptions: ExceptionGroup[] = [];
  let insights: InsightsSnapshot = { timeline: [], exceptions: [], version: 0 };
  let closed = false;
  /** Bytes of pm2.log read so far (the end of the last whole line); null until the tail was read. */
  let logOffset: number | null = null;
  let polling = false;
  let lastListed: readonly Service[] | null = null;
  const errorLogsRead = new Set<string>();

  function publish(): void {
    if (closed) return;
    insights = { timeline: timeline.events, exceptions, version: insights.version + 1 };
    listeners.notify();
  }

  function clean(text: string): string {
    return sanitizeMultiline(link.maskText(text));
  }

  async function readTail(): Promise<void> {
    const read = await readPm2LogTail(logPath, options.pm2LogTailBytes ?? 512 * 1024);
    logOffset = read.offset;
    timeline = settleTimeline(reduceTimeline(timeline, sanitizeRecords(read.records), 'pm2-log'), now());
    publish();
  }

  /** Reads what the daemon appended to pm2.log since the last read (from the start again if it was rotated). */
  async function pollLog(): Promise<void> {
    if (polling || logOffset === null || closed) return;
    polling = true;
    try {
      const size = await sizeOf(logPath);
      if (size < logOffset) logOffset = 0;
      let start = logOffset;
      if (size - start > PM2_LOG_LIVE_MAX_BYTES) start = size - PM2_LOG_LIVE_MAX_BYTES;
      let changed = false;
      if (size > start) {
        const text = await readRange(logPath, start, size);
        const end = text.lastIndexOf('\n');
        if (end >= 0) {
          const whole = text.slice(0, end);
          logOffset = start + Buffer.byteLength(whole) + 1;
          const next = reduceTimeline(timeline, sanitizeRecords(parseDaemonLog(whole.split('\n'))), 'live');
          changed = next !== timeline;
          timeline = next;
        }
      }
      const settled = settleTimeline(timeline, now());
      if (settled !== timeline || changed) {
        timeline = settled;
        publish();
      }
    } catch {
      // pm2.log unreadable for now: the next refresh tries again
    } finally {
      polling = false;
    }
  }

  async function readErrorLog(service: Service): Promise<void> {
    const path = service.errLogPath;
    const id = `${service.pmId}\u0000${service.name}`;
    if (!path || errorLogsRead.has(id)) return;
    errorLogsRead.add(id);
    const occurrences = await readErrorLogStacks(service, path, options.errorLogTailBytes ?? 256 * 1024, clean);
    if (occurrences.length === 0 || closed) return;
    // What the log holds happened before anything the bus told since: those go first.
    const live = exceptions;
    exceptions = addExceptions([], occurrences);
    exceptions = mergeLive(exceptions, live);
    publish();
  }

  /**
   * On every tick (the refresh interval): one history sample of each service as the snapshot shows it now (the
   * store tells listeners only of changes, so a steady value is sampled here too), deletes found by comparing
   * lists, and what pm2.log got since.
   */
  function tick(): void {
    const snapshot = source.getSnapshot();
    if (snapshot.connection.kind === 'connected') {
      const at = now();
      for (const service of snapshot.services) {
        const values: Partial<Record<SeriesKey, number>> = { cpu: service.cpu, memory: service.memory };
        for (const metric of service.metrics) {
          const n = Number(metric.value);
          if (metric.value.trim() !== '' && Number.isFinite(n)) values[`metric:${metric.name}`] = n;
        }
        history.record(service, at, values);
        void readErrorLog(service);
      }
      noticeDeletes(snapshot.services, at);
      history.retain(snapshot.services);
    }
    void pollLog();
  }

  function noticeDeletes(services: readonly Service[], at: number): void {
    if (services === lastListed) return;
    if (lastListed) {
      const present = new Set(services.map((s) => `${s.pmId}\u0000${s.name}`));
      const gone = lastListed.filter((old) => !present.has(`${old.pmId}\u0000${old.name}`));
      for (const old of gone) timeline = recordDelete(timeline, old, at);
      if (gone.length > 0) publish();
    }
    lastListed = services;
  }

  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  const tailRead = readTail().catch(() => {
    logOffset = 0;
  });

  return {
    getInsights: () => insights,
    historyOf: (key: ServiceKey): ServiceHistory => history.historyOf(key),
    subscribeInsights: (listener) => listeners.add(listener),
    onBusPacket(topic, packet) {
      if (topic === 'axm:reply') return waiters.receive(packet);
      const p = packet as { process?: { pm_id?: unknown; name?: unknown }; data?: unknown; at?: unknown } | undefined;
      if (typeof p?.process?.pm_id !== 'number') return;
      const { message, stack } = exceptionMessage(p.data);
      exceptions = addExceptions(exceptions, [
        {
          pmId: p.process.pm_id,
          name: sanitizeField(String(p.process.name ?? '')),
          message: clean(message),
          stack: clean(stack),
          at: typeof p.at === 'number' ? p.at : now(),
          source: 'bus',
        },
      ]);
      publish();
    },
    runCustomAction(target, action, param) {
      if (options.readOnly) return Promise.resolve({ ok: false, error: { code: 'read-only', params: { action } } });
      return runCustomAction(
        {
          home: options.home,
          call: (method, arg, ms) => link.callDaemon(method, arg, ms),
          waitForReply: (pmId, name, ms) => waiters.wait(pmId, name, ms),
          maskText: (text) => sanitizeMultiline(link.maskText(text)),
        },
        target,
        action,
        param,
        options.customActionTimeoutMs ?? 10_000,
      );
    },
    importHistory: (data) => history.importHistory(data),
    ready: () => tailRead,
    close() {
      closed = true;
      clearInterval(timer);
      waiters.cancelAll();
      listeners.clear();
    },
  };
}


/** Groups from the error log, then the bus's on top (each bus occurrence counted once more into its group). */
function mergeLive(fromLog: ExceptionGroup[], live: readonly ExceptionGroup[]): ExceptionGroup[] {
  let merged = fromLog;
  for (const group of [...live].reverse()) {
    const same = merged.find((g) => g.pmId === group.pmId && g.name === group.name && g.message === group.message);
    if (!same) merged = [group, ...merged];
    else merged = [{ ...same, count: same.count + group.count, lastSeen: group.lastSeen, stack: group.stack, source: 'bus' }, ...merged.filter((g) => g !== same)];
  }
  return merged;
}

/** The records in the last `maxBytes` of pm2.log, and the offset just after its last whole line. */
export async function readPm2LogTail(path: string, maxBytes: number): Promise<{ records: DaemonLogRecord[]; offset: number }> {
  const { lines } = await readTailLines(path, { maxLines: 20_000, maxBytes });
  const last = lines[lines.length - 1];
  const offset = last ? last.offset + Buffer.byteLength(last.text) + 1 : await sizeOf(path);
  return { records: parseDaemonLog(lines.map((l) => l.text)), offset };
}

/** The uncaught errors in the last `maxBytes` of a service's error log, as occurrences (text through `clean`). */
export async function readErrorLogStacks(service: ServiceKey, path: string, maxBytes: number, clean: (text: string) => string): Promise<ExceptionOccurrence[]> {
  const { lines } = await readTailLines(path, { maxLines: 5000, maxBytes });
  return findErrorStacks(lines.map((l) => l.text)).map((s) => ({
    pmId: service.pmId,
    name: service.name,
    message: clean(s.message),
    stack: clean(s.stack),
    at: s.at,
    source: 'error-log',
  }));
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function readRange(path: string, start: number, end: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

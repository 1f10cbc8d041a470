// The logs: per-service ring buffers under one memory budget, fed by the bus's raw chunks (split into lines, a
// partial line shown after a wait and replaced when its end comes), lines of processes not listed yet held until a
// list says whose they are, and history read back from the log files the first time a service is shown (again, to another depth, on asking).
import { LineSplitter, type SplitLine } from '../line-splitter.js';
import { LogBuffer } from '../log-buffer.js';
import { fileSize, parseLogDate, readHistory } from '../log-history.js';
import { redactText } from '../redact.js';
import { sanitizeLogText } from '../sanitize.js';
import type { HistoryDepth, LogLine, Service } from '../types.js';
import type { DaemonLink } from './daemon-link.js';
import { Listeners } from './listeners.js';
import type { ProcessList } from './process-list.js';

type Stream = 'out' | 'err';

export interface LogModelOptions {
  link: DaemonLink;
  list: ProcessList;
  logLinesPerService: number;
  /** Bytes kept of one line (the rest is counted, and stays in the log file). */
  maxLineBytes: number;
  /** Memory all buffers together may hold (LogBuffer lineCost); the oldest lines of the biggest go first. */
  logBytesBudget: number;
  /** Lines read back from the files when a service is first shown; 0: none. */
  historyLines: number;
  /** How long a partial line waits for its end before it is shown as it is. */
  partialLineFlushMs: number;
}

export interface LogModel {
  /** The lines of one service, newest last (the same array until they change). */
  lines(pmId: number): readonly LogLine[];
  /** Every service's lines, for the snapshot. */
  all(): ReadonlyMap<number, readonly LogLine[]>;
  /** The service is on screen: read its history once, now or as soon as it is listed. */
  show(pmId: number): void;
  /** Drops the service's history lines and reads them again to `depth` (live lines stay, after them). */
  readHistory(pmId: number, depth: HistoryDepth): void;
  /** Lines were added, replaced or read back for `pmId`. */
  onLines(listener: (pmId: number) => void): () => void;
  /** Lines added since the last call (the composition's flood measure). */
  takeLineCount(): number;
  close(): void;
}

const HELD_BYTES_MAX = 4 * 1024 * 1024;
/** Bytes read from the end of each file for history: about 512 per line asked for, within these bounds. */
const HISTORY_BYTES_MIN = 256 * 1024;
const HISTORY_BYTES_MAX = 16 * 1024 * 1024;
const noLines: readonly LogLine[] = [];

export function createLogModel(options: LogModelOptions): LogModel {
  const { link, list } = options;
  let closed = false;
  // `generation` changes whenever the buffers are dropped, so a history read that was in flight is discarded.
  let generation = 0;
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
  const partialTimers = new Map<string, NodeJS.Timeout>();
  let nextSeq = 1;
  let historySeqFloor = 0;
  const historyWanted = new Set<number>();
  const historyLoaded = new Set<number>();
  /** The depth asked for per service (readHistory); the others read `historyLines` lines. */
  const historyDepth = new Map<number, HistoryDepth>();
  /** Bumped per service on each readHistory, so a read still in flight to the old depth is discarded. */
  const historyReads = new Map<number, number>();
  /** Bytes seen on the bus per log file since the bus connected: history is read up to size minus these. */
  const busBytesByPath = new Map<string, number>();
  const busBytesPending = new Map<string, number>();
  let linesAdded = 0;
  const lineListeners = new Listeners<[number]>();

  const serviceOf = (pmId: number): Service | undefined => list.services.find((s) => s.pmId === pmId);

  function bufferOf(pmId: number): LogBuffer {
    let buffer = buffers.get(pmId);
    if (!buffer) buffers.set(pmId, (buffer = new LogBuffer(options.logLinesPerService)));
    return buffer;
  }

  /** A line as the snapshot holds it: date prefix split off (`at` already says when), secrets masked, safe to draw. */
  function cleanLogText(raw: string): string {
    return sanitizeLogText(redactText(parseLogDate(raw).text, list.secrets));
  }

  function appendLine(pmId: number, stream: Stream, line: SplitLine, at: number, source: string): number | undefined {
    if (!list.listed || !serviceOf(pmId)) {
      hold(pmId, stream, line, at);
      return undefined;
    }
    linesAdded += 1;
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
    list.refreshSoon();
  }

  /** After a list: held lines of listed processes go in (masked with their secrets), the rest are dropped. */
  function releaseHeld(): void {
    if (held.size === 0) return;
    const waiting = [...held];
    held.clear();
    heldBytes = 0;
    for (const [pmId, lines] of waiting) {
      if (!serviceOf(pmId)) continue; // gone before it was ever listed
      for (const { stream, line, at } of lines) appendLine(pmId, stream, line, at, `${pmId}:${stream}`);
      lineListeners.notify(pmId);
    }
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
    countBusBytes(pmId, stream, Buffer.byteLength(data));
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
            lineListeners.notify(pmId);
          }
        }, options.partialLineFlushMs),
      );
    }
    lineListeners.notify(pmId);
  }

  function pathOf(service: Service | undefined, stream: Stream): string | null {
    return (stream === 'out' ? service?.outLogPath : service?.errLogPath) ?? null;
  }

  function countBusBytes(pmId: number, stream: Stream, bytes: number): void {
    const path = pathOf(serviceOf(pmId), stream);
    if (path) busBytesByPath.set(path, (busBytesByPath.get(path) ?? 0) + bytes);
    else busBytesPending.set(`${pmId}:${stream}`, (busBytesPending.get(`${pmId}:${stream}`) ?? 0) + bytes);
  }

  function settlePendingBytes(): void {
    for (const [key, bytes] of busBytesPending) {
      const [id, stream] = key.split(':') as [string, Stream];
      const path = pathOf(serviceOf(Number(id)), stream);
      if (!path) continue;
      busBytesByPath.set(path, (busBytesByPath.get(path) ?? 0) + bytes);
      busBytesPending.delete(key);
    }
  }

  function forgetService(pmId: number): void {
    buffers.delete(pmId);
    historyLoaded.delete(pmId);
    historyWanted.delete(pmId);
    historyDepth.delete(pmId);
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

  function dropAll(): void {
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
    const service = serviceOf(pmId);
    const depth = historyDepth.get(pmId) ?? { lines: options.historyLines };
    const maxLines = 'lines' in depth ? Math.min(depth.lines, options.logLinesPerService) : options.logLinesPerService;
    if (!service || historyLoaded.has(pmId) || maxLines <= 0) return;
    historyLoaded.add(pmId);
    const started = generation;
    const read = historyReads.get(pmId) ?? 0;
    const live = bufferOf(pmId).toArray();
    const source = async (path: string | null, stream: Stream) => ({
      path,
      liveStartEstimate: path ? (await fileSize(path)) - (busBytesByPath.get(path) ?? 0) : 0,
      liveTexts: live.filter((l) => !l.history && l.stream === stream).slice(0, 3).map((l) => l.text),
    });
    const entries = await readHistory(
      await source(service.outLogPath, 'out'),
      await source(service.errLogPath, 'err'),
      maxLines,
      (text) => sanitizeLogText(redactText(text, list.secrets)),
      'lines' in depth ? Math.min(HISTORY_BYTES_MAX, Math.max(HISTORY_BYTES_MIN, maxLines * 512)) : HISTORY_BYTES_MAX,
      options.maxLineBytes,
      'sinceMs' in depth ? depth.sinceMs : undefined,
    );
    if (closed || generation !== started || (historyReads.get(pmId) ?? 0) !== read || !historyLoaded.has(pmId) || entries.length === 0) return;
    historySeqFloor -= entries.length;
    const base = historySeqFloor;
    bufferOf(pmId).prepend(
      entries.map((e, i) => ({ seq: base + i, at: e.at, stream: e.stream, text: e.text, history: true, ...(e.cutBytes ? { cutBytes: e.cutBytes } : {}) })),
    );
    enforceBudget();
    lineListeners.notify(pmId);
  }

  link.onLog((pmId, stream, data, at) => receiveChunk(pmId, stream, data, at));
  link.onState((_state, before) => {
    if (before.kind === 'linked') dropAll();
  });
  list.onList((change) => {
    for (const pmId of change.removed) forgetService(pmId); // deleted (pm2 sends no event for it), or its id reused
    settlePendingBytes();
    releaseHeld();
    for (const pmId of historyWanted) if (serviceOf(pmId)) void loadHistory(pmId);
  });

  return {
    lines: (pmId) => buffers.get(pmId)?.toArray() ?? noLines,
    all() {
      const logs = new Map<number, readonly LogLine[]>();
      for (const [pmId, buffer] of buffers) logs.set(pmId, buffer.toArray());
      return logs;
    },
    show(pmId) {
      historyWanted.add(pmId);
      void loadHistory(pmId);
    },
    readHistory(pmId, depth) {
      historyDepth.set(pmId, depth);
      historyReads.set(pmId, (historyReads.get(pmId) ?? 0) + 1);
      historyLoaded.delete(pmId);
      buffers.get(pmId)?.dropHistory();
      lineListeners.notify(pmId);
      historyWanted.add(pmId);
      void loadHistory(pmId);
    },
    onLines: (listener) => lineListeners.add(listener),
    takeLineCount() {
      const count = linesAdded;
      linesAdded = 0;
      return count;
    },
    close() {
      closed = true;
      for (const timer of partialTimers.values()) clearTimeout(timer);
      partialTimers.clear();
      lineListeners.clear();
    },
  };
}

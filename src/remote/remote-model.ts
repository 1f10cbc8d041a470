// What the monitor knows of one remote host, rebuilt from the NDJSON records its `gakuco-monit --json --watch`
// writes (src/stream/records.ts). Pure: records in, plain data out. Everything is made terminal-safe again here
// (sanitizeDeep is idempotent): a remote is another program, maybe another version.
import { LogBuffer } from '../pm2-bridge/log-buffer.js';
import { sanitizeDeep } from '../pm2-bridge/sanitize.js';
import type { ConnectionState, Diagnostic, LogLine, Service } from '../pm2-bridge/types.js';
import { REPEATED_FIELDS, STREAM_VERSION, type StreamService } from '../stream/records.js';

export type RecordOutcome =
  /** The services, the remote's PM2 connection or its findings changed. */
  | { kind: 'snapshot' }
  | { kind: 'logs' }
  | { kind: 'hello'; version: number }
  /** Nothing to show (a heartbeat, an unknown or malformed record). */
  | { kind: 'none' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class RemoteModel {
  connection: ConnectionState | null = null;
  services: readonly Service[] = [];
  diagnostics: readonly Diagnostic[] = [];
  refreshedAt: number | null = null;
  /** Log lines the remote could not send (its reader, us, was behind). */
  droppedLines = 0;
  /** Per pm_id: lines read back from the files there (they come in order, before or between live ones), and live. */
  private readonly buffers = new Map<number, { history: LogBuffer; live: LogBuffer }>();
  private logsCache: ReadonlyMap<number, readonly LogLine[]> | null = null;

  constructor(private readonly linesPerService: number) {}

  /** Applies one line of the stream. */
  apply(line: string): RecordOutcome {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return { kind: 'none' };
    }
    if (!isObject(record) || typeof record.type !== 'string') return { kind: 'none' };
    if (record.type === 'hello') return { kind: 'hello', version: typeof record.v === 'number' ? record.v : 0 };
    if (record.v !== STREAM_VERSION) return { kind: 'none' };
    switch (record.type) {
      case 'snapshot':
        return this.applySnapshot(record);
      case 'log':
        return this.applyLog(record);
      case 'dropped':
        this.droppedLines += typeof record.lines === 'number' ? record.lines : 0;
        return { kind: 'none' };
      default:
        return { kind: 'none' };
    }
  }

  clearLogs(): void {
    this.buffers.clear();
    this.logsCache = null;
  }

  /** Per pm_id (the remote's), the newest lines last; the same map until a line changes. */
  logs(): ReadonlyMap<number, readonly LogLine[]> {
    if (this.logsCache === null) {
      const logs = new Map<number, readonly LogLine[]>();
      for (const [pmId, { history, live }] of this.buffers) {
        const older = history.toArray();
        logs.set(pmId, older.length === 0 ? live.toArray() : [...older, ...live.toArray()].slice(-this.linesPerService));
      }
      this.logsCache = logs;
    }
    return this.logsCache;
  }

  private applySnapshot(record: Record<string, unknown>): RecordOutcome {
    if (!Array.isArray(record.services) || !isObject(record.connection) || typeof record.connection.kind !== 'string') return { kind: 'none' };
    this.connection = sanitizeDeep(record.connection as unknown as ConnectionState);
    const before = new Map(this.services.map((s) => [s.pmId, s]));
    this.services = (record.services as unknown[])
      .filter((s): s is StreamService => isObject(s) && typeof s.pmId === 'number')
      .flatMap((s) => {
        const full = withRepeatedFields(s, before.get(s.pmId));
        return full === null ? [] : [sanitizeDeep(full)];
      });
    const diagnostics = Array.isArray(record.diagnostics) ? sanitizeDeep(record.diagnostics as Diagnostic[]) : [];
    // The same array while the findings are the same, so the merged list keeps its findings too.
    if (JSON.stringify(diagnostics) !== JSON.stringify(this.diagnostics)) this.diagnostics = diagnostics;
    this.refreshedAt = typeof record.refreshedAt === 'number' ? record.refreshedAt : null;
    const present = new Set(this.services.map((s) => s.pmId));
    for (const pmId of this.buffers.keys()) {
      if (present.has(pmId)) continue;
      this.buffers.delete(pmId); // deleted there
      this.logsCache = null;
    }
    return { kind: 'snapshot' };
  }

  private applyLog(record: Record<string, unknown>): RecordOutcome {
    const { pmId, seq, at, stream, text, history, cutBytes } = record;
    if (typeof pmId !== 'number' || typeof seq !== 'number' || typeof text !== 'string') return { kind: 'none' };
    const line: LogLine = {
      seq,
      at: typeof at === 'number' ? at : Date.now(),
      stream: stream === 'err' ? 'err' : 'out',
      text: sanitizeDeep(text),
      history: history === true,
      ...(typeof cutBytes === 'number' && cutBytes > 0 ? { cutBytes } : {}),
    };
    let buffers = this.buffers.get(pmId);
    if (buffers === undefined) {
      buffers = { history: new LogBuffer(this.linesPerService), live: new LogBuffer(this.linesPerService) };
      this.buffers.set(pmId, buffers);
    }
    const buffer = line.history ? buffers.history : buffers.live;
    // A seq seen before is a partial line that grew.
    if (!buffer.replace(seq, line)) buffer.push(line);
    this.logsCache = null;
    return { kind: 'logs' };
  }
}

/**
 * The whole service: the fields a record left out (listed in `same`) from the same pm_id's previous record. null
 * when one is missing with nothing to fill it from (a record from the middle of a stream): skipped until complete.
 */
function withRepeatedFields(service: StreamService, previous: Service | undefined): Service | null {
  const { same, ...rest } = service;
  const out: Record<string, unknown> = rest;
  for (const field of REPEATED_FIELDS) {
    if (field in out) continue;
    if (previous === undefined || !Array.isArray(same) || !same.includes(field)) return null;
    out[field] = previous[field];
  }
  return out as unknown as Service;
}

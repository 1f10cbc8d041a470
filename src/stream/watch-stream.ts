// `gakuco-monit --json --watch`: the bridge's snapshots and log lines as NDJSON records (records.ts) on a stream,
// until the reader goes away (EPIPE) or the caller stops it.
import type { Writable } from 'node:stream';
import type { Bridge, LogLine, Service, Snapshot } from '../pm2-bridge/types.js';
import { newLogLines } from './new-log-lines.js';
import { recordLine, REPEATED_FIELDS, STREAM_VERSION, type RepeatedField, type StreamRecord, type StreamService } from './records.js';

export interface WatchStreamOptions {
  /** The package version, for the hello record. */
  version: string;
  home: string;
  /** A heartbeat is written when nothing else was for this long; default 5000 ms. */
  heartbeatMs?: number;
  /** Log lines are dropped (and counted in a `dropped` record) while this many bytes wait unwritten; default 4 MiB. */
  maxBufferedBytes?: number;
  now?: () => number;
}

export interface WatchStream {
  /** Resolves when the stream has ended: `reader-gone` when the reader closed it, `stopped` after stop(). */
  readonly done: Promise<'reader-gone' | 'stopped'>;
  stop(): void;
}

/**
 * Writes a hello, then a snapshot record whenever the services, the connection or the setup findings change, and
 * each new log line of every service (their history first: every service's logs are asked for). Snapshots are
 * never dropped; log lines are while the reader is `maxBufferedBytes` behind.
 */
export function startWatchStream(bridge: Bridge, out: Writable, options: WatchStreamOptions): WatchStream {
  const now = options.now ?? Date.now;
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  let ended = false;
  let finish: (why: 'reader-gone' | 'stopped') => void = () => undefined;
  const done = new Promise<'reader-gone' | 'stopped'>((resolve) => (finish = resolve));
  let lastWriteAt = now();
  let dropped = 0;
  let last: Snapshot | null = null;
  const asked = new Set<number>();
  /** Per pm_id, the JSON of each repeated field as last sent: a field sent once is not sent again until it changes. */
  const sentFields = new Map<number, Map<RepeatedField, string>>();

  const slim = (service: Service): StreamService => {
    let sent = sentFields.get(service.pmId);
    if (sent === undefined) sentFields.set(service.pmId, (sent = new Map()));
    const out: Record<string, unknown> = { ...service };
    const same: RepeatedField[] = [];
    for (const field of REPEATED_FIELDS) {
      const json = JSON.stringify(service[field] ?? null);
      if (sent.get(field) === json) {
        delete out[field];
        same.push(field);
      } else {
        sent.set(field, json);
      }
    }
    if (same.length > 0) out.same = same;
    return out as StreamService;
  };

  const write = (record: StreamRecord): void => {
    if (ended) return;
    lastWriteAt = now();
    out.write(recordLine(record));
  };
  const end = (why: 'reader-gone' | 'stopped'): void => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(heartbeat);
    out.off('error', onError);
    finish(why);
  };
  // EPIPE (the reader is gone) and any other write failure end the stream alike: nobody reads it any more.
  const onError = (): void => end('reader-gone');
  out.on('error', onError);

  const writeSnapshot = (snapshot: Snapshot): void => {
    const { connection, refreshedAt, services, diagnostics } = snapshot;
    const present = new Set(services.map((service) => service.pmId));
    for (const pmId of sentFields.keys()) if (!present.has(pmId)) sentFields.delete(pmId);
    write({ type: 'snapshot', v: STREAM_VERSION, at: now(), connection, refreshedAt, services: services.map(slim), diagnostics });
  };
  const writeLogs = (pmId: number, lines: readonly LogLine[]): void => {
    for (const line of lines) {
      if (out.writableLength > maxBuffered) {
        dropped += 1;
        continue;
      }
      if (dropped > 0) {
        write({ type: 'dropped', v: STREAM_VERSION, lines: dropped });
        dropped = 0;
      }
      write({ type: 'log', v: STREAM_VERSION, pmId, ...line });
    }
  };

  const onChange = (): void => {
    const snapshot = bridge.getSnapshot();
    const previous = last;
    last = snapshot;
    if (
      previous === null ||
      previous.services !== snapshot.services ||
      previous.connection !== snapshot.connection ||
      previous.diagnostics !== snapshot.diagnostics
    ) {
      writeSnapshot(snapshot);
    }
    for (const service of snapshot.services) {
      if (asked.has(service.pmId)) continue;
      asked.add(service.pmId);
      bridge.showLogs(service.pmId);
    }
    for (const [pmId, lines] of snapshot.logs) writeLogs(pmId, newLogLines(previous?.logs.get(pmId), lines));
  };

  write({ type: 'hello', v: STREAM_VERSION, program: 'gakuco-monit', version: options.version, home: options.home, at: now() });
  const unsubscribe = bridge.subscribe(onChange);
  onChange();
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const heartbeat = setInterval(() => {
    if (now() - lastWriteAt >= heartbeatMs) write({ type: 'heartbeat', v: STREAM_VERSION, at: now() });
  }, Math.max(50, Math.floor(heartbeatMs / 2)));
  heartbeat.unref?.();
  return { done, stop: () => end('stopped') };
}

// The NDJSON records of `gakuco-monit --json --watch`: one JSON object per line, each with its type and the
// record format's version `v`. JSON escapes every line break inside a string, so a log line never breaks a record.
// The monitor's remote source (src/remote/) reads exactly these; `jq` reads them too.
import type { ConnectionState, Diagnostic, LogLine, Service } from '../pm2-bridge/types.js';

/** Bumped when a record changes incompatibly; a reader refuses a stream whose hello has another version. */
export const STREAM_VERSION = 1;

/** The first record: who is speaking. */
export interface HelloRecord {
  type: 'hello';
  v: number;
  program: 'gakuco-monit';
  /** The package version of the writer. */
  version: string;
  /** The PM2 home watched. */
  home: string;
  at: number;
}

/** Everything but the logs, written whenever the services, the connection or the setup findings change. */
export interface SnapshotRecord {
  type: 'snapshot';
  v: number;
  at: number;
  connection: ConnectionState;
  refreshedAt: number | null;
  services: readonly Service[];
  diagnostics: readonly Diagnostic[];
}

/**
 * One log line of service `pmId`. A line with a `seq` already sent replaces it (a partial line that grew); lines
 * with `history: true` were read back from the log files and come before the live ones.
 */
export interface LogRecord extends LogLine {
  type: 'log';
  v: number;
  pmId: number;
}

/** `lines` log lines were not written while the reader did not keep up (the snapshots always are). */
export interface DroppedRecord {
  type: 'dropped';
  v: number;
  lines: number;
}

/** Written when nothing else was for a while: the reader knows the link is alive, the writer that its reader is. */
export interface HeartbeatRecord {
  type: 'heartbeat';
  v: number;
  at: number;
}

export type StreamRecord = HelloRecord | SnapshotRecord | LogRecord | DroppedRecord | HeartbeatRecord;

/** One record as one line. */
export function recordLine(record: StreamRecord): string {
  return `${JSON.stringify(record)}\n`;
}

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

/**
 * Fields of a service that rarely change and weigh the most (env above all): a snapshot record leaves each out of a
 * service when it is the same as in the last record that carried it, and names it in that service's `same`.
 */
export const REPEATED_FIELDS = ['env', 'script', 'cwd', 'interpreter', 'nodeVersion', 'outLogPath', 'errLogPath'] as const satisfies readonly (keyof Service)[];
export type RepeatedField = (typeof REPEATED_FIELDS)[number];

/** A service in a snapshot record: `same` lists the fields left out because they did not change. */
export type StreamService = Omit<Service, RepeatedField> & Partial<Pick<Service, RepeatedField>> & { same?: RepeatedField[] };

/** Everything but the logs, written whenever the services, the connection or the setup findings change. */
export interface SnapshotRecord {
  type: 'snapshot';
  v: number;
  at: number;
  connection: ConnectionState;
  refreshedAt: number | null;
  services: readonly StreamService[];
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

// The lines of $PM2_HOME/pm2.log that tell what happened to apps, as records. Pure: lines in, records out.
// Wording of pm2 7.0.4 (lib/God.js, lib/God/ForkMode.js, ClusterMode.js, ActionMethods.js, Worker.js):
//   2026-12-01T11:04:23: PM2 log: App [thrower:0] starting in -fork mode-
//   2026-12-01T11:04:24: PM2 log: App [thrower:0] exited with code [1] via signal [SIGINT]
//   2026-12-01T11:04:24: PM2 log: Stopping app:leaker id:1
//   2026-12-01T11:04:24: PM2 log: [PM2][WORKER] Process 1 restarted because it exceeds --max-memory-restart value
//     (current_memory=97169408 max_memory_limit=83886080 [octets])
//   2026-12-01T11:04:26: PM2 log: Script /srv/app/thrower.cjs had too many unstable restarts (3). Stopped. "errored"
//   2026-12-01T11:04:05: PM2 log: --- New PM2 Daemon started ----...
//   2026-12-01T11:05:50: PM2 log: PM2 successfully stopped
// Every other line (the daemon's banner, tree kills, errors) is no record. Lines that do not parse are skipped.
import { parseLogDate } from '../log-history.js';

export type DaemonLogRecord =
  | { kind: 'starting'; at: number; name: string; pmId: number }
  | { kind: 'exited'; at: number; name: string; pmId: number; exitCode: number | null; signal: string | null }
  | { kind: 'stopping'; at: number; name: string; pmId: number }
  | { kind: 'memory-limit'; at: number; pmId: number; memory: number; limit: number }
  /** Follows the `exited` line of the same app (pm2 writes both in one handleExit); `script` is its path. */
  | { kind: 'errored'; at: number; script: string; restarts: number }
  | { kind: 'daemon-start'; at: number }
  | { kind: 'daemon-stop'; at: number };

const PREFIX = /^PM2 (?:log|error): /;
// The name may hold anything, ']' and ':' included: the id is the last `:digits]` before the known tail.
const STARTING = /^App \[(.*):(\d+)\] starting in -(?:fork|cluster) mode-$/;
const EXITED = /^App \[(.*):(\d+)\] exited with code \[([^\]]*)\] via signal \[([^\]]*)\]$/;
const STOPPING = /^Stopping app:(.*) id:(\d+)$/;
const MEMORY = /^\[PM2\]\[WORKER\] Process (\d+) restarted because it exceeds --max-memory-restart value \(current_memory=(\d+) max_memory_limit=(\d+)/;
const ERRORED = /^Script (.*) had too many unstable restarts \((\d+)\)\. Stopped\./;
const DAEMON_START = /^--- New PM2 Daemon started/;
const DAEMON_STOP = /^PM2 successfully stopped$/;

function codeOf(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) ? n : null;
}

/** One pm2.log line as a record, or null when it says nothing about an app or the daemon's life. */
export function parseDaemonLogLine(line: string): DaemonLogRecord | null {
  const { at, text: rest } = parseLogDate(line.replace(/\r$/, ''));
  if (at === null) return null;
  const prefix = PREFIX.exec(rest);
  if (!prefix) return null;
  const text = rest.slice(prefix[0].length);
  let m: RegExpExecArray | null;
  if ((m = STARTING.exec(text))) return { kind: 'starting', at, name: m[1] ?? '', pmId: Number(m[2]) };
  if ((m = EXITED.exec(text))) {
    const signal = (m[4] ?? '').trim();
    return { kind: 'exited', at, name: m[1] ?? '', pmId: Number(m[2]), exitCode: codeOf(m[3] ?? ''), signal: signal && signal !== 'null' ? signal : null };
  }
  if ((m = STOPPING.exec(text))) return { kind: 'stopping', at, name: m[1] ?? '', pmId: Number(m[2]) };
  if ((m = MEMORY.exec(text))) return { kind: 'memory-limit', at, pmId: Number(m[1]), memory: Number(m[2]), limit: Number(m[3]) };
  if ((m = ERRORED.exec(text))) return { kind: 'errored', at, script: m[1] ?? '', restarts: Number(m[2]) };
  if (DAEMON_START.test(text)) return { kind: 'daemon-start', at };
  if (DAEMON_STOP.test(text)) return { kind: 'daemon-stop', at };
  return null;
}

export function parseDaemonLog(lines: Iterable<string>): DaemonLogRecord[] {
  const records: DaemonLogRecord[] = [];
  for (const line of lines) {
    const record = parseDaemonLogLine(line);
    if (record) records.push(record);
  }
  return records;
}

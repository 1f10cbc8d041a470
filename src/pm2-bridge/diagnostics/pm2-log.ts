// Reads the daemon's own log ($PM2_HOME/pm2.log) for the history `pm2 list` does not keep: when each app was
// started, and which restarts were forced by max_memory_restart. Pure: text in, events out.
//
// Lines look like (pm2 7, PM2_LOG_DATE_FORMAT default YYYY-MM-DDTHH:mm:ss, local time):
//   2026-01-02T03:04:05: PM2 log: App [notion-mcp:0] starting in -fork mode-
//   [PM2][WORKER] Process 0 restarted because it exceeds --max-memory-restart value (current_memory=... )
// The worker line is printed with console.log, which pm2 also prefixes with the date.

export type Pm2LogEvent =
  | { kind: 'start'; at: number | null; name: string; pmId: number }
  | { kind: 'memory-restart'; at: number | null; pmId: number };

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}):\s/;
const START = /PM2 log: App \[(.+):(\d+)\] starting in -(?:fork|cluster) mode-/;
const MEMORY_RESTART = /\[PM2\]\[WORKER\] Process (\d+) restarted because it exceeds --max-memory-restart/;

export function parsePm2Log(text: string): Pm2LogEvent[] {
  const events: Pm2LogEvent[] = [];
  for (const line of text.split('\n')) {
    const date = DATE_PREFIX.exec(line);
    // Without an offset, Date parses this form as local time, which is how pm2 (dayjs) wrote it.
    const parsed = date?.[1] ? Date.parse(date[1]) : NaN;
    const at = Number.isNaN(parsed) ? null : parsed;
    const start = START.exec(line);
    if (start?.[1] !== undefined && start[2] !== undefined) {
      events.push({ kind: 'start', at, name: start[1], pmId: Number(start[2]) });
      continue;
    }
    const memory = MEMORY_RESTART.exec(line);
    if (memory?.[1] !== undefined) events.push({ kind: 'memory-restart', at, pmId: Number(memory[1]) });
  }
  return events;
}

/** Starts of this app (name and pm_id) at or after `since` (epoch ms). Lines without a date count. */
export function countStarts(events: readonly Pm2LogEvent[], name: string, pmId: number, since: number): number {
  return events.filter((e) => e.kind === 'start' && e.name === name && e.pmId === pmId && (e.at ?? since) >= since)
    .length;
}

/** Memory-limit restarts of pm_id at or after `since` (its creation, as pm_ids are reused after a delete). */
export function countMemoryRestarts(events: readonly Pm2LogEvent[], pmId: number, since: number): number {
  return events.filter((e) => e.kind === 'memory-restart' && e.pmId === pmId && (e.at ?? since) >= since).length;
}

/** Events grouped by pm_id, so each service scans only its own. */
export function groupByPmId(events: readonly Pm2LogEvent[]): Map<number, Pm2LogEvent[]> {
  const groups = new Map<number, Pm2LogEvent[]>();
  for (const event of events) {
    const group = groups.get(event.pmId);
    if (group) group.push(event);
    else groups.set(event.pmId, [event]);
  }
  return groups;
}

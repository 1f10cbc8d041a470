// The event timeline as a pure reducer: pm2.log records (and deletes the list shows) in, events with their causes
// out. pm2.log does not say "restart" or "stop"; the sequence does:
//   auto restart:   exited (not asked) -> starting              => exit (crash) + restart (auto)
//   manual restart: Stopping -> exited -> starting at once       => restart (manual), with the exit's code/signal
//   memory limit:   [WORKER] ... max-memory-restart -> Stopping -> exited -> starting => memory-limit + restart
//   stop:           Stopping -> exited, no start within RESTART_GAP_MS => stop
//   errored:        exited -> "too many unstable restarts"       => exit (crash) + errored
// A requested exit waits (pending) until a start or the gap decides; settleTimeline() decides by the clock.
import type { DaemonLogRecord } from './daemon-log-records.js';
import type { TimelineEvent } from './types.js';

/** A start this soon after a requested exit makes it a restart; later, the exit was a stop. */
export const RESTART_GAP_MS = 5_000;

interface PendingExit {
  at: number;
  name: string;
  exitCode: number | null;
  signal: string | null;
  memoryLimit: boolean;
  source: TimelineEvent['source'];
}

interface AppState {
  stopAsked: boolean;
  memory: { memory: number; limit: number } | null;
  /** The last exit was by itself: a start now is PM2's automatic restart. */
  crashed: boolean;
  pending: PendingExit | null;
}

export interface TimelineState {
  events: readonly TimelineEvent[];
  /** Per pm_id (pm2 reuses ids after a delete; a start under another name starts afresh). */
  apps: ReadonlyMap<number, AppState>;
  /** The app of the last `exited` record, which an `errored` line that follows belongs to. */
  lastExited: { pmId: number; name: string } | null;
  maxEvents: number;
}

export function emptyTimeline(maxEvents = 2000): TimelineState {
  return { events: [], apps: new Map(), lastExited: null, maxEvents };
}

const FRESH: AppState = { stopAsked: false, memory: null, crashed: false, pending: null };

/** Folds records into the state; `source` says where they came from. Returns a new state. */
export function reduceTimeline(
  state: TimelineState,
  records: readonly DaemonLogRecord[],
  source: TimelineEvent['source'] = 'pm2-log',
): TimelineState {
  if (records.length === 0) return state;
  const events = [...state.events];
  const apps = new Map(state.apps);
  let lastExited = state.lastExited;
  const appOf = (pmId: number): AppState => apps.get(pmId) ?? FRESH;
  const flushStop = (pmId: number, app: AppState): AppState => {
    const p = app.pending;
    if (!p) return app;
    events.push({ at: p.at, pmId, name: p.name, kind: 'stop', exitCode: p.exitCode, signal: p.signal, source: p.source });
    return { ...app, pending: null };
  };

  for (const r of records) {
    switch (r.kind) {
      case 'memory-limit': {
        const app = appOf(r.pmId);
        events.push({ at: r.at, pmId: r.pmId, name: app.pending?.name ?? nameOf(events, r.pmId), kind: 'memory-limit', memory: r.memory, limit: r.limit, source });
        apps.set(r.pmId, { ...flushStop(r.pmId, app), memory: { memory: r.memory, limit: r.limit }, crashed: false });
        break;
      }
      case 'stopping': {
        apps.set(r.pmId, { ...flushStop(r.pmId, appOf(r.pmId)), stopAsked: true, crashed: false });
        break;
      }
      case 'exited': {
        let app = flushStop(r.pmId, appOf(r.pmId));
        lastExited = { pmId: r.pmId, name: r.name };
        if (app.stopAsked || app.memory) {
          app = { ...app, stopAsked: false, crashed: false, pending: { at: r.at, name: r.name, exitCode: r.exitCode, signal: r.signal, memoryLimit: app.memory !== null, source } };
        } else {
          events.push({ at: r.at, pmId: r.pmId, name: r.name, kind: 'exit', cause: 'crash', exitCode: r.exitCode, signal: r.signal, source });
          app = { ...app, crashed: true };
        }
        apps.set(r.pmId, app);
        break;
      }
      case 'starting': {
        let app = appOf(r.pmId);
        const p = app.pending;
        if (p && p.name === r.name && r.at - p.at <= RESTART_GAP_MS) {
          events.push({
            at: r.at,
            pmId: r.pmId,
            name: r.name,
            kind: 'restart',
            cause: p.memoryLimit ? 'memory-limit' : 'manual',
            exitCode: p.exitCode,
            signal: p.signal,
            source,
          });
          app = { ...FRESH };
        } else {
          app = flushStop(r.pmId, app);
          const auto = app.crashed && lastExitedName(events, r.pmId) === r.name;
          events.push({ at: r.at, pmId: r.pmId, name: r.name, kind: auto ? 'restart' : 'start', ...(auto ? { cause: 'auto' as const } : {}), source });
          app = { ...FRESH };
        }
        apps.set(r.pmId, app);
        break;
      }
      case 'errored': {
        if (lastExited) {
          events.push({ at: r.at, pmId: lastExited.pmId, name: lastExited.name, kind: 'errored', restarts: r.restarts, source });
          apps.set(lastExited.pmId, { ...FRESH });
        }
        break;
      }
      case 'daemon-start':
      case 'daemon-stop': {
        for (const [pmId, app] of apps) flushStop(pmId, app);
        apps.clear();
        lastExited = null;
        events.push({ at: r.at, pmId: null, name: 'PM2', kind: r.kind, source });
        break;
      }
    }
  }
  // A stop is decided after later lines were read: put it back at its time (the sort is stable).
  events.sort((a, b) => a.at - b.at);
  return { ...state, events: bounded(events, state.maxEvents), apps, lastExited };
}

/** Requested exits with no start within RESTART_GAP_MS of `now` become stops. */
export function settleTimeline(state: TimelineState, now: number): TimelineState {
  const due = [...state.apps].filter(([, app]) => app.pending && now - app.pending.at > RESTART_GAP_MS);
  if (due.length === 0) return state;
  const events = [...state.events];
  const apps = new Map(state.apps);
  for (const [pmId, app] of due) {
    const p = app.pending!;
    events.push({ at: p.at, pmId, name: p.name, kind: 'stop', exitCode: p.exitCode, signal: p.signal, source: p.source });
    apps.set(pmId, { ...app, pending: null });
  }
  events.sort((a, b) => a.at - b.at);
  return { ...state, events: bounded(events, state.maxEvents), apps };
}

/**
 * A service the list no longer has was deleted (pm2 logs and sends nothing for it). A stop pending for it becomes
 * the delete, with that exit's code and signal.
 */
export function recordDelete(state: TimelineState, key: { pmId: number; name: string }, at: number): TimelineState {
  const apps = new Map(state.apps);
  const p = apps.get(key.pmId)?.pending;
  apps.delete(key.pmId);
  const event: TimelineEvent = p && p.name === key.name
    ? { at: p.at, pmId: key.pmId, name: key.name, kind: 'delete', exitCode: p.exitCode, signal: p.signal, source: 'live' }
    : { at, pmId: key.pmId, name: key.name, kind: 'delete', source: 'live' };
  const events = [...state.events, event].sort((a, b) => a.at - b.at);
  return { ...state, events: bounded(events, state.maxEvents), apps };
}

/** The events of one service (name and pm_id), oldest first. */
export function eventsOf(events: readonly TimelineEvent[], key: { pmId: number; name: string }): TimelineEvent[] {
  return events.filter((e) => e.pmId === key.pmId && e.name === key.name);
}

/** Events an operator should notice (not the starts and stops they asked for). */
export function isNotable(event: TimelineEvent): boolean {
  return event.kind === 'errored' || event.kind === 'memory-limit' || (event.kind === 'exit' && event.cause === 'crash');
}

function nameOf(events: readonly TimelineEvent[], pmId: number): string {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.pmId === pmId) return events[i]!.name;
  return '';
}

function lastExitedName(events: readonly TimelineEvent[], pmId: number): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.pmId === pmId && e.kind === 'exit') return e.name;
  }
  return null;
}

function bounded<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}

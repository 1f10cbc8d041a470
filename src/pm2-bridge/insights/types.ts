// The shapes of what the monitor keeps about the past (issue 10): metric history, the event timeline, exception
// groups and the custom actions a service declares. Plain data only, every text already safe to show.
//
// History can be filled by another source than the live bridge (the resident agent, `gakuco-monit serve`): it hands
// over a HistoryExport, which HistoryStore.importHistory() merges under the live samples. Keep this shape stable;
// add fields, never change the meaning of one.
import type { ActionTarget } from '../types.js';

/** Which series: 'cpu' (percent of one core), 'memory' (bytes), or `metric:<name>` for a numeric axm_monitor value. */
export type SeriesKey = 'cpu' | 'memory' | `metric:${string}`;

/**
 * One point of a series. Raw samples have only `at` and `value`; a point downsampled from several samples has the
 * bucket's average as `value` and its `min` / `max`.
 */
export interface HistoryPoint {
  /** Epoch ms (a downsampled point: the start of its bucket). */
  at: number;
  value: number;
  min?: number;
  max?: number;
}

/** A service is told apart by name and pm_id together: pm2 reuses an id after a delete. */
export interface ServiceKey {
  pmId: number;
  name: string;
}

/** The history of one service, oldest point first; downsampled points come before raw samples. */
export interface ServiceHistory extends ServiceKey {
  series: Partial<Record<SeriesKey, readonly HistoryPoint[]>>;
}

/** History handed from one holder to another (agent -> monitor). `version` 1 is this shape. */
export interface HistoryExport {
  version: 1;
  /** The sampling interval of the raw points, ms. */
  intervalMs: number;
  services: readonly ServiceHistory[];
}

/** Something that can fill history from elsewhere (the agent); the live bridge samples on its own. */
export interface HistoryFeed {
  /** Resolves with what the holder has, or null when it cannot be reached; never rejects. */
  fetchHistory(): Promise<HistoryExport | null>;
}

export type TimelineKind =
  | 'start'
  | 'exit'
  | 'restart'
  | 'memory-limit'
  | 'errored'
  | 'stop'
  | 'delete'
  | 'daemon-start'
  | 'daemon-stop';

/**
 * - restart `manual`: asked for (pm2 restart/reload, or an action of this monitor); `auto`: PM2 started it again after
 *   it exited by itself; `memory-limit`: PM2 restarted it for exceeding max_memory_restart.
 * - exit `crash`: it ended by itself; `requested`: it was asked to stop (stop, restart, delete, memory limit).
 */
export type TimelineCause = 'manual' | 'auto' | 'memory-limit' | 'crash' | 'requested';

export interface TimelineEvent {
  /** Epoch ms. pm2.log has whole seconds. */
  at: number;
  /** null for the daemon's own events. */
  pmId: number | null;
  name: string;
  kind: TimelineKind;
  cause?: TimelineCause;
  exitCode?: number | null;
  signal?: string | null;
  /** memory-limit: the memory PM2 measured and the limit, bytes. */
  memory?: number;
  limit?: number;
  /** errored: the unstable restarts PM2 counted. */
  restarts?: number;
  /** 'pm2-log': read back from $PM2_HOME/pm2.log when the monitor started (it happened before); 'live': since. */
  source: 'pm2-log' | 'live';
}

export interface ExceptionGroup extends ServiceKey {
  /** The error's first line (`Error: message`), what the group is keyed by. */
  message: string;
  count: number;
  /** Epoch ms; null when only the error log told (it has no times unless log_date_format is set). */
  firstSeen: number | null;
  lastSeen: number | null;
  /** The newest occurrence's stack, whole (bounded), lines joined by '\n'. */
  stack: string;
  /** 'bus': PM2 reported it while the monitor ran; 'error-log': found in the service's error log. */
  source: 'bus' | 'error-log';
}

/** A custom action a service declares (pm2_env.axm_actions, from tx2.action / @pm2/io io.action). */
export interface CustomAction {
  name: string;
  /** The handler takes a parameter (its function has two arguments: param, reply). */
  takesParam: boolean;
}

export type CustomActionResult =
  | { ok: true; reply: string }
  | { ok: false; error: { code: CustomActionErrorCode; params: Record<string, string | number> } };

/**
 * - `read-only`: the monitor runs with --read-only. `no-daemon` / `timeout` / `pm2-refused` as for ServiceActions.
 * - `not-declared`: the service does not declare that action (any more). `not-online`: PM2 sends actions only to
 *   online processes. `no-reply`: PM2 delivered it but the app did not reply within `ms`.
 */
export type CustomActionErrorCode =
  | 'read-only'
  | 'no-daemon'
  | 'timeout'
  | 'pm2-refused'
  | 'not-declared'
  | 'not-online'
  | 'no-reply';

/** Runs a declared custom action on the confirmed process; resolves (never rejects) within its timeout. */
export interface CustomActionRunner {
  runCustomAction(target: ActionTarget, action: string, param: string | null): Promise<CustomActionResult>;
}

/** What the monitor knows about the past, per service and for all. */
export interface InsightsSnapshot {
  /** Newest last, bounded. */
  timeline: readonly TimelineEvent[];
  /** Most recent lastSeen first. */
  exceptions: readonly ExceptionGroup[];
  /** Increases on every change. */
  version: number;
}

export interface InsightsSource {
  getInsights(): InsightsSnapshot;
  /** The history of one service (built on demand: history changes on every sample). */
  historyOf(key: ServiceKey): ServiceHistory;
  subscribeInsights(listener: () => void): () => void;
}

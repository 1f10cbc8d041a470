// The daemon's process list: refreshed at once when the link comes up, then on an interval, soon after bus events
// (throttled), never two at a time; on failure it says "load failed", keeps the last list and backs off. While the
// list is steady (only CPU, memory and metrics move, and not by much) the interval grows to the idle interval.
// Deletes come from comparing lists (pm2 sends no event for a delete). Secrets of every app's env are learned here.
import { sameValue } from '../../shared/same-value.js';
import { linkFailure } from '../actions.js';
import { DaemonGoneError } from '../client.js';
import { mergeSecrets, secretValues, type KnownSecrets } from '../redact.js';
import { toServices, type RawProcess } from '../to-service.js';
import type { ActionError, Service } from '../types.js';
import type { DaemonLink } from './daemon-link.js';
import { Listeners } from './listeners.js';
import { singleFlight } from './single-flight.js';

export interface ProcessListOptions {
  link: DaemonLink;
  /** Timeout of one list call. */
  rpcTimeoutMs: number;
  /** 0: no timer (one-shot readers call refresh themselves). */
  refreshIntervalMs: number;
  /** Bus events within this window cause one refresh. */
  eventRefreshThrottleMs: number;
  /** After failures the interval doubles per failure, up to this (or the interval, if longer). */
  maxBackoffMs: number;
  /**
   * The interval once the list has been steady for STEADY_REFRESHES refreshes (default: the interval, no back-off).
   * A list that is not steady, or a bus event, brings the interval back at once.
   */
  idleRefreshIntervalMs?: number;
}

/** Steady lists in a row before the interval backs off to the idle one. */
export const STEADY_REFRESHES = 3;
/** A move of CPU (percentage points) or memory (fraction) at least this large is news, not idle noise. */
const CPU_NEWS = 5;
const MEMORY_NEWS = 0.1;

/** What a service says apart from its live figures (CPU, memory, metrics). */
function shapeOf({ cpu: _cpu, memory: _memory, metrics: _metrics, ...rest }: Service): Omit<Service, 'cpu' | 'memory' | 'metrics'> {
  return rest;
}

/**
 * Whether `next` only moved live figures of `before`, each by less than news: the same services in the same states
 * (pid, restarts, status, env...), CPU within CPU_NEWS points, memory within MEMORY_NEWS of its last value.
 */
export function isSteadyList(before: readonly Service[], next: readonly Service[]): boolean {
  if (before.length !== next.length) return false;
  return next.every((s, i) => {
    const old = before[i]!;
    const calm = Math.abs(s.cpu - old.cpu) < CPU_NEWS && Math.abs(s.memory - old.memory) <= MEMORY_NEWS * Math.max(old.memory, 1);
    return calm && sameValue(shapeOf(s), shapeOf(old));
  });
}

export interface ListChange {
  services: readonly Service[];
  /** pm_ids that are gone: deleted, or now naming another app (its lines and checks are not the new app's). */
  removed: readonly number[];
  /** A service appeared or went (the first list above all). */
  setChanged: boolean;
  /** Anything in the list differs from the last one. */
  changed: boolean;
}

export interface LoadFailure {
  /** PM2's or the link's own words (English). */
  error: string;
  reason: ActionError;
}

export interface ProcessList {
  /** As toServices made them: exact text, no checks or findings merged. */
  readonly services: readonly Service[];
  /** Secret env values of every listed app, to mask wherever they appear. */
  readonly secrets: KnownSecrets;
  /** A list was applied since the link came up (until then no app's secrets are known). */
  readonly listed: boolean;
  readonly refreshedAt: number | null;
  /** The last list call failed (null once one succeeds again). */
  readonly failure: LoadFailure | null;
  /** Refreshes now (or once more after the refresh under way). */
  refresh(): Promise<void>;
  /** Resolves when no refresh is under way. */
  settled(): Promise<void>;
  /** A refresh within the event throttle window (bus events, lines of a process not listed yet). */
  refreshSoon(): void;
  onList(listener: (change: ListChange) => void): () => void;
  /** Called when `failure` changes. */
  onFailure(listener: (failure: LoadFailure | null) => void): () => void;
  close(): void;
}

export function createProcessList(options: ProcessListOptions): ProcessList {
  const { link } = options;
  let services: readonly Service[] = [];
  let steadyLists = 0;
  let lastTickAt = Date.now();
  let secrets: KnownSecrets = new Map();
  let listed = false;
  let refreshedAt: number | null = null;
  let failure: LoadFailure | null = null;
  let failures = 0;
  let closed = false;
  let tickTimer: NodeJS.Timeout | null = null;
  let soonTimer: NodeJS.Timeout | null = null;
  const listListeners = new Listeners<[ListChange]>();
  const failureListeners = new Listeners<[LoadFailure | null]>();

  const flight = singleFlight(async () => {
    const state = link.state;
    if (closed || state.kind !== 'linked') return;
    try {
      const list = await link.call<RawProcess[]>('getMonitorData', {}, options.rpcTimeoutMs);
      if (!closed && link.state === state) apply(Array.isArray(list) ? list : [], state.shellEnv);
    } catch (error) {
      // A daemon that is gone is the link's news (it goes to no-daemon); an answer for an older link is stale.
      if (closed || link.state !== state || error instanceof DaemonGoneError) return;
      failures += 1;
      setFailure({ error: error instanceof Error ? error.message : String(error), reason: linkFailure(error, options.rpcTimeoutMs) });
    }
  });

  function setFailure(next: LoadFailure | null): void {
    if (next === null && failure === null) return;
    failure = next;
    failureListeners.notify(next);
  }

  function apply(list: RawProcess[], shellEnv: ReadonlyMap<string, string>): void {
    const next = toServices(list, { shellEnv });
    secrets = mergeSecrets(list.map((item) => secretValues(item.pm2_env?.env)));
    const wasListed = listed;
    listed = true;
    failures = 0;
    const after = new Map(next.map((s) => [s.pmId, s]));
    const removed = services.filter((old) => after.get(old.pmId)?.name !== old.name).map((old) => old.pmId);
    const setChanged = !wasListed || removed.length > 0 || next.some((s) => !services.some((old) => old.pmId === s.pmId));
    const changed = setChanged || !sameValue(next, services);
    const wasIdle = steadyLists >= STEADY_REFRESHES;
    steadyLists = wasListed && isSteadyList(services, next) ? steadyLists + 1 : 0;
    services = next;
    if (wasIdle && steadyLists === 0) backToInterval();
    refreshedAt = Date.now();
    setFailure(null);
    listListeners.notify({ services: next, removed, setChanged, changed });
  }

  function reset(): void {
    services = [];
    steadyLists = 0;
    listed = false;
    failures = 0;
    failure = null;
  }

  /**
   * The next timed refresh: the interval; the idle interval while the list is steady; after failures twice the
   * interval per failure, up to the cap.
   */
  function scheduleTick(startedAt: number): void {
    if (closed || options.refreshIntervalMs <= 0) return;
    const interval = options.refreshIntervalMs;
    const steady = steadyLists >= STEADY_REFRESHES ? Math.max(interval, options.idleRefreshIntervalMs ?? interval) : interval;
    const delay = failures === 0 ? steady : Math.min(interval * 2 ** failures, Math.max(interval, options.maxBackoffMs));
    tickTimer = setTimeout(() => {
      tickTimer = null;
      const started = (lastTickAt = Date.now());
      void flight.run().finally(() => scheduleTick(started));
    }, Math.max(0, startedAt + delay - Date.now()));
  }

  /** News (a list not steady, a bus event): the next timed refresh comes an interval after the last, not an idle one. */
  function backToInterval(): void {
    steadyLists = 0;
    if (tickTimer === null) return;
    clearTimeout(tickTimer);
    tickTimer = null;
    scheduleTick(lastTickAt);
  }

  link.onState((state, before) => {
    if (before.kind === 'linked') reset();
    if (state.kind === 'linked') void flight.run();
  });
  link.onProcessEvent(() => {
    if (steadyLists >= STEADY_REFRESHES) backToInterval();
    refreshSoon();
  });
  scheduleTick(Date.now());

  function refreshSoon(): void {
    if (soonTimer || closed) return;
    soonTimer = setTimeout(() => {
      soonTimer = null;
      void flight.run();
    }, options.eventRefreshThrottleMs);
  }

  return {
    get services() {
      return services;
    },
    get secrets() {
      return secrets;
    },
    get listed() {
      return listed;
    },
    get refreshedAt() {
      return refreshedAt;
    },
    get failure() {
      return failure;
    },
    refresh: () => flight.run(),
    settled: () => flight.settled(),
    refreshSoon,
    onList: (listener) => listListeners.add(listener),
    onFailure: (listener) => failureListeners.add(listener),
    close() {
      closed = true;
      for (const timer of [tickTimer, soonTimer]) if (timer) clearTimeout(timer);
      listListeners.clear();
      failureListeners.clear();
    },
  };
}

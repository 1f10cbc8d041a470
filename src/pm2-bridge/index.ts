// The pm2 bridge: the only code that talks to PM2. Everything it hands out is plain data with secrets masked.
import { createBridgeModels, createStore, realDeps, type StoreDeps, type StoreOptions } from './store.js';
import { createInsights, type InsightsModel } from './insights/insights-model.js';
import type { HistoryOptions } from './insights/history-store.js';
import { withInsights } from './insights/with-insights.js';
import { resolvePm2Home } from './pm2-home.js';
import { readInsightsOnce, type OnceInsights } from './insights/read-insights-once.js';
import type { Bridge, CustomActionRunner, DiagnosticsProvider, HistoryFeed, InsightsSource, Snapshot } from './types.js';

export { maskEnv } from './redact.js';
export { findPortOwner } from './port-owner.js';
export { runActionOnce } from './run-action-once.js';
export { resolvePm2Home } from './pm2-home.js';
export type * from './types.js';

export interface BridgeOptions {
  /** Where earlier history may be (the resident agent): fetched once at start and merged under the live samples. */
  historyFeed?: HistoryFeed;
  /** The PM2 home to watch; default process.env.PM2_HOME, else ~/.pm2. */
  pm2Home?: string;
  /** List refresh interval (--interval); default 1000 ms. */
  refreshIntervalMs?: number;
  /**
   * The list's interval while only CPU, memory and metrics move, and not by much (a status, pid, restart or
   * service change, a bus event or a CPU move of 5 points brings the refresh interval back); default the refresh
   * interval (no back-off).
   */
  idleRefreshIntervalMs?: number;
  /** Port check interval; default 3000 ms. */
  probeIntervalMs?: number;
  /** Timeout of a list call; default 3000 ms. */
  rpcTimeoutMs?: number;
  /** Timeout of restart/stop/delete; default 15000 ms (a stop waits for the app's kill_timeout). */
  actionTimeoutMs?: number;
  /** Lines kept per service; default 2000. */
  logLinesPerService?: number;
  /** Lines read back from the log files when a service is first shown; default 200. */
  historyLines?: number;
  /** Listeners hear of log lines at most this often; default 250 ms. */
  notifyIntervalMs?: number;
  /**
   * ...and at most this often while more than 200 lines/s arrive; default notifyIntervalMs. The monitor's log pane
   * paces a flood itself (src/tui/logs/flood-pacing.ts: a held page, only the newest row redrawn per frame), so
   * frames under a flood cost a row, and at 250 ms the newest line is ~125 ms younger on average than at 500 ms.
   */
  floodNotifyIntervalMs?: number;
  diagnostics?: DiagnosticsProvider;
  /** default 5000 ms. */
  diagnosticsIntervalMs?: number;
  /** How often to look for a daemon while none answers; default 500 ms. */
  reconnectIntervalMs?: number;
  /** How long a line without its newline waits for the rest before it is shown as it is; default 300 ms. */
  partialLineFlushMs?: number;
  /** Bytes kept of one log line; default 8 KiB (the pane says how much was cut; the file keeps it whole). */
  maxLineBytes?: number;
  /** Memory all log buffers together may hold; default 32 MiB. */
  logBytesBudget?: number;
  /** The metric history's spans (default: 1 h of raw samples, then 1 min buckets for 24 h). */
  history?: Omit<HistoryOptions, 'intervalMs'>;
  /** --read-only: custom actions are refused (the TUI does not offer them either). */
  readOnly?: boolean;
  /**
   * readSnapshotOnce only: keep the exact text from PM2 and the apps (for --json, which JSON-escapes it) instead of
   * the terminal-safe form. Secrets are masked either way.
   */
  exactText?: boolean;
}

function storeOptions(options: BridgeOptions): StoreOptions {
  return {
    home: resolvePm2Home(options.pm2Home),
    refreshIntervalMs: options.refreshIntervalMs ?? 1000,
    idleRefreshIntervalMs: options.idleRefreshIntervalMs,
    probeIntervalMs: options.probeIntervalMs ?? 3000,
    rpcTimeoutMs: options.rpcTimeoutMs ?? 3000,
    actionTimeoutMs: options.actionTimeoutMs ?? 15_000,
    logLinesPerService: options.logLinesPerService ?? 2000,
    historyLines: options.historyLines ?? 200,
    notifyIntervalMs: options.notifyIntervalMs ?? 250,
    floodNotifyIntervalMs: options.floodNotifyIntervalMs ?? options.notifyIntervalMs ?? 250,
    floodLinesPerSecond: 200,
    diagnostics: options.diagnostics ?? null,
    diagnosticsIntervalMs: options.diagnosticsIntervalMs ?? 5000,
    reconnectIntervalMs: options.reconnectIntervalMs ?? 500,
    partialLineFlushMs: options.partialLineFlushMs ?? 300,
    maxLineBytes: options.maxLineBytes ?? 8 * 1024,
    logBytesBudget: options.logBytesBudget ?? 32 * 1024 * 1024,
    eventRefreshThrottleMs: 100,
    maxBackoffMs: 5000,
  };
}

/** The bridge with its insights (history, timeline, exceptions, custom actions). */
export type MonitorBridge = Bridge & InsightsSource & CustomActionRunner;

export function createBridge(options: BridgeOptions = {}): MonitorBridge {
  let insights: InsightsModel | null = null;
  const store = createStore({ ...storeOptions(options), onBusPacket: (topic, packet) => insights?.onBusPacket(topic, packet) });
  insights = createInsights(store, store, { home: resolvePm2Home(options.pm2Home), intervalMs: options.refreshIntervalMs ?? 1000, readOnly: options.readOnly ?? false, ...(options.history ? { history: options.history } : {}) });
  const model = insights;
  // No answer (no agent running) gives null: nothing is merged and nothing is said.
  void options.historyFeed?.fetchHistory().then((history) => {
    if (history !== null) model.importHistory(history);
  });
  return withInsights(store, insights);
}

/**
 * One snapshot for --once / --json / doctor, from the same models as the live bridge run once: connect if a daemon
 * answers (never starting one), list its processes, check their ports once, run the diagnostics once, disconnect.
 * With no daemon: a snapshot whose connection is 'no-daemon'. Secrets are masked; text is terminal-safe unless
 * `exactText`.
 */
export async function readSnapshotOnce(options: BridgeOptions = {}, deps: StoreDeps = realDeps): Promise<Snapshot> {
  return (await readOnce(options, deps, false)).snapshot;
}

/**
 * readSnapshotOnce plus the insights --json carries (events, exception groups), whose text is masked with the same
 * known secrets as the snapshot: an app that prints its own token in an uncaught error does not leak it there.
 */
export async function readSnapshotAndInsightsOnce(options: BridgeOptions = {}, deps: StoreDeps = realDeps): Promise<{ snapshot: Snapshot; insights: OnceInsights }> {
  const { snapshot, insights } = await readOnce(options, deps, true);
  return { snapshot, insights: insights! };
}

async function readOnce(options: BridgeOptions, deps: StoreDeps, withInsights: boolean): Promise<{ snapshot: Snapshot; insights: OnceInsights | null }> {
  const models = createBridgeModels({ ...storeOptions(options), refreshIntervalMs: 0 }, deps);
  try {
    await models.link.start();
    await models.list.settled();
    await models.checks.probeNow();
    await models.checks.diagnoseNow();
    const snapshot = models.snapshot(options.exactText === true);
    const insights = withInsights
      ? await readInsightsOnce(snapshot.connection.home, snapshot.services, { exactText: options.exactText === true, known: models.list.secrets })
      : null;
    return { snapshot, insights };
  } finally {
    models.close();
  }
}

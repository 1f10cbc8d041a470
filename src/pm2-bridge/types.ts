import type { CustomAction } from './insights/types.js';

// The contract between the pm2 bridge and everything that shows its data (the TUI, --once/--json, doctor).
// Plain data only: no pm2 objects, no React. Every value here is already safe to show (secrets masked).

export type ServiceStatus =
  | 'online'
  | 'launching'
  | 'stopping'
  | 'stopped'
  | 'errored'
  | 'waiting restart'
  | 'one-launch-status'
  | 'unknown';

/** Where the bridge stands with the PM2 daemon. The TUI renders each kind; it never waits on pm2. */
export type ConnectionState =
  | { kind: 'connecting'; home: string }
  /** `daemonPid`: from $PM2_HOME/pm2.pid at connect, null when unreadable; a new daemon has a new pid. */
  | { kind: 'connected'; home: string; since: number; daemonPid: number | null }
  /** No daemon answers in `home` (never started, or killed). The bridge keeps checking and never starts one. */
  | { kind: 'no-daemon'; home: string; since: number }
  /** Connected, but the last list call failed or timed out; the services shown are from `lastOkAt`. */
  | {
      kind: 'load-failed';
      home: string;
      /** PM2's or the link's own words (English), for logs and --json. */
      error: string;
      /** The same as a code plus parameters, which the screens word through i18n. */
      reason: ActionError;
      lastOkAt: number | null;
    }
  /** Several hosts in one monitor (--host): `home` names them all; each has its own link (src/remote/). */
  | { kind: 'hosts'; home: string; hosts: readonly HostLink[] };

/**
 * Where the monitor stands with one host over ssh. `connected` carries that host's own PM2 connection; every other
 * kind is the ssh link's, and the link is tried again at `retryAt` (backoff), whatever the reason.
 */
export type HostLinkState =
  | { kind: 'connecting' }
  | { kind: 'connected'; since: number; daemon: ConnectionState }
  /** known_hosts does not hold this host's key, or holds another one: ssh refused it (BatchMode never asks). */
  | { kind: 'host-key-refused'; retryAt: number }
  /** The host refused our keys (no agent key or IdentityFile it accepts). */
  | { kind: 'auth-refused'; retryAt: number }
  /** ssh got in, but the remote command is not there (`command`, as configured). */
  | { kind: 'remote-missing'; command: string; retryAt: number }
  /** The remote speaks another stream version (`version`; this monitor reads STREAM_VERSION). */
  | { kind: 'incompatible'; version: number; retryAt: number }
  /** The link failed or ended (`detail`: ssh's last words); tried again at `retryAt`, attempt `attempt`. */
  | { kind: 'lost'; detail: string; attempt: number; retryAt: number }
  /** --once / --json only: the host neither answered nor failed within `waitedMs` (it is not tried again). */
  | { kind: 'no-answer'; waitedMs: number };

export interface HostLink {
  /** The name shown in the host column (a hosts-file name, or the ssh destination). */
  host: string;
  state: HostLinkState;
}

export interface EnvEntry {
  key: string;
  /**
   * The value when the name is on the allowlist of harmless names (pm2-bridge/redact.ts), with credential-looking
   * parts masked; otherwise the mask `••••` (the key beside it says which variable it was).
   */
  value: string;
  masked: boolean;
  /**
   * True when the same name and value are in the environment of the PM2 daemon, i.e. most likely inherited from
   * the shell that started PM2 rather than set for this app. Entries are sorted own first, then inherited.
   */
  inherited?: boolean;
}

/** A custom metric the service reports to PM2 (pm2_env.axm_monitor), as `pm2 monit` shows it. */
export interface ServiceMetric {
  name: string;
  value: string;
  unit: string | null;
}

export interface PortOwner {
  pid: number;
  command: string;
}

/** The live port check of one service: TCP connect, then GET /health where the service serves it. */
export interface PortCheck {
  port: number;
  /** When this result was first seen: the live store keeps a check while later rounds say the same. */
  checkedAt: number;
  /** null until the first check has finished. */
  listening: boolean | null;
  connectMs: number | null;
  /**
   * 'degraded': /health answered 200 with `"status": "degraded"` (up, but cannot do its work); 'none': the port
   * answers but has no /health (404 or not HTTP); 'pending': not checked yet.
   */
  health: 'ok' | 'degraded' | 'failed' | 'none' | 'pending';
  healthMs: number | null;
  /** Short reason when health is 'failed' (status code, timeout, ...), never a body that could hold a secret. */
  healthDetail: string | null;
  /** What /health said about upstream credentials, when it says (MCP servers of this repo do). */
  upstreamConfigured: boolean | null;
  /** The port is held by a process that is not this service (Linux /proc); null when not, or unknown. */
  conflict: PortOwner | null;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * One finding about a service or the PM2 setup (issue 4). `code` selects the translated text; `params` fill it.
 * `fix` is a command or step, language-neutral (a shell command) or a code for a translated hint.
 */
export interface Diagnostic {
  code: string;
  /** With several hosts: the host whose setup a setup-wide finding is about (src/remote/multi-host-source.ts). */
  host?: string;
  severity: DiagnosticSeverity;
  params: Record<string, string | number>;
  fix: string | null;
}

export interface Service {
  pmId: number;
  /** With several hosts: the host it runs on (the host column); pmId is then the monitor's own key for it. */
  host?: string;
  name: string;
  namespace: string;
  status: ServiceStatus;
  /** 0 when not running. */
  pid: number;
  /** Percent of one core, as pm2 reports it. */
  cpu: number;
  /** Bytes (RSS). */
  memory: number;
  restarts: number;
  unstableRestarts: number;
  /** Epoch ms of the last start, null when unknown. Uptime is derived from it while online. */
  startedAt: number | null;
  createdAt: number | null;
  exitCode: number | null;
  execMode: 'fork' | 'cluster';
  /** Configured instance count (pm2_env.instances); for cluster mode each instance is its own Service. */
  instances: number;
  /** NODE_APP_INSTANCE of this instance in cluster mode, else null. */
  instanceId: number | null;
  script: string;
  cwd: string;
  interpreter: string;
  nodeVersion: string | null;
  /** The app's package.json version as pm2 found it (pm2_env.version), null when it has none. */
  version: string | null;
  /** Bytes, null when not set. */
  maxMemoryRestart: number | null;
  outLogPath: string | null;
  errLogPath: string | null;
  autorestart: boolean;
  watch: boolean;
  /** Port from the service env (PORT), null when it has none. */
  port: number | null;
  env: readonly EnvEntry[];
  metrics: readonly ServiceMetric[];
  /** The custom actions it declares (pm2_env.axm_actions); PM2 empties them when it exits, the app declares anew. */
  actions: readonly CustomAction[];
  /** The latest port check, null when the service has no port or none ran yet. */
  portCheck: PortCheck | null;
  diagnostics: readonly Diagnostic[];
}

export interface LogLine {
  /** Increases by one per line across all services: a stable React key and an ordering. */
  seq: number;
  /** Epoch ms (from the bus `at`, or parsed from the file when read from history). */
  at: number;
  stream: 'out' | 'err';
  /** Safe to draw: secrets masked, controls shown as visible stand-ins (pm2-bridge/sanitize.ts), cut to a bound. */
  text: string;
  /** True for lines read back from the log files when the service was first shown. */
  history: boolean;
  /** Bytes of the line that were cut off (the log file keeps them all); absent or 0 when the line is whole. */
  cutBytes?: number;
}

export interface Snapshot {
  connection: ConnectionState;
  /** Sorted by pm_id. */
  services: readonly Service[];
  /** Per pm_id, the newest lines last, bounded. A new array object whenever that service's lines change. */
  logs: ReadonlyMap<number, readonly LogLine[]>;
  /** Findings that are not about one service (no daemon, pm2-logrotate, dump differs, no startup unit). */
  diagnostics: readonly Diagnostic[];
  /** Epoch ms of the last successful list. */
  refreshedAt: number | null;
}

/** What the table, header, banner and detail pane show: everything but the logs. A new object only when a part changes. */
export interface ListView {
  connection: ConnectionState;
  services: readonly Service[];
  diagnostics: readonly Diagnostic[];
}

/**
 * Why an action did not happen, as a code plus parameters (like a Diagnostic): the TUI words it through i18n.
 * - `no-daemon`: no PM2 daemon answers. `timeout`: PM2 did not answer in `ms`. `pm2-refused`: PM2 answered with
 *   an error (`message`, PM2's own words). `unknown-id`: PM2 has no process `pmId`.
 * - `daemon-replaced`: the daemon is not the one the operator looked at (pid `expected`, now `found`, 0 if none).
 * - `process-gone`: nothing has `pmId` any more. `process-replaced`: `pmId` is now another app (`found`).
 * - `not-cluster`: scaling asked of an app not in cluster mode (`name`). `last-instance`: scaling down would leave
 *   none (`name`). `flush-failed`: a log file could not be emptied (`path`, `message`).
 */
export type ActionErrorCode =
  | 'no-daemon'
  | 'timeout'
  | 'pm2-refused'
  | 'unknown-id'
  | 'daemon-replaced'
  | 'process-gone'
  | 'process-replaced'
  | 'not-cluster'
  | 'last-instance'
  | 'flush-failed'
  /** Several hosts: ssh could not reach `host` to act there (`message`: ssh's words). */
  | 'host-unreachable'
  /** Several hosts: the remote action command failed without an answer (`message`). */
  | 'remote-failed';

export interface ActionError {
  code: ActionErrorCode;
  params: Record<string, string | number>;
}

export type ActionResult = { ok: true } | { ok: false; error: ActionError };

/**
 * restart/stop/delete/start/reload/flush/resetCounters act on one process (an instance); scaleUp/scaleDown on the
 * app it belongs to (one worker more or less, cluster mode only).
 */
export type ServiceAction = 'restart' | 'stop' | 'delete' | 'start' | 'reload' | 'scaleUp' | 'scaleDown' | 'flush' | 'resetCounters';

/**
 * The very process an action was confirmed for: its pm_id, its name and the daemon that ran it when the operator
 * was asked. Checked against the daemon just before acting; a mismatch acts on nothing.
 */
export interface ActionTarget {
  pmId: number;
  name: string;
  /** The daemon's pid when the question was asked (connection.daemonPid); null when it was not known. */
  daemonPid: number | null;
}

/** What the TUI may ask of PM2. Each call resolves (never rejects) within the bridge's RPC timeout. */
export interface ServiceActions {
  run(action: ServiceAction, target: ActionTarget): Promise<ActionResult>;
  /** The service is on screen: load its log history from its files once, and keep its logs fresh. */
  showLogs(pmId: number): void;
  /** Reads the service's log history again from its files, to this depth, in place of what was read before. */
  readLogHistory(pmId: number, depth: HistoryDepth): void;
}

/** How far back a log pane reads its files: the last N lines, or the lines written since a time (epoch ms). */
export type HistoryDepth = { lines: number } | { sinceMs: number };

/** The whole snapshot, heard of after every change (at most once per notify interval). */
export interface WholeSnapshotSource {
  getSnapshot(): Snapshot;
  /** Called after every change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * The snapshot, and the same data per concern: a pane subscribes to what it shows, so a log line of one service
 * wakes only that service's log pane. Each getter returns the same object until its part changes
 * (useSyncExternalStore needs that). Built by pm2-bridge/model/concern-source.ts.
 */
export interface SnapshotSource extends WholeSnapshotSource {
  getList(): ListView;
  /** Called when the connection, the services (checks and findings included) or the setup findings change. */
  subscribeList(listener: () => void): () => void;
  /** The lines of one service, newest last; an empty array when it has none. */
  getLogs(pmId: number): readonly LogLine[];
  /** Called when that service's lines change. */
  subscribeLogs(pmId: number, listener: () => void): () => void;
}

export interface Bridge extends SnapshotSource, ServiceActions {
  /** Stops timers, bus and probes; disconnects from pm2. */
  close(): Promise<void>;
}

/** Per-service and setup-wide findings from one diagnostics pass. */
export interface DiagnosticsReport {
  services: ReadonlyMap<number, readonly Diagnostic[]>;
  setup: readonly Diagnostic[];
}

/** What the caller already knows of the daemon, so a pass need not ask it again. */
export interface KnownDaemonFacts {
  /** Whether the daemon answers on rpc.sock (the bridge's link knows: linked or not); unknown: the pass checks. */
  daemonAnswers?: boolean;
}

/**
 * Computes findings (issue 4). The store calls it on a slow cadence and after the service list changes, never two
 * at a time; it may read files and /proc but must finish within a few seconds and never throw.
 */
export interface DiagnosticsProvider {
  diagnose(services: readonly Service[], pm2Home: string, known?: KnownDaemonFacts): Promise<DiagnosticsReport>;
}

// History, timeline, exceptions and custom actions (issue 10): their own file, the same contract.
export type * from './insights/types.js';

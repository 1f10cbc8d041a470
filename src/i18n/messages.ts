import type { ActionError, ActionErrorCode, ServiceAction, ServiceStatus } from '../pm2-bridge/types.js';
import type { Command, KeyScope } from '../tui/keys/keymap.js';

/** Every string the monitor shows. ja.ts and en.ts implement it; nothing visible is written anywhere else. */
export interface Messages {
  columns: {
    name: string;
    status: string;
    pid: string;
    host: string;
    cpu: string;
    memory: string;
    trend: string;
    restarts: string;
    uptime: string;
    port: string;
    health: string;
  };
  status: Record<ServiceStatus, string>;
  execMode: { fork: string; cluster: string };
  connection: {
    connecting: (home: string) => string;
    connected: (home: string) => string;
    noDaemon: (home: string) => string;
    /** How to start a daemon, with the commands (`pm2` is how this setup calls pm2). */
    noDaemonHint: (pm2: string) => string;
    /** How to start it again, with the command the daemon-down finding gives (`pm2 resurrect` when saved). */
    noDaemonStart: (command: string) => string;
    /** The monitor keeps looking for a daemon. */
    waiting: string;
    loadFailed: (error: string) => string;
    lastOk: (time: string) => string;
    keepsLast: string;
  };
  health: {
    noPort: string;
    checking: string;
    closed: string;
    conflict: string;
    ok: string;
    failed: string;
    /** /health answers, but says "degraded" (up, cannot do its work). */
    degraded: string;
    /** The port answers TCP but has no /health. */
    tcpOnly: string;
  };
  detail: {
    title: (name: string) => string;
    noService: string;
    script: string;
    cwd: string;
    execMode: string;
    instances: string;
    instance: (id: number) => string;
    nodeVersion: string;
    restarts: string;
    unstableRestarts: string;
    exitCode: string;
    memory: string;
    maxMemory: string;
    notSet: string;
    metrics: string;
    outLog: string;
    errLog: string;
    env: string;
    port: string;
    portNone: string;
    listening: string;
    notListening: string;
    checking: string;
    health: string;
    healthNone: string;
    degraded: string;
    conflict: (pid: number, command: string) => string;
    upstreamConfigured: string;
    upstreamMissing: string;
    diagnostics: string;
    noDiagnostics: string;
    fix: string;
    masked: string;
    more: (count: number) => string;
    /** The folded env section: how many variables it holds, and the key that opens it. */
    envFolded: (count: number) => string;
    /** Which rows of the detail pane show, when it holds more than fit. */
    scrolled: (first: number, last: number, total: number) => string;
  };
  logs: {
    title: (name: string) => string;
    titleNone: string;
    empty: string;
    following: string;
    paused: string;
    /** Marks a line cut at the bridge's byte bound: how much more the log file holds (e.g. "504 KB"). */
    cut: (size: string) => string;
    /** The merged view's title: all shown services. */
    titleMerged: (count: number) => string;
    /** The search being typed in the log pane. */
    searchPrompt: (text: string) => string;
    /** Where the search landed: the match's place among all matches. */
    matches: (text: string, current: number, total: number) => string;
    /** Short tags in the pane's title for the view options that are on. */
    wrapOn: string;
    timestampsOff: string;
    stderrOnly: string;
    /** How far back the history was read (`H`): N lines, or since an hour ago / today. */
    historyLines: (count: number) => string;
    historySinceHour: string;
    historySinceToday: string;
    /** A log line opened whole. */
    lineTitle: (name: string, time: string) => string;
    /**
     * The row above the newest line while a flood is paced: lines not shown since the held page, and the rate.
     * Counts already formatted (1,412); `mark` is the glyph set's ellipsis, at both ends.
     */
    floodSkipped: (skipped: string, rate: string, mark: string) => string;
  };
  actions: Record<ServiceAction, string>;
  confirm: {
    question: (action: ServiceAction, name: string) => string;
    /** For more than one target: how many and which. */
    questionMany: (action: ServiceAction, count: number, names: string) => string;
  };
  /** Why an action did not happen (ActionError codes from the bridge), with its parameters. */
  actionErrors: Record<ActionErrorCode, (p: ActionError['params']) => string>;
  statusLine: {
    running: (action: ServiceAction, name: string) => string;
    succeeded: (action: ServiceAction, name: string) => string;
    failed: (action: ServiceAction, name: string, error: string) => string;
    cancelled: (action: ServiceAction, name: string) => string;
    /** A bulk action on its way: `done` of `total` finished. */
    runningMany: (action: ServiceAction, done: number, total: number) => string;
    succeededMany: (action: ServiceAction, count: number, names: string) => string;
    /** Some went wrong: how many went well, and each failure as `name: reason`. */
    failedMany: (action: ServiceAction, ok: number, total: number, failures: string) => string;
    readOnly: string;
    noSelection: string;
    logSaved: (path: string) => string;
    logSaveFailed: (message: string) => string;
    noMatch: (text: string) => string;
    configProblem: (path: string, message: string) => string;
    configSaveFailed: (message: string) => string;
  };
  filter: {
    label: string;
    noMatch: (text: string) => string;
  };
  table: {
    noServices: (pm2: string) => string;
    more: (count: number) => string;
    /** A folded cluster app's status: `2/2 online`. */
    appStatus: (online: number, total: number) => string;
    /** The column chooser. */
    columnsTitle: string;
    columnsHint: string;
  };
  help: {
    title: string;
    readOnly: string;
    /** What the mark beside a name means (glyphs.unseen). */
    unseen: (mark: string) => string;
    scopes: Record<KeyScope, string>;
  };
  /** What each key does (the help screen), by keymap command. */
  keys: Record<Command, string>;
  /** Shorter words for the hint bar, where they differ. */
  keyHints: Partial<Record<Command, string>>;
  /** The keymap's wildcard keys as the help writes them. */
  keyNames: { text: string; other: string };
  /** `quit`: the quit key and its label, from the keymap (`q 終了`). */
  tooSmall: (columns: number, rows: number, minColumns: number, minRows: number, quit: string) => string;
  readOnlyBadge: string;
  cli: {
    usage: string;
    /** The usage's last line: the hint bar's keys, from the keymap. */
    keys: (entries: string) => string;
    notTty: string;
    unknownOption: (option: string) => string;
    badValue: (option: string, value: string) => string;
    loadFailed: (error: string) => string;
    watchNeedsJson: string;
  };
  /** Several hosts in one monitor (--host, src/remote/): link states, the header, hosts-file errors. */
  hosts: {
    /** The header's summary: how many hosts answer. */
    summary: (connected: number, total: number) => string;
    connecting: (host: string) => string;
    hostKeyRefused: (host: string) => string;
    authRefused: (host: string) => string;
    remoteMissing: (host: string, command: string) => string;
    incompatible: (host: string, version: number) => string;
    lost: (host: string, detail: string) => string;
    /** Appended to a failed link: when it is tried again. */
    retryAt: (time: string) => string;
    /** A host whose ssh link is up but whose own PM2 is not: `state` is the banner's text for that. */
    daemon: (host: string, state: string) => string;
    fileMissing: (path: string) => string;
    fileBad: (path: string, problem: string) => string;
    unknownContext: (name: string, path: string) => string;
    /** --hosts or --context without any host to watch. */
    noHosts: string;
    /** --host with --once or --json. */
    /** --once / --json: a host that neither answered nor failed in time. */
    noAnswer: (host: string, seconds: number) => string;
    watchLocalOnly: string;
  };
}

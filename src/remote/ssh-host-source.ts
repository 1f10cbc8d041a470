// One remote host as a source for the monitor: an `ssh host gakuco-monit --json --watch` child whose NDJSON
// records feed a RemoteModel; the link's state (connecting, refused, missing, lost) with reconnects on a backoff;
// actions as one-shot `gakuco-monit action …` over ssh, checked there as the local actions are here.
import { spawn, type ChildProcess } from 'node:child_process';
import type { ActionResult, ActionTarget, HostLinkState, LogLine, Service, ServiceAction, Diagnostic } from '../pm2-bridge/types.js';
import { STREAM_VERSION } from '../stream/records.js';
import type { HostSpec } from './host-spec.js';
import { lastWords, linkFailure } from './link-failure.js';
import { NdjsonLines } from './ndjson-lines.js';
import { RemoteModel } from './remote-model.js';
import { sshArgv } from './ssh-argv.js';
import { parseActionAnswer } from '../stream/action-answer.js';

export interface HostSourceOptions {
  /** The remote's list refresh (its --interval). */
  refreshIntervalMs: number;
  linesPerService: number;
  /** Listeners hear of log lines at most this often; snapshots and link changes at once. */
  notifyIntervalMs: number;
  /** The first retry after a failed link; each next one waits twice as long, up to reconnectMaxMs. */
  reconnectFirstMs: number;
  reconnectMaxMs: number;
  /** A link that brings no record for this long is taken as dead (the remote writes a heartbeat every 5 s). */
  silenceMs: number;
  /** An action's answer is awaited this long (the remote's own timeout is 15 s, plus ssh's connect). */
  actionTimeoutMs: number;
  /** Log lines the remote reads back from each service's files at start (its --history-lines); default its own. */
  historyLines?: number;
  /** The ssh program; default `ssh` from PATH. */
  ssh?: string;
}

/** What one host shows, for the multi-host source to merge. `services` and `logs` use the remote's pm_ids. */
export interface HostView {
  link: HostLinkState;
  services: readonly Service[];
  logs: ReadonlyMap<number, readonly LogLine[]>;
  diagnostics: readonly Diagnostic[];
  refreshedAt: number | null;
}

export interface HostSource {
  readonly spec: HostSpec;
  getView(): HostView;
  subscribe(listener: () => void): () => void;
  run(action: ServiceAction, target: ActionTarget): Promise<ActionResult>;
  close(): void;
}

const STDERR_KEPT = 4096;
const MAX_RECORD_BYTES = 32 * 1024 * 1024;

export function createSshHostSource(spec: HostSpec, options: HostSourceOptions): HostSource {
  const ssh = options.ssh ?? 'ssh';
  let closed = false;
  let link: HostLinkState = { kind: 'connecting' };
  const model = new RemoteModel(options.linesPerService);
  let view: HostView = makeView();
  let child: ChildProcess | null = null;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let silenceTimer: NodeJS.Timeout | null = null;
  let notifyTimer: NodeJS.Timeout | null = null;
  const listeners = new Set<() => void>();
  const actions = new Set<ChildProcess>();

  function makeView(): HostView {
    return { link, services: model.services, logs: model.logs(), diagnostics: model.diagnostics, refreshedAt: model.refreshedAt };
  }

  function publish(): void {
    if (notifyTimer) clearTimeout(notifyTimer);
    notifyTimer = null;
    if (closed) return;
    view = makeView();
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // a listener's failure is its own
      }
    }
  }

  function logsChanged(): void {
    if (notifyTimer === null && !closed) notifyTimer = setTimeout(publish, options.notifyIntervalMs);
  }

  function setLink(next: HostLinkState): void {
    link = next;
    publish();
  }

  function armSilence(target: ChildProcess): void {
    if (silenceTimer) clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => target.kill('SIGTERM'), options.silenceMs);
  }

  function connect(): void {
    retryTimer = null;
    if (closed) return;
    if (link.kind !== 'connected') setLink(link.kind === 'connecting' ? link : { kind: 'connecting' });
    const history = options.historyLines === undefined ? [] : ['--history-lines', String(options.historyLines)];
    const argv = sshArgv(spec, ['--json', '--watch', '--interval', String(options.refreshIntervalMs), ...history]);
    const proc = spawn(ssh, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let stderr = '';
    let gotHello = false;
    const lines = new NdjsonLines(MAX_RECORD_BYTES);
    armSilence(proc);
    proc.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + String(chunk)).slice(-STDERR_KEPT);
    });
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (proc !== child) return;
      armSilence(proc);
      for (const line of lines.push(chunk)) {
        const outcome = model.apply(line);
        if (outcome.kind === 'hello') {
          if (outcome.version !== STREAM_VERSION) {
            gotHello = false;
            proc.kill('SIGTERM');
            setLink({ kind: 'incompatible', version: outcome.version, retryAt: Date.now() + retryDelay() });
            return;
          }
          gotHello = true;
          // A new remote process numbers its lines anew and sends the files' history again.
          model.clearLogs();
        } else if (outcome.kind === 'snapshot' && model.connection !== null) {
          attempt = 0;
          link = { kind: 'connected', since: link.kind === 'connected' ? link.since : Date.now(), daemon: model.connection };
          publish();
        } else if (outcome.kind === 'logs') {
          logsChanged();
        }
      }
    });
    proc.on('error', (error) => {
      stderr += `\n${error.message}`;
    });
    proc.on('close', (code) => {
      if (proc !== child) return;
      child = null;
      if (silenceTimer) clearTimeout(silenceTimer);
      if (closed) return;
      const incompatible = link.kind === 'incompatible';
      attempt += 1;
      const delay = retryDelay();
      const retryAt = Date.now() + delay;
      if (!incompatible) setLink(linkFailure({ code, stderr, gotHello }, { command: spec.command, attempt, retryAt }));
      // The last services stay on screen, as the last list does locally, until the next link brings a snapshot.
      retryTimer = setTimeout(connect, delay);
    });
  }

  function retryDelay(): number {
    return Math.min(options.reconnectMaxMs, options.reconnectFirstMs * 2 ** Math.max(0, attempt - 1));
  }

  function run(action: ServiceAction, target: ActionTarget): Promise<ActionResult> {
    const argv = sshArgv(spec, [
      'action', action, String(target.pmId),
      '--expect-name', target.name,
      '--expect-daemon', target.daemonPid === null ? 'unknown' : String(target.daemonPid),
    ]);
    return new Promise((resolve) => {
      const proc = spawn(ssh, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      actions.add(proc);
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        proc.kill('SIGTERM');
      }, options.actionTimeoutMs);
      proc.stdout!.on('data', (chunk: Buffer) => (stdout = (stdout + String(chunk)).slice(-65_536)));
      proc.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-STDERR_KEPT)));
      proc.on('error', (error) => (stderr += `\n${error.message}`));
      proc.on('close', (code) => {
        clearTimeout(timer);
        actions.delete(proc);
        const answer = parseActionAnswer(stdout);
        if (answer !== null) return resolve(answer);
        if (timedOut) return resolve({ ok: false, error: { code: 'timeout', params: { pmId: target.pmId, ms: options.actionTimeoutMs } } });
        const message = lastWords(stderr) || `exit ${code ?? 'signal'}`;
        resolve({ ok: false, error: { code: code === 255 ? 'host-unreachable' : 'remote-failed', params: { host: spec.name, message } } });
      });
    });
  }

  connect();
  return {
    spec,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run,
    close() {
      if (closed) return;
      closed = true;
      for (const timer of [retryTimer, silenceTimer, notifyTimer]) if (timer) clearTimeout(timer);
      listeners.clear();
      child?.kill('SIGTERM');
      for (const proc of actions) proc.kill('SIGTERM');
    },
  };
}

// `--once` / `--json` over several hosts: every host's stream (the same ssh host source the monitor uses, no
// reconnects) until each has answered with a settled snapshot or failed, or the time is up; then one merged
// snapshot (host column, per-host links) for --once and one view per host for --json.
import type { HostLinkState, Snapshot } from '../pm2-bridge/types.js';
import type { HostSpec } from './host-spec.js';
import { createMultiHostSource } from './multi-host-source.js';
import { createSshHostSource, type HostSource, type HostSourceOptions, type HostView } from './ssh-host-source.js';

export interface HostsOnceOptions {
  /** A host that has neither answered nor failed by then is reported as not answering. */
  timeoutMs: number;
  /** After every host has settled, new findings are awaited until none came for this long. */
  quietMs: number;
  refreshIntervalMs: number;
  ssh?: string;
}

export interface HostOnce {
  spec: HostSpec;
  /** The host sent a settled snapshot (its PM2 listed, its ports checked, or no daemon there). */
  answered: boolean;
  view: HostView;
}

export interface HostsOnce {
  hosts: readonly HostOnce[];
  /** All hosts in one snapshot (services keyed per host, with their host), as the monitor shows them. */
  snapshot: Snapshot;
}

/** null while the host may still answer; else whether it did. */
export function hostOutcome(view: HostView): boolean | null {
  const { link } = view;
  if (link.kind === 'connecting') return null;
  if (link.kind !== 'connected') return false;
  const daemon = link.daemon;
  if (daemon.kind === 'connecting') return null;
  if (daemon.kind === 'connected' && view.refreshedAt === null) return null;
  const checking = view.services.some((s) => s.portCheck !== null && (s.portCheck.listening === null || s.portCheck.health === 'pending'));
  return checking ? null : true;
}

export async function readHostsOnce(specs: readonly HostSpec[], options: HostsOnceOptions): Promise<HostsOnce> {
  // Once: a failed link is final (no reconnect within the run), and no log history is asked for.
  const sourceOptions: HostSourceOptions = {
    refreshIntervalMs: options.refreshIntervalMs,
    linesPerService: 1,
    historyLines: 0,
    notifyIntervalMs: 50,
    reconnectFirstMs: 24 * 3600_000,
    reconnectMaxMs: 24 * 3600_000,
    silenceMs: options.timeoutMs,
    actionTimeoutMs: options.timeoutMs,
    ...(options.ssh === undefined ? {} : { ssh: options.ssh }),
  };
  const sources = specs.map((spec) => createSshHostSource(spec, sourceOptions));
  try {
    await new Promise<void>((resolve) => {
      let quiet: NodeJS.Timeout | null = null;
      const deadline = setTimeout(finish, options.timeoutMs);
      const unsubscribes = sources.map((source) => source.subscribe(check));
      function finish(): void {
        clearTimeout(deadline);
        if (quiet) clearTimeout(quiet);
        for (const unsubscribe of unsubscribes) unsubscribe();
        resolve();
      }
      // Log lines and the figures of a new list (cpu, memory change every refresh) do not count: a link that changed,
      // a host that settled or new findings start the quiet wait again.
      let seen: unknown[] = [];
      function check(): void {
        const parts = sources.flatMap((source) => {
          const view = source.getView();
          // (a connected link is a new object with each snapshot: compared by value)
          return [JSON.stringify(view.link), hostOutcome(view), view.diagnostics];
        });
        if (parts.every((part, index) => part === seen[index])) return;
        seen = parts;
        if (quiet) clearTimeout(quiet);
        quiet = sources.every((source) => hostOutcome(source.getView()) !== null) ? setTimeout(finish, options.quietMs) : null;
      }
      check();
    });
  } finally {
    for (const source of sources) source.close();
  }
  const hosts = sources.map((source) => {
    const view = source.getView();
    const answered = hostOutcome(view);
    return { spec: source.spec, answered: answered === true, view: answered === null ? { ...view, link: noAnswer(options.timeoutMs) } : view };
  });
  const merged = createMultiHostSource(hosts.map(({ spec, view }) => frozenSource(spec, view)));
  const snapshot = merged.getSnapshot();
  await merged.close();
  return { hosts, snapshot };
}

/** A host still connecting (or listing) at the deadline. */
function noAnswer(timeoutMs: number): HostLinkState {
  return { kind: 'no-answer', waitedMs: timeoutMs };
}

/** A host as it was last seen, for the merge. */
function frozenSource(spec: HostSpec, view: HostView): HostSource {
  return {
    spec,
    getView: () => view,
    subscribe: () => () => undefined,
    run: () => Promise.resolve({ ok: false, error: { code: 'host-unreachable', params: { host: spec.name, message: 'once' } } }),
    close: () => undefined,
  };
}

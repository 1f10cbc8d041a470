// Several hosts as one source for the TUI: the services of every host in one list (each with its host, the host
// column), one connection state listing every host's link, actions routed to the host that runs the process.
// Each host is its own source with its own child process and timers: one that fails or hangs never holds the others.
import { withConcerns } from '../pm2-bridge/model/concern-source.js';
import { Listeners } from '../pm2-bridge/model/listeners.js';
import type { ActionResult, ActionTarget, Bridge, ConnectionState, Diagnostic, LogLine, Service, ServiceAction, Snapshot } from '../pm2-bridge/types.js';
import { hostsConnection } from './hosts-connection.js';
import type { HostSource, HostView } from './ssh-host-source.js';

interface Origin {
  host: number;
  pmId: number;
}

/**
 * pm_ids are per host, so the merged snapshot gives each (host, pm_id) its own key in `pmId`: host index x
 * HOST_KEY_SPAN + pm_id, stable for the monitor's life, and in host order where the table sorts by pm_id. The
 * host's own pm_id is only used to act there.
 */
export const HOST_KEY_SPAN = 1_000_000;

/** Setup findings of one host, each naming it (`host`): the findings pane and --once say whose PM2 they are about. */
function withHost(diagnostics: readonly Diagnostic[], host: string): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({ ...diagnostic, host }));
}

export interface MultiHostOptions {
  /**
   * A host's new list (its figures change with every remote refresh) is merged at most this often, so N hosts cost
   * one table redraw per interval, not N; a link that changes kind and log lines go through at once. 0: every change
   * at once.
   */
  listIntervalMs?: number;
}

export function createMultiHostSource(hosts: readonly HostSource[], options: MultiHostOptions = {}): Bridge {
  const listIntervalMs = options.listIntervalMs ?? 0;
  const listeners = new Listeners();
  /** Per host: the view last merged and its services with their keys (rebuilt only when that host's change). */
  const merged = hosts.map(() => ({
    view: null as HostView | null,
    services: [] as Service[],
    logs: new Map<number, readonly LogLine[]>(),
    logsOf: null as HostView['logs'] | null,
    diagnostics: [] as Diagnostic[],
  }));
  let snapshot: Snapshot | null = null;
  snapshot = build(true);

  function keyOf(host: number, pmId: number): number {
    return host * HOST_KEY_SPAN + pmId;
  }
  function originOf(key: number): Origin {
    return { host: Math.floor(key / HOST_KEY_SPAN), pmId: key % HOST_KEY_SPAN };
  }

  /** The merged snapshot; without `withList` only the log lines are taken anew (the list stays as last merged). */
  function build(withList: boolean): Snapshot {
    let servicesChanged = false;
    let findingsChanged = false;
    hosts.forEach((source, index) => {
      const view = source.getView();
      const entry = merged[index]!;
      if (entry.logsOf !== view.logs) {
        entry.logs = new Map([...view.logs].map(([pmId, lines]) => [keyOf(index, pmId), lines]));
        entry.logsOf = view.logs;
      }
      if (!withList && entry.view !== null) return;
      if (entry.view?.services !== view.services) {
        entry.services = view.services
          .filter((service) => service.pmId >= 0 && service.pmId < HOST_KEY_SPAN)
          .map((service) => ({ ...service, pmId: keyOf(index, service.pmId), host: source.spec.name }));
        servicesChanged = true;
      }
      if (entry.view?.diagnostics !== view.diagnostics) {
        entry.diagnostics = withHost(view.diagnostics, source.spec.name);
        findingsChanged = true;
      }
      entry.view = view;
    });
    const previous = snapshot;
    const refreshed = merged.map((entry) => entry.view!.refreshedAt).filter((at): at is number => at !== null);
    return {
      connection: connectionOf(previous?.connection),
      services: servicesChanged || previous === null ? merged.flatMap((entry) => entry.services) : previous.services,
      logs: new Map(merged.flatMap((entry) => [...entry.logs])),
      // The same array while no host's findings changed, so the list (and the table) is not redrawn for a log line.
      diagnostics: findingsChanged || previous === null ? merged.flatMap((entry) => entry.diagnostics) : previous.diagnostics,
      refreshedAt: refreshed.length === 0 ? null : Math.max(...refreshed),
    };
  }

  /** Every host's link; the same object while none changed, so the list is not redrawn for a log line. */
  function connectionOf(previous: ConnectionState | undefined): ConnectionState {
    const links = hosts.map((source, index) => ({ host: source.spec.name, state: merged[index]!.view!.link }));
    if (previous?.kind === 'hosts' && previous.hosts.every((link, index) => link.state === links[index]!.state)) return previous;
    return hostsConnection(links);
  }

  let listTimer: NodeJS.Timeout | null = null;
  const publish = (withList: boolean): void => {
    if (withList && listTimer) {
      clearTimeout(listTimer);
      listTimer = null;
    }
    snapshot = build(withList);
    listeners.notify();
  };
  const unsubscribes = hosts.map((source, index) =>
    source.subscribe(() => {
      const view = source.getView();
      const last = merged[index]!.view;
      const listChanged = last === null || last.services !== view.services || last.diagnostics !== view.diagnostics || last.link !== view.link || last.refreshedAt !== view.refreshedAt;
      if (listChanged && (listIntervalMs <= 0 || last?.link.kind !== view.link.kind)) return publish(true);
      if (listChanged) listTimer ??= setTimeout(() => publish(true), listIntervalMs);
      if (merged[index]!.logsOf !== view.logs) publish(false);
    }),
  );

  const concerns = withConcerns({ getSnapshot: () => snapshot!, subscribe: (listener) => listeners.add(listener) });
  return {
    ...concerns,
    async run(action: ServiceAction, target: ActionTarget): Promise<ActionResult> {
      const origin = originOf(target.pmId);
      const source = hosts[origin.host];
      if (source === undefined) return { ok: false, error: { code: 'process-gone', params: { name: target.name, pmId: target.pmId } } };
      // The TUI knows no single daemon here: the host's, as its last snapshot showed it, is the one to check for.
      const link = source.getView().link;
      const daemonPid = target.daemonPid ?? (link.kind === 'connected' && link.daemon.kind === 'connected' ? link.daemon.daemonPid : null);
      return source.run(action, { pmId: origin.pmId, name: target.name, daemonPid });
    },
    // Every host streams the logs of all its services.
    showLogs: () => undefined,
    readLogHistory: () => undefined,
    close() {
      if (listTimer) clearTimeout(listTimer);
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const source of hosts) source.close();
      listeners.clear();
      return Promise.resolve();
    },
  };
}

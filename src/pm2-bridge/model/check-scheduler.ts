// The checks around the list: port probes (TCP, then /health) and the diagnostics provider's findings, each on its
// own cadence, never two rounds at a time. Probes also run soon after a service appears or goes; diagnostics after
// that and when the connection changes kind. Results are kept per service and forgotten when it goes.
import { sameValue } from '../../shared/same-value.js';
import { pendingPortCheck } from '../probe.js';
import type { Diagnostic, DiagnosticsProvider, KnownDaemonFacts, PortCheck, Service } from '../types.js';
import type { DaemonLink, LinkState } from './daemon-link.js';
import { Listeners } from './listeners.js';
import type { ProcessList } from './process-list.js';
import { singleFlight } from './single-flight.js';

export type ProbeRound = (services: readonly Service[], home: string) => Promise<ReadonlyMap<number, PortCheck>>;

export interface CheckSchedulerOptions {
  home: string;
  link: DaemonLink;
  list: ProcessList;
  probe: ProbeRound;
  diagnostics: DiagnosticsProvider | null;
  /** Off for one-shot readers: no timers, no runs on list changes (they call probeNow/diagnoseNow). */
  live: boolean;
  probeIntervalMs: number;
  diagnosticsIntervalMs: number;
  /** What the diagnostics look at: the services with checks and findings merged, exact text (real paths). */
  servicesForDiagnostics: () => readonly Service[];
}

export interface CheckScheduler {
  /** The port check of a service with a port: the last result, or pending until one came. */
  portCheckOf(service: Service): PortCheck | null;
  findingsOf(pmId: number): readonly Diagnostic[];
  /** Findings about the setup, not one service. */
  readonly setupFindings: readonly Diagnostic[];
  probeNow(): Promise<void>;
  diagnoseNow(): Promise<void>;
  /** Port checks or findings changed. */
  onChange(listener: () => void): () => void;
  close(): void;
}

const noFindings: readonly Diagnostic[] = [];

/** What the link says of the daemon: linked, it answers; no daemon, it did not (the link looked); else unknown. */
function knownDaemonFacts(state: LinkState): KnownDaemonFacts {
  if (state.kind === 'linked') return { daemonAnswers: true };
  if (state.kind === 'no-daemon') return { daemonAnswers: false };
  return {};
}

/** Two checks that say the same, whenever they were made. */
function sameCheck(a: PortCheck, b: PortCheck): boolean {
  return sameValue({ ...a, checkedAt: 0 }, { ...b, checkedAt: 0 });
}

export function createCheckScheduler(options: CheckSchedulerOptions): CheckScheduler {
  const { list, link } = options;
  let closed = false;
  const portChecks = new Map<number, PortCheck>();
  let serviceFindings: ReadonlyMap<number, readonly Diagnostic[]> = new Map();
  let setupFindings: readonly Diagnostic[] = [];
  /** The last report's findings, as compared with the next: [[pmId, findings]...], setup. */
  let findingsSeen: unknown = null;
  let probeSoonTimer: NodeJS.Timeout | null = null;
  const listeners = new Listeners();

  const probes = singleFlight(async () => {
    const services = list.services;
    if (closed || !services.some((s) => s.port !== null)) return;
    const results = await options.probe(services, options.home).catch(() => null); // a failed round keeps the last
    if (closed || !results) return;
    // A round whose checks say what the last one said (only checkedAt moved, which nothing shows) keeps the last
    // checks and tells no one: the list is not rebuilt and the monitor does not redraw for it.
    let changed = false;
    for (const [pmId, check] of results) {
      const service = list.services.find((s) => s.pmId === pmId);
      if (!service || service.port !== check.port) continue;
      const old = portChecks.get(pmId);
      if (old !== undefined && sameCheck(old, check)) continue;
      portChecks.set(pmId, check);
      changed = true;
    }
    if (changed) listeners.notify();
  }, 'drop');

  const diagnoses = singleFlight(async () => {
    const provider = options.diagnostics;
    if (!provider || closed) return;
    // The provider promised not to throw; if it does, the last findings stay.
    const report = await provider.diagnose(options.servicesForDiagnostics(), options.home, knownDaemonFacts(link.state)).catch(() => null);
    if (closed || !report) return;
    const seen = [[...report.services], report.setup];
    if (sameValue(seen, findingsSeen)) return;
    findingsSeen = seen;
    serviceFindings = report.services;
    setupFindings = report.setup;
    listeners.notify();
  });

  function probeSoon(): void {
    if (probeSoonTimer || closed) return;
    probeSoonTimer = setTimeout(() => {
      probeSoonTimer = null;
      void probes.run();
    }, 50);
  }

  list.onList((change) => {
    const ports = new Map(change.services.map((s) => [s.pmId, s.port]));
    for (const [pmId, check] of portChecks) if (ports.get(pmId) !== check.port) portChecks.delete(pmId);
    if (change.setChanged && options.live) {
      void diagnoses.run();
      probeSoon();
    }
  });
  link.onState((_state, before) => {
    if (before.kind === 'linked') portChecks.clear();
  });

  const probeTimer = options.live ? setInterval(() => void probes.run(), options.probeIntervalMs) : null;
  const diagnosticsTimer = options.live && options.diagnostics ? setInterval(() => void diagnoses.run(), options.diagnosticsIntervalMs) : null;

  return {
    portCheckOf: (service) => (service.port === null ? null : (portChecks.get(service.pmId) ?? pendingPortCheck(service.port))),
    findingsOf: (pmId) => serviceFindings.get(pmId) ?? noFindings,
    get setupFindings() {
      return setupFindings;
    },
    probeNow: () => probes.run(),
    diagnoseNow: () => diagnoses.run(),
    onChange: (listener) => listeners.add(listener),
    close() {
      closed = true;
      for (const timer of [probeTimer, diagnosticsTimer]) if (timer) clearInterval(timer);
      if (probeSoonTimer) clearTimeout(probeSoonTimer);
      listeners.clear();
    },
  };
}

// How the models' data becomes what the bridge hands out, one way for the live store and the one-shot reader:
// checks and findings merged into each service, secrets masked once more, text made safe for a terminal (unless the
// caller wants the exact text, which --json escapes itself).
import { sameValue } from '../../shared/same-value.js';
import { redactDiagnostic, redactFindings, type KnownSecrets } from '../redact.js';
import { sanitizeDeep } from '../sanitize.js';
import type { ConnectionState, Diagnostic, PortCheck, Service } from '../types.js';
import type { LinkState } from './daemon-link.js';
import type { LoadFailure } from './process-list.js';

export interface CheckResults {
  portCheckOf(service: Service): PortCheck | null;
  findingsOf(pmId: number): readonly Diagnostic[];
}

/** The services with their port checks and findings: exact text, what the diagnostics look at. */
export function mergeChecks(services: readonly Service[], checks: CheckResults): Service[] {
  return services.map((service) => ({ ...service, portCheck: checks.portCheckOf(service), diagnostics: checks.findingsOf(service.pmId) }));
}

export function presentServices(services: readonly Service[], secrets: KnownSecrets, exactText: boolean): readonly Service[] {
  const masked = services.map((service) => redactFindings(service, secrets));
  return exactText ? masked : masked.map((service) => sanitizeDeep(service));
}

/**
 * `next` with each service that equals (as JSON) the one of the same pm_id in `before` replaced by that object, and
 * `before` itself when every service is the same: a refresh that changed nothing shown hands out the same array, so
 * the list's subscribers are not told (no React commit), and an unchanged service keeps its identity (memoized panes
 * of it skip work).
 */
export function keepUnchanged(before: readonly Service[], next: readonly Service[]): readonly Service[] {
  const previous = new Map(before.map((service) => [service.pmId, service]));
  let same = before.length === next.length;
  const kept = next.map((service, i) => {
    const old = previous.get(service.pmId);
    if (old !== undefined && sameValue(old, service)) {
      if (before[i] !== old) same = false;
      return old;
    }
    same = false;
    return service;
  });
  return same ? before : kept;
}

/** `before` when `next` says the same (by value), else `next`. */
export function keepSame<T>(before: T, next: T): T {
  return sameValue(before, next) ? before : next;
}

export function presentFindings(findings: readonly Diagnostic[], secrets: KnownSecrets, exactText: boolean): readonly Diagnostic[] {
  const masked = findings.map((finding) => redactDiagnostic(finding, secrets));
  return exactText ? masked : sanitizeDeep(masked);
}

/** Where the bridge stands, from the link's state and the list's last failure. */
export function connectionOf(home: string, link: LinkState, failure: LoadFailure | null, lastOkAt: number | null): ConnectionState {
  if (link.kind === 'connecting') return { kind: 'connecting', home };
  if (link.kind === 'no-daemon') return { kind: 'no-daemon', home, since: link.since };
  if (failure) return { kind: 'load-failed', home, error: failure.error, reason: failure.reason, lastOkAt };
  return { kind: 'connected', home, since: link.since, daemonPid: link.daemonPid };
}

// How the models' data becomes what the bridge hands out, one way for the live store and the one-shot reader:
// checks and findings merged into each service, secrets masked once more, text made safe for a terminal (unless the
// caller wants the exact text, which --json escapes itself).
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

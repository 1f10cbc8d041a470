// The doctor's checklist, built from one snapshot: pure, so the text and the JSON say the same thing.
import { checkOfCode, SETUP_CHECKS } from '../pm2-bridge/diagnostics/codes.js';
import type { Diagnostic, Snapshot } from '../pm2-bridge/types.js';
import { formatDiagnostic } from '../i18n/diagnostics.js';
import { DOCTOR_MESSAGES } from '../i18n/doctor.js';
import type { Lang } from '../i18n/lang.js';
import { messagesFor } from '../i18n/messages-for.js';

export type Mark = 'ok' | 'error' | 'warning';

export interface ChecklistItem {
  mark: Mark;
  /** The diagnostic code, or null for a passed check. */
  code: string | null;
  text: string;
  fix: string | null;
  details: string[];
  params: Diagnostic['params'];
}

export interface ServiceEntry {
  pmId: number;
  name: string;
  status: string;
  items: ChecklistItem[];
}

export interface Checklist {
  pm2Home: string;
  connection: Snapshot['connection']['kind'];
  setup: ChecklistItem[];
  services: ServiceEntry[];
  errors: number;
  warnings: number;
  exitCode: number;
}

/** 0: all good; 1: at least one error; 2: warnings only. (64, bad arguments, is decided before a check runs.) */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_WARNINGS = 2;
export const EXIT_USAGE = 64;

function item(d: Diagnostic, lang: Lang): ChecklistItem {
  const formatted = formatDiagnostic(d, lang);
  const mark: Mark = d.severity === 'info' ? 'ok' : d.severity;
  return { mark, code: d.code, text: formatted.text, fix: formatted.fix, details: formatted.details, params: d.params };
}

function passed(text: string): ChecklistItem {
  return { mark: 'ok', code: null, text, fix: null, details: [], params: {} };
}

export function buildChecklist(snapshot: Snapshot, lang: Lang): Checklist {
  const m = DOCTOR_MESSAGES[lang];
  const connection = snapshot.connection;
  const setup: ChecklistItem[] = [];
  if (connection.kind === 'load-failed') {
    const reason = messagesFor(lang).actionErrors[connection.reason.code](connection.reason.params);
    setup.push({ ...passed(m.listFailed(reason)), mark: 'error', code: 'list-failed' });
  }
  for (const check of SETUP_CHECKS) {
    const findings = snapshot.diagnostics.filter((d) => checkOfCode(d.code) === check);
    if (findings.length > 0) {
      setup.push(...findings.map((d) => item(d, lang)));
    } else if (check === 'daemon' && connection.kind === 'load-failed') {
      // already said above
    } else if (check !== 'dump' || connection.kind === 'connected') {
      // The dump is only compared while a daemon answers; say nothing of it otherwise.
      setup.push(passed(m.setupOk[check](snapshot.services.length)));
    }
  }
  // Findings the checklist has no slot for (a newer bridge) are still shown.
  setup.push(...snapshot.diagnostics.filter((d) => checkOfCode(d.code) === null).map((d) => item(d, lang)));

  const services: ServiceEntry[] = snapshot.services.map((service) => {
    const problems = service.diagnostics.filter((d) => d.severity !== 'info');
    const items = problems.length > 0
      ? service.diagnostics.map((d) => item(d, lang))
      : [passed(m.serviceOk(service.name, service.status)), ...service.diagnostics.map((d) => item(d, lang))];
    return { pmId: service.pmId, name: service.name, status: service.status, items };
  });

  const all = [...setup, ...services.flatMap((s) => s.items)];
  const errors = all.filter((i) => i.mark === 'error').length;
  const warnings = all.filter((i) => i.mark === 'warning').length;
  return {
    pm2Home: connection.home,
    connection: connection.kind,
    setup,
    services,
    errors,
    warnings,
    exitCode: errors > 0 ? EXIT_ERRORS : warnings > 0 ? EXIT_WARNINGS : EXIT_OK,
  };
}

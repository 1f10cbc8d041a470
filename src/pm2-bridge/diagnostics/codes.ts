// Every diagnostic code, its severity and the check it belongs to. Codes are stable: the TUI, `doctor --json`
// and the translations (src/i18n/diagnostics.ts) key on them.
import type { Diagnostic, DiagnosticSeverity } from '../types.js';

/** The checks, in the order `doctor` lists them. Setup-wide first, then per service. */
export const SETUP_CHECKS = ['daemon', 'logrotate', 'dump', 'startup'] as const;
export const SERVICE_CHECKS = ['script', 'config', 'port', 'memory', 'restarts', 'logs'] as const;
export type SetupCheck = (typeof SETUP_CHECKS)[number];
export type ServiceCheck = (typeof SERVICE_CHECKS)[number];
export type CheckName = SetupCheck | ServiceCheck;

interface CodeInfo {
  severity: DiagnosticSeverity;
  check: CheckName;
}

export const DIAGNOSTIC_CODES = {
  /** No PM2 daemon answers on $PM2_HOME/rpc.sock. */
  'daemon-down': { severity: 'error', check: 'daemon' },
  /** pm2-logrotate is not installed: log files grow without bound. */
  'logrotate-missing': { severity: 'warning', check: 'logrotate' },
  /** pm2-logrotate is installed (configured) but its module process does not run: nothing rotates. */
  'logrotate-stopped': { severity: 'warning', check: 'logrotate' },
  /** pm2-logrotate is installed and runs; params carry its settings. */
  'logrotate-settings': { severity: 'info', check: 'logrotate' },
  /** Services run but `pm2 save` was never done: a reboot brings back nothing. */
  'dump-missing': { severity: 'warning', check: 'dump' },
  /** The saved list differs from what runs now: a reboot brings back something else. */
  'dump-differs': { severity: 'warning', check: 'dump' },
  /** dump.pm2 exists but cannot be read as a process list. */
  'dump-unreadable': { severity: 'warning', check: 'dump' },
  /** No init system unit (`pm2 startup`) starts this PM2 home at boot. */
  'startup-missing': { severity: 'warning', check: 'startup' },
  /** A startup unit for this PM2 home exists; params.path says where. */
  'startup-found': { severity: 'info', check: 'startup' },
  /** The script file does not exist. */
  'script-missing': { severity: 'error', check: 'script' },
  /** The script is a build output (dist/, build/) that does not exist: the project was not built. */
  'script-not-built': { severity: 'error', check: 'script' },
  /** A setting the service needs (token, credentials) is not set. */
  'config-missing': { severity: 'error', check: 'config' },
  /** The service listens on a non-loopback HOST without MCP_API_KEY. */
  'api-key-missing': { severity: 'error', check: 'config' },
  /** Another process holds the service's port. */
  'port-conflict': { severity: 'error', check: 'port' },
  /** The service is online but nothing listens on its port. */
  'port-not-listening': { severity: 'error', check: 'port' },
  /** Memory above 80% of max_memory_restart. */
  'memory-high': { severity: 'warning', check: 'memory' },
  /** PM2 restarted the service because it went over max_memory_restart. */
  'memory-restarts': { severity: 'warning', check: 'memory' },
  /** The service keeps restarting (unstable restarts, or many restarts in a short window). */
  'restart-loop': { severity: 'error', check: 'restarts' },
  /** A log file is larger than the rotation size. */
  'log-too-large': { severity: 'warning', check: 'logs' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const ALL_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}

export function checkOfCode(code: string): CheckName | null {
  return isDiagnosticCode(code) ? DIAGNOSTIC_CODES[code].check : null;
}

/** Builds a finding with the severity its code always has. */
export function diagnostic(code: DiagnosticCode, params: Diagnostic['params'], fix: string | null): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, params, fix };
}

/** Prefix of a `fix` that names a translated step rather than a shell command. */
export const HINT_PREFIX = 'hint:';

export const SEVERITY_RANK: Record<DiagnosticSeverity, number> = { error: 2, warning: 1, info: 0 };

/** The worst severity among findings, or null when there are none above info. */
export function worstSeverity(findings: readonly Diagnostic[]): 'error' | 'warning' | null {
  let worst: 'error' | 'warning' | null = null;
  for (const finding of findings) {
    if (finding.severity === 'error') return 'error';
    if (finding.severity === 'warning') worst = 'warning';
  }
  return worst;
}

import type { Diagnostic, DiagnosticSeverity } from '../../pm2-bridge/types.js';
import type { Glyphs } from './glyphs.js';
import type { Tone } from './tone.js';

/** The mark of one finding's severity, the same in the monitor, `--once` and doctor (info counts as passed). */
export function severityMark(severity: DiagnosticSeverity, glyphs: Glyphs): string {
  if (severity === 'error') return glyphs.severityError;
  if (severity === 'warning') return glyphs.severityWarning;
  return glyphs.severityOk;
}

export const severityTone: Record<DiagnosticSeverity, Tone> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** A service row's mark: its worst finding's (error over warning), blank when it has none above info. */
export function findingsMark(findings: readonly Diagnostic[], glyphs: Glyphs): { mark: string; tone: Tone | null } {
  if (findings.some((d) => d.severity === 'error')) return { mark: glyphs.severityError, tone: 'red' };
  if (findings.some((d) => d.severity === 'warning')) return { mark: glyphs.severityWarning, tone: 'yellow' };
  return { mark: ' ', tone: null };
}

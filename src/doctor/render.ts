// The checklist as text (✔ / ✘ / !, or ASCII marks) or as JSON.
import { DOCTOR_MESSAGES } from '../i18n/doctor.js';
import type { Lang } from '../i18n/lang.js';
import type { Checklist, ChecklistItem, Mark } from './checklist.js';
import { asciiGlyphs, unicodeGlyphs } from '../tui/format/glyphs.js';

/** The monitor's severity scale (glyphs.severity*); ASCII marks in brackets so a column of them reads clearly. */
function marks(ascii: boolean): Record<Mark, string> {
  const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
  const mark = (glyph: string) => (ascii ? `[${glyph}]` : glyph);
  return { ok: mark(glyphs.severityOk), error: mark(glyphs.severityError), warning: mark(glyphs.severityWarning) };
}

export function renderChecklistText(checklist: Checklist, lang: Lang, ascii: boolean): string {
  const m = DOCTOR_MESSAGES[lang];
  const markOf = marks(ascii);
  const arrow = ascii ? '->' : '→';
  const lines: string[] = [m.title(checklist.pm2Home), '', m.setupHeading];
  const add = (entry: ChecklistItem): void => {
    lines.push(`  ${markOf[entry.mark]} ${entry.text}`);
    for (const detail of entry.details) lines.push(`      | ${detail}`);
    if (entry.fix !== null && entry.mark !== 'ok') lines.push(`      ${arrow} ${entry.fix}`);
  };
  checklist.setup.forEach(add);
  if (checklist.connection === 'connected') {
    lines.push('', m.servicesHeading);
    if (checklist.services.length === 0) lines.push(`  ${m.noServices}`);
    for (const service of checklist.services) service.items.forEach(add);
  }
  lines.push('', checklist.errors + checklist.warnings === 0 ? m.allGood : m.summary(checklist.errors, checklist.warnings));
  return `${lines.join('\n')}\n`;
}

export function renderChecklistJson(checklist: Checklist, lang: Lang): string {
  return `${JSON.stringify({ lang, ...checklist, ok: checklist.exitCode === 0 }, null, 2)}\n`;
}

// Pure RRULE arithmetic for "this and following" edits: a series is split at one occurrence into the part before
// it (UNTIL just before that occurrence) and a new series from it on (with what is left of a COUNT).
import type { EventTime } from './time.js';
import { addDays } from './time.js';

function compactUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function withoutEnd(rule: string): string {
  return rule
    .split(';')
    .filter((part) => !/^(COUNT|UNTIL)=/i.test(part))
    .join(';');
}

/** The UNTIL value that ends a series just before the occurrence that starts at `at`. */
export function untilBefore(at: EventTime): string {
  if ('date' in at) return addDays(at.date, -1).replace(/-/g, '');
  return compactUtc(new Date(Date.parse(at.dateTime) - 1000));
}

/** The series' lines with every RRULE ending before `at` (EXDATE / RDATE lines are kept). */
export function endSeriesBefore(recurrence: readonly string[], at: EventTime): string[] {
  const until = untilBefore(at);
  return recurrence.map((line) => (/^RRULE:/i.test(line) ? `${withoutEnd(line)};UNTIL=${until}` : line));
}

/** The COUNT of an RRULE line, if it has one. */
export function ruleCount(recurrence: readonly string[]): number | undefined {
  for (const line of recurrence) {
    const match = /^RRULE:.*\bCOUNT=(\d+)/i.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The lines for the new series that carries on from an occurrence, `before` occurrences after the first. */
export function followingRecurrence(recurrence: readonly string[], before: number): string[] {
  return recurrence.map((line) => {
    const match = /\bCOUNT=(\d+)/i.exec(line);
    if (!/^RRULE:/i.test(line) || !match) return line;
    return line.replace(/\bCOUNT=\d+/i, `COUNT=${Math.max(1, Number(match[1]) - before)}`);
  });
}

// Pure time handling for the Calendar tools: what a model may type ("2025-06-01", "2025-06-01T10:00",
// "2025-06-01T10:00:00+09:00") turned into what the Calendar API wants, in a given IANA zone.

export type EventTime = { date: string } | { dateTime: string; timeZone: string };

export type TimeInput =
  | { kind: 'date'; date: string }
  | { kind: 'local'; wall: string }
  | { kind: 'instant'; instant: Date };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads a date, a wall-clock time without offset, or an RFC 3339 instant. Throws a readable Error otherwise. */
export function parseTimeInput(text: string): TimeInput {
  const input = text.trim();
  const date = DATE.exec(input);
  if (date) {
    if (!validDate(Number(date[1]), Number(date[2]), Number(date[3]))) throw new Error(`"${text}" is not a valid date`);
    return { kind: 'date', date: input };
  }
  const local = LOCAL.exec(input);
  if (local) {
    if (!validDate(Number(local[1]), Number(local[2]), Number(local[3])) || Number(local[4]) > 23 || Number(local[5]) > 59) {
      throw new Error(`"${text}" is not a valid date and time`);
    }
    return { kind: 'local', wall: `${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6] ?? '00'}` };
  }
  if (WITH_OFFSET.test(input)) {
    const instant = new Date(input);
    if (!Number.isNaN(instant.getTime())) return { kind: 'instant', instant };
  }
  throw new Error(
    `"${text}" is not a date or time; use "YYYY-MM-DD" (all day), "YYYY-MM-DDTHH:MM" (in the time zone) or RFC 3339 with offset ("2025-06-01T10:00:00+09:00")`,
  );
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(instant: Date, zone: string): WallParts {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday ?? '',
  };
}

/** Minutes east of UTC that `zone` is at `instant` (e.g. 540 for Asia/Tokyo). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const p = wallParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2025-06-01T10:00:00+09:00": the instant as the wall clock in `zone` shows it. */
export function toZonedRfc3339(instant: Date, zone: string): string {
  const p = wallParts(instant, zone);
  const offset = formatOffset(zoneOffsetMinutes(instant, zone));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

/** The instant at which the wall clock in `zone` shows `wall` ("YYYY-MM-DDTHH:MM:SS"). */
export function wallTimeToInstant(wall: string, zone: string): Date {
  const naive = new Date(`${wall}Z`).getTime();
  let guess = naive - zoneOffsetMinutes(new Date(naive), zone) * 60_000;
  // A second pass settles times near a DST change, where the offset at the guess differs from the first one.
  guess = naive - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** Any accepted input as an RFC 3339 instant (a date means its midnight in `zone`), for timeMin/timeMax. */
export function toInstantRfc3339(text: string, zone: string): string {
  const input = parseTimeInput(text);
  if (input.kind === 'instant') return toZonedRfc3339(input.instant, zone);
  const wall = input.kind === 'date' ? `${input.date}T00:00:00` : input.wall;
  return toZonedRfc3339(wallTimeToInstant(wall, zone), zone);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date ("YYYY-MM-DD") that the wall clock in `zone` shows at `instant`. */
export function localDate(instant: Date, zone: string): string {
  const p = wallParts(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The days a listing from `timeMin` to `timeMax` (exclusive, RFC 3339) covers in `zone`, as dates: first day and
 * the day after the last. Google matches all-day events against midnight in the *calendar's* zone, so a calendar
 * in another zone than the question returns the day before or after too; these days are what the user asked for.
 */
export function coveredDays(timeMin: string, timeMax: string | undefined, zone: string): { first: string; afterLast?: string } {
  const first = localDate(new Date(timeMin), zone);
  if (timeMax === undefined) return { first };
  const end = new Date(timeMax);
  const endDay = localDate(end, zone);
  const midnight = toInstantRfc3339(endDay, zone);
  return { first, afterLast: Date.parse(midnight) === end.getTime() ? endDay : addDays(endDay, 1) };
}

/** Whether an all-day event (end exclusive) falls on any of the covered days. */
export function allDayWithin(start: string, end: string, days: { first: string; afterLast?: string }): boolean {
  return end > days.first && (days.afterLast === undefined || start < days.afterLast);
}

/** An event's start or end: a date makes it all day, a time becomes a dateTime in `zone`. */
export function toEventTime(text: string, zone: string): EventTime {
  const input = parseTimeInput(text);
  if (input.kind === 'date') return { date: input.date };
  const instant = input.kind === 'instant' ? input.instant : wallTimeToInstant(input.wall, zone);
  return { dateTime: toZonedRfc3339(instant, zone), timeZone: zone };
}

/** The end an event gets when none is given: the next day for all day, one hour later otherwise. */
export function defaultEnd(start: EventTime): EventTime {
  if ('date' in start) return { date: addDays(start.date, 1) };
  const later = new Date(new Date(start.dateTime).getTime() + 60 * 60_000);
  return { dateTime: toZonedRfc3339(later, start.timeZone), timeZone: start.timeZone };
}

/** Checks that an end comes after its start and both are the same kind. Returns a problem or null. */
export function eventRangeProblem(start: EventTime, end: EventTime): string | null {
  if ('date' in start !== 'date' in end) {
    return 'start and end must both be dates (all-day event) or both be times';
  }
  if ('date' in start && 'date' in end) {
    return end.date > start.date ? null : 'for an all-day event, end is exclusive and must be after start (a one-day event on 2025-06-01 ends 2025-06-02)';
  }
  if ('dateTime' in start && 'dateTime' in end) {
    return new Date(end.dateTime).getTime() > new Date(start.dateTime).getTime() ? null : 'end must be after start';
  }
  return null;
}

export interface CurrentTime {
  timeZone: string;
  now: string;
  date: string;
  time: string;
  weekday: string;
  utcOffset: string;
  utc: string;
}

export function currentTime(now: Date, zone: string): CurrentTime {
  const p = wallParts(now, zone);
  return {
    timeZone: zone,
    now: toZonedRfc3339(now, zone),
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
    weekday: p.weekday,
    utcOffset: formatOffset(zoneOffsetMinutes(now, zone)),
    utc: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

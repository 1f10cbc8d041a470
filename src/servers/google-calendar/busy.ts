// Pure interval arithmetic for free/busy: merge busy blocks from several calendars, find the gaps.

export interface Interval {
  start: string;
  end: string;
}

interface Span {
  start: number;
  end: number;
}

function toSpans(intervals: Interval[]): Span[] {
  return intervals
    .map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }))
    .filter((s) => !Number.isNaN(s.start) && !Number.isNaN(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start);
}

/** Overlapping or touching busy blocks joined, as epoch-ms spans. */
export function mergeBusy(intervals: Interval[]): Span[] {
  const merged: Span[] = [];
  for (const span of toSpans(intervals)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The free gaps between `from` and `to` (epoch ms) given merged busy spans, at least `minMinutes` long. */
export function freeGaps(busy: Span[], from: number, to: number, minMinutes = 0): Span[] {
  const gaps: Span[] = [];
  let cursor = from;
  for (const span of busy) {
    if (span.end <= cursor) continue;
    if (span.start >= to) break;
    if (span.start > cursor) gaps.push({ start: cursor, end: Math.min(span.start, to) });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps.filter((g) => g.end - g.start >= minMinutes * 60_000);
}

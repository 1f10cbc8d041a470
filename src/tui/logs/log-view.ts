import type { LogLine } from '../../pm2-bridge/types.js';
import { formatBytes } from '../format/bytes.js';
import { cellWidth } from '../format/cell-width.js';
import { formatClockTime } from '../format/clock-time.js';
import { truncateCells } from '../format/truncate-cells.js';
import { wrapCells } from '../format/wrap-cells.js';
import type { LogView } from '../state/ui-state.js';

/** A log line with the service it came from, in the merged view (`source` is drawn before its text). */
export type SourcedLine = LogLine & { source?: string };

export interface LogViewOptions {
  /** Long lines go on over more rows instead of being cut at the edge. */
  wrap: boolean;
  timestamps: boolean;
  /** The search text ('' for none), matched ignoring case. */
  search: string;
  /** The line the search landed on (or the operator opened): marked, and what Enter opens. */
  cursorSeq: number | null;
  view: LogView;
  labels: { ellipsis: string; cut: (size: string) => string };
}

/**
 * `mark`: the `!` of a stderr line and, while searching, `*` on a matching line and `>` on the current one. `skip`:
 * the row that says how many lines a paced pane skipped (log-pane-rows.ts).
 */
export type LogSegmentKind = 'time' | 'mark' | 'source' | 'text' | 'match' | 'skip';

export interface LogSegment {
  text: string;
  kind: LogSegmentKind;
}

export interface LogRow {
  /** Unique within one result: the line's seq and which of its wrapped rows this is. */
  key: string;
  seq: number;
  stream: LogLine['stream'];
  segments: LogSegment[];
}

export interface LogViewRows {
  /** At most `height`, oldest first. */
  rows: LogRow[];
  /** Lines newer than the window (0 while following). */
  newerHidden: number;
  /** The line at the bottom of the window, null when there are none. */
  bottomSeq: number | null;
}

/** Where `needle` (lower case) occurs in `text`, ignoring case, as [start, end) offsets; none for ''. */
export function matchRanges(text: string, needle: string): [number, number][] {
  if (needle === '') return [];
  const lower = text.toLowerCase();
  // Lower-casing that changes the length (a few scripts) would shift offsets: mark the whole line instead.
  if (lower.length !== text.length) return lower.includes(needle) ? [[0, text.length]] : [];
  const ranges: [number, number][] = [];
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

/** The seqs of the lines that match `needle`, oldest first. */
export function matchingSeqs(lines: readonly LogLine[], needle: string): number[] {
  if (needle === '') return [];
  return lines.filter((line) => line.text.toLowerCase().includes(needle)).map((line) => line.seq);
}

/** Index one past the window's bottom line for `view`. */
function windowEnd(lines: readonly LogLine[], view: LogView, height: number): number {
  if (view.follow) return lines.length;
  const anchorSeq = view.anchorSeq;
  const atOrBefore = lines.findLastIndex((line) => line.seq <= anchorSeq);
  return atOrBefore === -1 ? Math.min(height, lines.length) : atOrBefore + 1;
}

/** Splits `text` (starting at `offset` of the line's text) into text and match segments. */
function textSegments(text: string, offset: number, ranges: readonly [number, number][]): LogSegment[] {
  const segments: LogSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at);
    const to = Math.min(end - offset, text.length);
    if (to <= from) continue;
    if (from > at) segments.push({ text: text.slice(at, from), kind: 'text' });
    segments.push({ text: text.slice(from, to), kind: 'match' });
    at = to;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), kind: 'text' });
  return segments;
}

/** The rows one line takes: its prefix (time, marks, source) on the first, the text cut or wrapped after it. */
function lineRows(line: SourcedLine, options: LogViewOptions, width: number, showTime: boolean, searching: boolean): LogRow[] {
  const prefix: LogSegment[] = [];
  if (options.timestamps) {
    const clock = formatClockTime(line.at);
    prefix.push({ text: `${showTime ? clock : ' '.repeat(clock.length)} `, kind: 'time' });
  }
  const ranges = searching ? matchRanges(line.text, options.search) : [];
  const searchMark = searching ? (line.seq === options.cursorSeq ? '>' : ranges.length > 0 ? '*' : ' ') : '';
  prefix.push({ text: `${line.stream === 'err' ? '!' : ' '}${searchMark} `, kind: 'mark' });
  if (line.source !== undefined) prefix.push({ text: `${line.source} `, kind: 'source' });
  const cut = line.cutBytes ? `${options.labels.cut(formatBytes(line.cutBytes))} ` : '';
  if (cut !== '') prefix.push({ text: cut, kind: 'text' });
  const prefixWidth = prefix.reduce((sum, segment) => sum + cellWidth(segment.text), 0);
  const room = width - prefixWidth;
  const row = (index: number, segments: LogSegment[]): LogRow => ({ key: `${line.seq}.${index}`, seq: line.seq, stream: line.stream, segments });
  if (room <= 0) return [row(0, [{ text: truncateCells(prefix.map((s) => s.text).join(''), width, options.labels.ellipsis), kind: 'mark' }])];
  if (!options.wrap) {
    const shown = truncateCells(line.text, room, options.labels.ellipsis);
    // Only the part before an ellipsis is the line's own text.
    const own = shown.length < line.text.length ? shown.slice(0, shown.length - options.labels.ellipsis.length) : shown;
    const segments = textSegments(own, 0, ranges);
    if (own !== shown) segments.push({ text: options.labels.ellipsis, kind: 'text' });
    return [row(0, [...prefix, ...segments])];
  }
  const pieces = wrapCells(line.text, room);
  const indent: LogSegment = { text: ' '.repeat(prefixWidth), kind: 'mark' };
  let offset = 0;
  return pieces.map((piece, index) => {
    const at = line.text.indexOf(piece, offset);
    const start = at === -1 ? offset : at;
    offset = start + piece.length;
    return row(index, [...(index === 0 ? prefix : [indent]), ...textSegments(piece, start, ranges)]);
  });
}

/**
 * The rows the log pane draws for `lines` (already merged and filtered, oldest first) in a pane `width` cells wide
 * and `height` rows tall: the window `options.view` asks for, with the bottom line last. Pure and bounded by the
 * window: only lines that can show are laid out, however long the buffer. Any renderer can draw the segments.
 */
export function logViewRows(lines: readonly SourcedLine[], options: LogViewOptions, width: number, height: number): LogViewRows {
  if (height <= 0 || width <= 0 || lines.length === 0) return { rows: [], newerHidden: 0, bottomSeq: null };
  const end = windowEnd(lines, options.view, height);
  const searching = options.search !== '';
  const second = (line: LogLine) => Math.floor(line.at / 1000);
  // A time shows once per second, on the first line of that second: easier to read under a burst.
  const timeShown = (index: number) => index === 0 || second(lines[index - 1]!) !== second(lines[index]!);
  const laidOut: LogRow[][] = [];
  let rowCount = 0;
  let top = end;
  // Lines from the bottom up until the window is full; each takes one row, or more when wrapping.
  while (top > 0 && rowCount < height) {
    top--;
    const rows = lineRows(lines[top]!, options, width, timeShown(top), searching);
    laidOut.unshift(rows);
    rowCount += rows.length;
  }
  // The top line shows its time even when the line above it (out of the window) had the same second.
  if (options.timestamps && laidOut.length > 0 && !timeShown(top)) laidOut[0] = lineRows(lines[top]!, options, width, true, searching);
  const rows = laidOut.flat().slice(-height);
  return { rows, newerHidden: lines.length - end, bottomSeq: lines[end - 1]?.seq ?? null };
}

/** A row as plain text (what a test or a plain renderer shows). */
export function logRowText(row: LogRow): string {
  return row.segments.map((segment) => segment.text).join('');
}

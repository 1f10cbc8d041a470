// What the log pane shows while lines arrive faster than it can show them. At 1000 lines/s every row is a new line
// on every frame: a blur nobody reads, and terminal bytes for every row of it. Paced, the pane holds a readable page
// (replaced whole every pageMs), and keeps its last row live: the newest line, at the frame cadence, under a row
// saying how many lines were skipped and at what rate. When the rate drops, the contiguous tail comes back at once.
// Only the screen is paced: the buffer keeps every line (search, scroll-back, saving and Enter read it).
import type { SourcedLine } from './log-view.js';

export interface FloodPacingOptions {
  /** How often the pane is redrawn under a flood (the store's notify interval): the live row's cadence. */
  frameMs: number;
  /**
   * How long a held page stays before it is replaced whole by the tail of that moment: pageMsPerRow for each of its
   * rows (a short page is read sooner), within [pageMsMin, pageMsMax]. A page costs the terminal ~20 bytes a row.
   */
  pageMsPerRow: number;
  pageMsMin: number;
  pageMsMax: number;
  /** The arrival rate is measured over this long. */
  rateWindowMs: number;
  /**
   * While paced, step again after this long even if no line comes (a flood that stopped sends nothing more): longer
   * than a frame, so the store's own notifications, not this timer, drive the frames while the flood goes on.
   */
  recheckMs: number;
}

export const FLOOD_PACING: FloodPacingOptions = { frameMs: 250, pageMsPerRow: 100, pageMsMin: 1500, pageMsMax: 3000, rateWindowMs: 1000, recheckMs: 400 };

/** The skip row keeps the rate it shows until the measure moves by more than this (relative). */
const SHOWN_RATE_HOLD = 0.1;

/** Rows a paced pane needs: at least one page row, the skip row and the live row. */
export const PACED_ROWS_MIN = 3;

interface RateSample {
  at: number;
  /** Lines counted up to then (FloodPacingState.total). */
  total: number;
}

export interface FloodPacingState {
  /** Lines that arrived since the pane began, as far as the buffer tells (see countNew). */
  total: number;
  /** The newest line seen at the last step; null before the first (what is already there is not an arrival). */
  newestSeq: number | null;
  /** Oldest first; the first is at or before the start of the rate window. */
  samples: readonly RateSample[];
  page: { lines: readonly SourcedLine[]; at: number; total: number } | null;
  /** The rate the skip row shows (roundRate, held while the measure stays near it); 0 while not paced. */
  shownRate: number;
}

export type PacedView =
  | { kind: 'tail' }
  | {
      kind: 'paced';
      /** The held page, oldest first: lines to draw as a contiguous tail above the skip row. */
      page: readonly SourcedLine[];
      newest: SourcedLine;
      /** Lines between the page's last line and the newest one, not on screen. */
      skipped: number;
      /** Lines per second over the rate window, rounded (roundRate) and held while it stays within 10 %. */
      rate: number;
    };

export interface FloodPacingStep {
  state: FloodPacingState;
  view: PacedView;
  /** When to step again even if no line arrives (so a flood that stopped gives the tail back); null: no need. */
  recheckAt: number | null;
}

export interface FloodPacingInput {
  /** The pane's lines (merged and filtered as shown), oldest first, seq increasing. */
  lines: readonly SourcedLine[];
  now: number;
  /** Body rows of the pane. */
  rows: number;
  /** Pacing applies only while the pane follows the tail; scrolled back it shows what was asked for. */
  follow: boolean;
}

export const initialFloodPacing: FloodPacingState = { total: 0, newestSeq: null, samples: [], page: null, shownRate: 0 };

/** Index of the first line newer than `seq` (lines are in seq order). */
function firstAfter(lines: readonly SourcedLine[], seq: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid]!.seq <= seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Lines newer than `newestSeq`. When even the oldest line in the buffer is newer (more arrived between two steps
 * than the buffer holds), the seq gap counts them: seqs are global, so lines of other services in that gap count
 * too; an over-estimate only past the buffer's size per frame.
 */
function countNew(lines: readonly SourcedLine[], newestSeq: number | null): number {
  if (newestSeq === null || lines.length === 0) return 0;
  const first = firstAfter(lines, newestSeq);
  if (first > 0 || lines[0]!.seq <= newestSeq) return lines.length - first;
  return Math.max(lines.length, lines[lines.length - 1]!.seq - newestSeq);
}

/** Lines per second over the samples (0 until they span some time). */
function rateOf(samples: readonly RateSample[]): number {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || last.at - first.at <= 0) return 0;
  return ((last.total - first.total) * 1000) / (last.at - first.at);
}

/** The samples with `sample` added, keeping one at or before the window's start as the baseline. */
function addSample(samples: readonly RateSample[], sample: RateSample, windowMs: number): RateSample[] {
  const next = [...samples, sample];
  const start = sample.at - windowMs;
  let drop = 0;
  while (drop + 1 < next.length && next[drop + 1]!.at <= start) drop++;
  return next.slice(drop);
}

/** A page as it would show now: the lines just before the newest, as many as can show in `rows`. */
function takePage(lines: readonly SourcedLine[], rows: number): readonly SourcedLine[] {
  return lines.slice(Math.max(0, lines.length - 1 - rows), lines.length - 1);
}

/**
 * One step of the pacing: what the pane shows for `lines` at `now`. Paced while more lines arrive per frame than the
 * pane has rows (so every frame would be all new rows); the tail otherwise, and always while scrolled back.
 */
export function paceFlood(state: FloodPacingState, input: FloodPacingInput, options: FloodPacingOptions = FLOOD_PACING): FloodPacingStep {
  const { lines, now, rows } = input;
  const total = state.total + countNew(lines, state.newestSeq);
  const samples = addSample(state.samples, { at: now, total }, options.rateWindowMs);
  const rate = rateOf(samples);
  const newest = lines[lines.length - 1];
  const flooding = (rate * options.frameMs) / 1000 > rows;
  const base = { total, newestSeq: newest?.seq ?? state.newestSeq, samples };
  if (!flooding || !input.follow || rows < PACED_ROWS_MIN || newest === undefined) {
    return { state: { ...base, page: null, shownRate: 0 }, view: { kind: 'tail' }, recheckAt: null };
  }
  const pageRows = rows - 2;
  const pageMs = Math.min(options.pageMsMax, Math.max(options.pageMsMin, pageRows * options.pageMsPerRow));
  const page = state.page !== null && now - state.page.at < pageMs ? state.page : { lines: takePage(lines, pageRows), at: now, total };
  // A rate that flickers between 990 and 1,000 would redraw the skip row's tail on every frame.
  const shownRate = Math.abs(rate - state.shownRate) <= state.shownRate * SHOWN_RATE_HOLD ? state.shownRate : roundRate(rate);
  return {
    state: { ...base, page, shownRate },
    view: { kind: 'paced', page: page.lines, newest, skipped: Math.max(0, total - page.total), rate: shownRate },
    recheckAt: now + options.recheckMs,
  };
}

/** A rate as the skip row says it: two significant digits (it changes less from frame to frame). */
export function roundRate(rate: number): number {
  if (rate < 10) return Math.round(rate);
  const unit = 10 ** (Math.floor(Math.log10(rate)) - 1);
  return Math.round(rate / unit) * unit;
}

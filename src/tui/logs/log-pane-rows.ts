import { truncateCells } from '../format/truncate-cells.js';
import type { PacedView } from './flood-pacing.js';
import { logViewRows, type LogRow, type LogViewOptions, type SourcedLine } from './log-view.js';

/** What the skip row says, e.g. `… 1,412 lines skipped (1,000 lines/s) …`. */
export type SkipLabel = (skipped: number, rate: number) => string;

type Paced = Extract<PacedView, { kind: 'paced' }>;

/** Rows the skip row and the newest line take under the page. */
const LIVE_ROWS = 2;

/** The held page of a paced pane `height` rows tall: a contiguous tail of its lines, above the live rows. */
export function pacedPageRows(page: readonly SourcedLine[], options: LogViewOptions, width: number, height: number): LogRow[] {
  return logViewRows(page, { ...options, view: { follow: true } }, width, height - LIVE_ROWS).rows;
}

/** The skip row and the newest line (cut, not wrapped: one row), what a paced pane redraws on each frame. */
export function pacedLiveRows(paced: Paced, options: LogViewOptions, width: number, skipLabel: SkipLabel): LogRow[] {
  const skip: LogRow = {
    key: 'skip',
    seq: paced.newest.seq,
    stream: 'out',
    segments: [{ text: truncateCells(skipLabel(paced.skipped, paced.rate), width, options.labels.ellipsis), kind: 'skip' }],
  };
  const newest = logViewRows([paced.newest], { ...options, view: { follow: true }, wrap: false }, width, 1).rows;
  return [skip, ...newest];
}

/**
 * The rows of the log pane's body: the log view model's tail, or, paced under a flood (flood-pacing.ts), the held
 * page, the skip row and the newest line on the last row. Pure, bounded by the pane.
 */
export function logPaneRows(lines: readonly SourcedLine[], paced: PacedView, options: LogViewOptions, width: number, height: number, skipLabel: SkipLabel): LogRow[] {
  if (paced.kind === 'tail' || height <= LIVE_ROWS) return logViewRows(lines, options, width, height).rows;
  return [...pacedPageRows(paced.page, options, width, height), ...pacedLiveRows(paced, options, width, skipLabel)];
}

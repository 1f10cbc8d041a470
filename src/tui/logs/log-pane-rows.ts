import { truncateCells } from '../format/truncate-cells.js';
import type { PacedView } from './flood-pacing.js';
import { logViewRows, type LogRow, type LogViewOptions, type SourcedLine } from './log-view.js';

/** What the skip row says, e.g. `… 1,412 lines skipped (1,000 lines/s) …`. */
export type SkipLabel = (skipped: number, rate: number) => string;

/**
 * The rows of the log pane's body: the log view model's tail, or, paced under a flood (flood-pacing.ts), the held
 * page, the skip row and the newest line on the last row (cut, not wrapped: one row). Pure, bounded by the pane.
 */
export function logPaneRows(lines: readonly SourcedLine[], paced: PacedView, options: LogViewOptions, width: number, height: number, skipLabel: SkipLabel): LogRow[] {
  if (paced.kind === 'tail' || height < 3) return logViewRows(lines, options, width, height).rows;
  const tail = { ...options, view: { follow: true } as const };
  const page = logViewRows(paced.page, tail, width, height - 2).rows;
  const skip: LogRow = {
    key: 'skip',
    seq: paced.newest.seq,
    stream: 'out',
    segments: [{ text: truncateCells(skipLabel(paced.skipped, paced.rate), width, options.labels.ellipsis), kind: 'skip' }],
  };
  const newest = logViewRows([paced.newest], { ...tail, wrap: false }, width, 1).rows;
  return [...page, skip, ...newest];
}

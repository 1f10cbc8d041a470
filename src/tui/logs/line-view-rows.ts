import { wrapCells } from '../format/wrap-cells.js';
import type { SourcedLine } from './log-view.js';

/** A log line opened whole: its text wrapped to `width`, nothing cut (but what the bridge itself cut off). */
export function lineViewRows(line: SourcedLine, width: number): string[] {
  return line.text.split('\n').flatMap((part) => wrapCells(part, width));
}

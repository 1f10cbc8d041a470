import type { LogLine } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';
import { sanitizeLine } from '../format/sanitize-line.js';
import { truncateCells } from '../format/truncate-cells.js';

/** One log line as drawn: time, a `!` on stderr lines (so they read without colour), the text cut to `width`. */
export function logLineText(line: LogLine, width: number, ellipsis: string): string {
  const mark = line.stream === 'err' ? '!' : ' ';
  return truncateCells(`${formatClockTime(line.at)} ${mark} ${sanitizeLine(line.text)}`, width, ellipsis);
}

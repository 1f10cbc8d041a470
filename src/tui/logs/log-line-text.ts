import type { LogLine } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';
import { sanitizeLine } from '../format/sanitize-line.js';
import { truncateCells } from '../format/truncate-cells.js';

/**
 * One log line as drawn: time, a `!` on stderr lines (so they read without colour), the text cut to `width`.
 * `time` false leaves the time column blank (the line above already shows the same second).
 */
export function logLineText(line: LogLine, width: number, ellipsis: string, time = true): string {
  const mark = line.stream === 'err' ? '!' : ' ';
  const clock = formatClockTime(line.at);
  return truncateCells(`${time ? clock : ' '.repeat(clock.length)} ${mark} ${sanitizeLine(line.text)}`, width, ellipsis);
}

import type { LogLine } from '../../pm2-bridge/types.js';
import { formatBytes } from '../format/bytes.js';
import { formatClockTime } from '../format/clock-time.js';
import { truncateCells } from '../format/truncate-cells.js';

export interface LogLineLabels {
  ellipsis: string;
  /** The mark of a line the bridge cut at its byte bound, given how much more the log file holds. */
  cut: (size: string) => string;
}

/**
 * One log line as drawn: time, a `!` on stderr lines (so they read without colour), a cut mark when the bridge kept
 * only the start of a huge line, the text cut to `width`. The text is safe to draw already (the bridge sanitized it).
 * `time` false leaves the time column blank (the line above already shows the same second).
 */
export function logLineText(line: LogLine, width: number, labels: LogLineLabels, time = true): string {
  const mark = line.stream === 'err' ? '!' : ' ';
  const clock = formatClockTime(line.at);
  const cut = line.cutBytes ? `${labels.cut(formatBytes(line.cutBytes))} ` : '';
  return truncateCells(`${time ? clock : ' '.repeat(clock.length)} ${mark} ${cut}${line.text}`, width, labels.ellipsis);
}

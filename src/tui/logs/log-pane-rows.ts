import type { LogLine } from '../../pm2-bridge/types.js';
import type { Tone } from '../format/tone.js';
import { logLineText, type LogLineLabels } from './log-line-text.js';

export interface LogPaneRow {
  /** At most the pane's width in cells. */
  text: string;
  tone: Tone | null;
}

/**
 * The rows of the log pane's body: the newest `room` of `lines` (stderr red), or `emptyText` when there are none.
 * A time shows once per second, on the first line of that second: easier to read under a burst, and rows that keep
 * a blank time column cost no terminal bytes when the burst scrolls past. Drawn by React (LogPane) or, behind the
 * cell-diff writer, as a screen layer (use-log-layer.ts): the same rows either way.
 */
export function logPaneRows(lines: readonly LogLine[], width: number, room: number, labels: LogLineLabels, emptyText: string): LogPaneRow[] {
  if (room <= 0) return [];
  if (lines.length === 0) return [{ text: emptyText, tone: null }];
  const shown = lines.slice(-room);
  let lastSecond = Number.NaN;
  return shown.map((line) => {
    const second = Math.floor(line.at / 1000);
    const text = logLineText(line, width, labels, second !== lastSecond);
    lastSecond = second;
    return { text, tone: line.stream === 'err' ? 'red' : null };
  });
}

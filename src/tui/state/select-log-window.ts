import type { LogLine } from '../../pm2-bridge/types.js';
import type { LogView } from './ui-state.js';

export interface LogWindow {
  lines: readonly LogLine[];
  /** Lines newer than the window (0 while following). */
  newerHidden: number;
}

/** The `height` lines the log pane shows for the current view. */
export function selectLogWindow(all: readonly LogLine[], view: LogView, height: number): LogWindow {
  if (height <= 0 || all.length === 0) return { lines: [], newerHidden: 0 };
  let end = all.length;
  if (!view.follow) {
    const anchorSeq = view.anchorSeq;
    const atOrBefore = all.findLastIndex((line) => line.seq <= anchorSeq);
    end = atOrBefore === -1 ? Math.min(height, all.length) : atOrBefore + 1;
  }
  const start = Math.max(0, end - height);
  return { lines: all.slice(start, end), newerHidden: all.length - end };
}

import type { Focus } from '../state/ui-state.js';
import type { Layout } from './compute-layout.js';

export interface ScreenPanes {
  /** The panes on screen, in Tab order, and the one focused (the table when the focused one is not shown). */
  panes: readonly Focus[];
  focus: Focus;
  /** Content rows of the detail and log panes (their title rows left out). */
  detailRoom: number;
  logRoom: number;
  /** Rows between the header (and banner) and the status line: the help screen and the opened line use them. */
  middle: number;
}

export function screenPanes(layout: Layout, focused: Focus): ScreenPanes {
  const detailRoom = Math.max(0, layout.detail - 1);
  const panes: Focus[] = ['table', ...(layout.logs > 0 ? (['logs'] as const) : []), ...(detailRoom > 0 ? (['detail'] as const) : [])];
  return {
    panes,
    focus: panes.includes(focused) ? focused : 'table',
    detailRoom,
    logRoom: Math.max(0, layout.logs - 1),
    middle: layout.table + layout.detail + (layout.sideBySide ? 0 : layout.logs),
  };
}

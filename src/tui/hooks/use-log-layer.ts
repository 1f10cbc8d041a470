import type { DOMElement } from 'ink';
import { useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import type { SnapshotSource } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { ScreenLayersContext } from '../display/screen-layers-context.js';
import { initialFloodPacing, paceFlood } from '../logs/flood-pacing.js';
import { logPaneRows, pacedLiveRows, pacedPageRows, type SkipLabel } from '../logs/log-pane-rows.js';
import { logRowSgr } from '../logs/log-row-sgr.js';
import type { LogRow, LogViewOptions, SourcedLine } from '../logs/log-view.js';
import { logSources, paneLines, type LogPaneSources } from '../logs/pane-lines.js';
import { layoutRect } from './layout-rect.js';

export interface LogLayerInput {
  source: SnapshotSource;
  /** The services whose lines are shown (merged when more than one). */
  sources: LogPaneSources;
  stderrOnly: boolean;
  /** How the log view model lays the rows out (logs/log-view.ts). */
  view: LogViewOptions;
  width: number;
  /** Body rows (the pane's height without its title). */
  room: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Draws the log pane's body as a screen layer of the cell-diff writer: subscribed to its services' lines itself, so
 * a new line repaints those rows without a React render. The rows are the log view model's, as the React path draws
 * them, paced under a flood (logs/flood-pacing.ts: a held page, a skip row, the newest line live). Returns the ref for the empty box the layer fills, or null when there are no layers (then LogPane draws the
 * body itself).
 */
export function useLogLayer({ source, sources, stderrOnly, view, width, room }: LogLayerInput): RefObject<DOMElement | null> | null {
  const layers = useContext(ScreenLayersContext);
  const { messages, color, glyphs } = useContext(DisplayContext);
  const box = useRef<DOMElement | null>(null);
  const { empty, floodSkipped } = messages.logs;
  useLayoutEffect(() => {
    if (layers === null) return;
    const rect = () => layoutRect(box.current);
    const skipLabel: SkipLabel = (skipped, rate) => floodSkipped(count(skipped), count(rate), glyphs.ellipsis);
    const sgr = (rows: readonly LogRow[]) => rows.map((row) => logRowSgr(row, color));
    let pacing = initialFloodPacing;
    let recheck: NodeJS.Timeout | null = null;
    // A held page is laid out once, not on each frame that redraws only the live rows under it.
    let held: { page: readonly SourcedLine[]; rows: string[] } | null = null;
    const draw = () => {
      if (recheck !== null) clearTimeout(recheck);
      recheck = null;
      const lines = paneLines(logSources(sources, source.getLogs), stderrOnly);
      const now = Date.now();
      const step = paceFlood(pacing, { lines, now, rows: room, follow: view.view.follow });
      pacing = step.state;
      // A flood that stops sends nothing more: look again so the pane gives the contiguous tail back.
      if (step.recheckAt !== null) recheck = setTimeout(draw, step.recheckAt - now);
      let rows: string[];
      if (lines.length === 0) rows = room > 0 ? [empty] : [];
      else if (step.view.kind === 'tail') rows = sgr(logPaneRows(lines, step.view, view, width, room, skipLabel));
      else {
        if (held?.page !== step.view.page) held = { page: step.view.page, rows: sgr(pacedPageRows(step.view.page, view, width, room)) };
        rows = [...held.rows, ...sgr(pacedLiveRows(step.view, view, width, skipLabel))];
      }
      layers.set('logs', { rect, rows });
    };
    draw();
    const unsubscribes = sources.pmIds.map((pmId) => source.subscribeLogs(pmId, draw));
    return () => {
      if (recheck !== null) clearTimeout(recheck);
      for (const unsubscribe of unsubscribes) unsubscribe();
      layers.delete('logs');
    };
  }, [layers, source, sources, stderrOnly, view, width, room, empty, floodSkipped, glyphs.ellipsis, color]);
  return layers === null ? null : box;
}

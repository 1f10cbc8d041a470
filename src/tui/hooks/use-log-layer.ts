import type { DOMElement } from 'ink';
import { useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import type { SnapshotSource } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { ScreenLayersContext } from '../display/screen-layers-context.js';
import { logRowSgr } from '../logs/log-row-sgr.js';
import { logViewRows, type LogViewOptions } from '../logs/log-view.js';
import { logSources, paneLines, type LogPaneSources } from '../logs/pane-lines.js';
import type { LayerRect } from '../terminal/screen-layers.js';

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

/** Where Ink laid out `node`, in cells from the top-left of the frame. */
function layoutRect(node: DOMElement | null): LayerRect | null {
  const yoga = node?.yogaNode;
  if (!node || !yoga) return null;
  let top = 0;
  let left = 0;
  for (let at: DOMElement | undefined = node; at; at = at.parentNode) {
    top += at.yogaNode?.getComputedTop() ?? 0;
    left += at.yogaNode?.getComputedLeft() ?? 0;
  }
  return { top: Math.round(top), left: Math.round(left), width: Math.round(yoga.getComputedWidth()), height: Math.round(yoga.getComputedHeight()) };
}

/**
 * Draws the log pane's body as a screen layer of the cell-diff writer: subscribed to its services' lines itself, so
 * a new line repaints those rows without a React render. The rows are the log view model's, as the React path draws
 * them. Returns the ref for the empty box the layer fills, or null when there are no layers (then LogPane draws the
 * body itself).
 */
export function useLogLayer({ source, sources, stderrOnly, view, width, room }: LogLayerInput): RefObject<DOMElement | null> | null {
  const layers = useContext(ScreenLayersContext);
  const { messages, color } = useContext(DisplayContext);
  const box = useRef<DOMElement | null>(null);
  const empty = messages.logs.empty;
  useLayoutEffect(() => {
    if (layers === null) return;
    const rect = () => layoutRect(box.current);
    const draw = () => {
      const lines = paneLines(logSources(sources, source.getLogs), stderrOnly);
      const rows = lines.length === 0 ? (room > 0 ? [empty] : []) : logViewRows(lines, view, width, room).rows.map((row) => logRowSgr(row, color));
      layers.set('logs', { rect, rows });
    };
    draw();
    const unsubscribes = sources.pmIds.map((pmId) => source.subscribeLogs(pmId, draw));
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      layers.delete('logs');
    };
  }, [layers, source, sources, stderrOnly, view, width, room, empty, color]);
  return layers === null ? null : box;
}

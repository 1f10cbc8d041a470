import type { DOMElement } from 'ink';
import { useContext, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { SnapshotSource } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { ScreenLayersContext } from '../display/screen-layers-context.js';
import { logPaneRows } from '../logs/log-pane-rows.js';
import { selectLogWindow } from '../state/select-log-window.js';
import type { LogView } from '../state/ui-state.js';
import type { LayerRect } from '../terminal/screen-layers.js';
import { toneSgr } from '../terminal/tone-sgr.js';

export interface LogLayerInput {
  source: SnapshotSource;
  pmId: number | null;
  view: LogView;
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
 * Draws the log pane's body as a screen layer of the cell-diff writer: subscribed to the service's lines itself, so
 * a new line repaints those rows without a React render. Returns the ref for the empty box the layer fills, or null
 * when there are no layers (then LogPane draws the body itself).
 */
export function useLogLayer({ source, pmId, view, width, room }: LogLayerInput): RefObject<DOMElement | null> | null {
  const layers = useContext(ScreenLayersContext);
  const { messages, glyphs, color } = useContext(DisplayContext);
  const box = useRef<DOMElement | null>(null);
  const labels = useMemo(() => ({ ellipsis: glyphs.ellipsis, cut: messages.logs.cut }), [glyphs.ellipsis, messages.logs.cut]);
  const empty = messages.logs.empty;
  useLayoutEffect(() => {
    if (layers === null) return;
    const rect = () => layoutRect(box.current);
    const draw = () => {
      const lines = pmId === null ? [] : source.getLogs(pmId);
      const rows = logPaneRows(selectLogWindow(lines, view, room).lines, width, room, labels, empty);
      layers.set('logs', { rect, rows: rows.map((row) => toneSgr(row.text, row.tone, color)) });
    };
    draw();
    const unsubscribe = pmId === null ? () => undefined : source.subscribeLogs(pmId, draw);
    return () => {
      unsubscribe();
      layers.delete('logs');
    };
  }, [layers, source, pmId, view, width, room, labels, empty, color]);
  return layers === null ? null : box;
}

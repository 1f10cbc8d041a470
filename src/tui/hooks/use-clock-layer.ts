import type { DOMElement } from 'ink';
import { useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import { ScreenLayersContext } from '../display/screen-layers-context.js';
import { formatClockTime } from '../format/clock-time.js';
import { layoutRect } from './layout-rect.js';

/** Where the clock goes: its first column and its width in cells, from the row's own left edge. */
export interface ClockPlace {
  at: number;
  width: number;
}

/**
 * Draws the header clock as a screen layer of the cell-diff writer, ticking by itself at each whole second: a tick
 * costs its few cells and a diff, not a React commit, a Yoga layout and Ink's whole frame (as the log pane's body,
 * hooks/use-log-layer.ts). Returns the ref for the header row's box (the layer finds its cells from it), or null
 * when there are no layers or no place for the clock: then the header draws the clock itself.
 */
export function useClockLayer(now: () => number, place: ClockPlace | null): RefObject<DOMElement | null> | null {
  const layers = useContext(ScreenLayersContext);
  const row = useRef<DOMElement | null>(null);
  const at = place?.at ?? -1;
  const width = place?.width ?? 0;
  useLayoutEffect(() => {
    if (layers === null || at < 0) return;
    const rect = () => {
      const box = layoutRect(row.current);
      return box && { top: box.top, left: box.left + at, width, height: 1 };
    };
    let shown = '';
    let timer: NodeJS.Timeout;
    const tick = () => {
      const text = formatClockTime(now());
      if (text !== shown) layers.set('clock', { rect, rows: [(shown = text)] });
      timer = setTimeout(tick, 1000 - (now() % 1000) + 5);
    };
    tick();
    return () => {
      clearTimeout(timer);
      layers.delete('clock');
    };
  }, [layers, now, at, width]);
  return layers === null || at < 0 ? null : row;
}

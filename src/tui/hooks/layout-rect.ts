import type { DOMElement } from 'ink';
import type { LayerRect } from '../terminal/screen-layers.js';

/** Where Ink laid out `node`, in cells from the top-left of the frame (null before the first layout). */
export function layoutRect(node: DOMElement | null): LayerRect | null {
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

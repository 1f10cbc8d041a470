import { useMemo } from 'react';
import type { SnapshotSource } from '../../pm2-bridge/types.js';
import { useLogLayer } from '../hooks/use-log-layer.js';
import { useServiceLogs } from '../hooks/use-service-logs.js';
import { selectLogWindow } from '../state/select-log-window.js';
import type { LogView } from '../state/ui-state.js';
import { LogPane } from './LogPane.js';

export interface ServiceLogPaneProps {
  source: SnapshotSource;
  /** The service whose lines are shown; null: none selected. */
  pmId: number | null;
  name: string | null;
  view: LogView;
  width: number;
  /** Rows, the title included. */
  height: number;
  focused: boolean;
}

/**
 * The log pane of one service, subscribed to that service's lines only: a new line renders this pane and nothing else.
 * Behind the cell-diff writer the body is a screen layer with its own subscription, and React hears of new lines
 * only while the view is paused (the title counts the newer ones).
 */
export function ServiceLogPane({ source, pmId, name, view, width, height, focused }: ServiceLogPaneProps) {
  const room = Math.max(0, height - 1);
  const layerRef = useLogLayer({ source, pmId, view, width, room });
  const lines = useServiceLogs(source, layerRef !== null && view.follow ? null : pmId);
  // The same window object while nothing it shows changed, so the memoized LogPane skips the render.
  const window = useMemo(() => selectLogWindow(lines, view, room), [lines, view, room]);
  return (
    <LogPane
      name={name}
      lines={window.lines}
      following={view.follow}
      newerHidden={window.newerHidden}
      width={width}
      height={height}
      focused={focused}
      layerRef={layerRef ?? undefined}
    />
  );
}

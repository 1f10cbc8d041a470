import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { ScreenLayersContext } from '../display/screen-layers-context.js';
import { formatClockTime } from '../format/clock-time.js';
import { useClockLayer } from '../hooks/use-clock-layer.js';
import { everySecond, useWholeSecond } from '../hooks/use-whole-second.js';
import { clockFits, headerRow } from '../layout/header-row.js';
import { Toned } from './Toned.js';

export interface HeaderBarProps {
  connection: ConnectionState;
  serviceCount: number;
  /** Rows the table shows under a filter, null without one: the header then says `shown/total`. */
  shownCount: number | null;
  width: number;
  /** The clock (tests pin it). */
  now: () => number;
}

/** Every time of day is HH:MM:SS: the layout needs only the clock's width. */
const CLOCK_SHAPE = formatClockTime(0);

/**
 * Row one: the name, where PM2 stands (mark + words), read-only, the time (layout/header-row.ts). Behind the
 * cell-diff writer the time is a screen layer that ticks by itself (hooks/use-clock-layer.ts) and this row leaves
 * its cells blank, so the clock never re-renders the header; without layers (tests, plain output) the header ticks
 * each whole second itself.
 */
export const HeaderBar = memo(function HeaderBar({ connection, serviceCount, shownCount, width, now }: HeaderBarProps) {
  const { messages, glyphs, readOnly } = useContext(DisplayContext);
  const layers = useContext(ScreenLayersContext);
  const row = headerRow({ connection, serviceCount, shownCount, width, clock: CLOCK_SHAPE, messages, glyphs, readOnly });
  const layered = layers !== null && clockFits(row, width);
  const clockRow = useClockLayer(now, layered ? { at: row.clockAt, width: row.clockWidth } : null);
  const at = useWholeSecond(now, layered ? null : everySecond);
  return (
    <Box ref={clockRow ?? undefined} height={1} width={width}>
      <Text wrap="truncate-end">
        <Toned bold>{row.left}</Toned>
        <Toned tone={row.tone}>{row.middle}</Toned>
        {row.gap}
        {row.badge}
        {layered ? ' '.repeat(row.clockWidth) : formatClockTime(at)}
      </Text>
    </Box>
  );
});

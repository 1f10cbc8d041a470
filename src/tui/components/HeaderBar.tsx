import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { formatClockTime } from '../format/clock-time.js';
import { headerRow } from '../layout/header-row.js';
import { Toned } from './Toned.js';

export interface HeaderBarProps {
  connection: ConnectionState;
  serviceCount: number;
  /** Rows the table shows under a filter, null without one: the header then says `shown/total`. */
  shownCount: number | null;
  width: number;
  now: number;
}

/** Row one: the name, where PM2 stands (mark + words), read-only, the time (layout/header-row.ts). */
export const HeaderBar = memo(function HeaderBar({ connection, serviceCount, shownCount, width, now }: HeaderBarProps) {
  const { messages, glyphs, readOnly } = useContext(DisplayContext);
  const { left, middle, tone, gap, right } = headerRow({ connection, serviceCount, shownCount, width, clock: formatClockTime(now), messages, glyphs, readOnly });
  return (
    <Box height={1} width={width}>
      <Text wrap="truncate-end">
        <Toned bold>{left}</Toned>
        <Toned tone={tone}>{middle}</Toned>
        {gap}
        {right}
      </Text>
    </Box>
  );
});

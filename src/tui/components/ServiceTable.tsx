import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { Service } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { cellWidth } from '../format/cell-width.js';
import { findingsMark } from '../format/severity-mark.js';
import { padCells } from '../format/pad-cells.js';
import { truncateCells } from '../format/truncate-cells.js';
import { displayName } from '../table/display-name.js';
import { fitColumns, longestHost, ROW_PREFIX_WIDTH } from '../table/fit-columns.js';
import { serviceCells } from '../table/service-cells.js';
import { Toned } from './Toned.js';

export interface ServiceTableProps {
  services: readonly Service[];
  /** Row of the selected service, -1 for none. */
  selectedIndex: number;
  width: number;
  /** Rows, the column header included. */
  height: number;
  now: number;
  /** Shown instead of rows when `services` is empty. */
  emptyText: string;
  focused: boolean;
}

/**
 * The service list, built from fixed-width boxes with cells padded in terminal cells (string-width), so Japanese
 * names keep the columns aligned. ink-table cannot be used: it fails to load under Ink 6 and sizes by `.length`.
 */
export const ServiceTable = memo(function ServiceTable({ services, selectedIndex, width, height, now, emptyText, focused }: ServiceTableProps) {
  const { messages, glyphs, color } = useContext(DisplayContext);
  const longest = Math.max(0, ...services.map((service) => cellWidth(displayName(service))));
  const columns = fitColumns(width, messages, longest, longestHost(services));
  const rowsRoom = Math.max(0, height - 1);
  const start = selectedIndex >= rowsRoom ? selectedIndex - rowsRoom + 1 : 0;
  const shown = services.slice(start, start + rowsRoom);
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <Box height={1} columnGap={1}>
        <Box width={ROW_PREFIX_WIDTH} flexShrink={0} />
        {columns.map((column) => (
          <Box key={column.id} width={column.width} flexShrink={0}>
            <Text wrap="truncate-end">
              <Toned bold>{padCells(column.header, column.width, column.align, glyphs.ellipsis)}</Toned>
            </Text>
          </Box>
        ))}
      </Box>
      {services.length === 0 && rowsRoom > 0 ? (
        <Text wrap="truncate-end">{truncateCells(`  ${emptyText}`, width, glyphs.ellipsis)}</Text>
      ) : null}
      {shown.map((service, offset) => {
        const selected = start + offset === selectedIndex;
        const cells = serviceCells(service, { messages, glyphs, now });
        const finding = findingsMark(service.diagnostics, glyphs);
        const highlight = selected && focused && color;
        return (
          <Box key={service.pmId} height={1} columnGap={1}>
            <Box width={ROW_PREFIX_WIDTH} flexShrink={0}>
              <Text>
                {selected ? glyphs.selected : ' '}
                <Toned tone={finding.tone}>{finding.mark}</Toned>
              </Text>
            </Box>
            {columns.map((column) => (
              <Box key={column.id} width={column.width} flexShrink={0}>
                <Text wrap="truncate-end">
                  <Toned tone={cells[column.id].tone} inverse={highlight} bold={selected}>
                    {padCells(cells[column.id].text, column.width, column.align, glyphs.ellipsis)}
                  </Toned>
                </Text>
              </Box>
            ))}
          </Box>
        );
      })}
    </Box>
  );
});

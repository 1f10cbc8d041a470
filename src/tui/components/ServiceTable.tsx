import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { cellWidth } from '../format/cell-width.js';
import { findingsMark } from '../format/severity-mark.js';
import { padCells } from '../format/pad-cells.js';
import { truncateCells } from '../format/truncate-cells.js';
import type { Service } from '../../pm2-bridge/types.js';
import type { ColumnId } from '../table/column-id.js';
import { displayName } from '../table/display-name.js';
import { fitColumns, longestHost, ROW_PREFIX_WIDTH } from '../table/fit-columns.js';
import { appCells, serviceCells, type Cell } from '../table/service-cells.js';
import { sortColumn, type SortOrder } from '../table/sort-order.js';
import type { TableRow } from '../table/table-rows.js';
import { Toned } from './Toned.js';

export interface ServiceTableProps {
  rows: readonly TableRow[];
  /** Row of the selection, -1 for none. */
  selectedIndex: number;
  marks: ReadonlySet<number>;
  /** The CPU sparkline of a service, for the trend column. */
  trend?: (service: Service) => string;
  /** Services with an event since the operator last looked (unseenServices): their name gets glyphs.unseen. */
  unseen: ReadonlySet<number>;
  sort: SortOrder;
  hidden: ReadonlySet<ColumnId>;
  width: number;
  /** Rows, the column header included. */
  height: number;
  now: number;
  /** Shown instead of rows when there are none. */
  emptyText: string;
  focused: boolean;
}

/** What a row's name cell shows: instances of an expanded app indented under it, the unseen-events mark after it. */
function rowName(row: TableRow, unseen: ReadonlySet<number>, mark: string): string {
  if (row.kind === 'namespace') return row.namespace;
  const name = row.kind === 'app' ? `${row.name} [${row.expanded ? '-' : `+${row.services.length}`}]` : `${row.child ? '  ' : ''}${displayName(row.service)}`;
  return row.services.some((s) => unseen.has(s.pmId)) ? `${name} ${mark}` : name;
}

/** `*` all of the row's services marked, `~` some of them. */
function markOf(row: TableRow, marks: ReadonlySet<number>): string {
  const marked = row.services.filter((s) => marks.has(s.pmId)).length;
  return row.kind === 'namespace' || marked === 0 ? ' ' : marked === row.services.length ? '*' : '~';
}

/**
 * The service list, built from fixed-width boxes with cells padded in terminal cells (string-width), so Japanese
 * names keep the columns aligned. ink-table cannot be used: it fails to load under Ink 6 and sizes by `.length`.
 */
export const ServiceTable = memo(function ServiceTable({ rows, selectedIndex, marks, unseen, trend, sort, hidden, width, height, now, emptyText, focused }: ServiceTableProps) {
  const { messages, glyphs, color } = useContext(DisplayContext);
  const context = { messages, glyphs, now, trend };
  const cellsOf = (row: TableRow): Record<ColumnId, Cell> | null =>
    row.kind === 'app' ? appCells(row.name, row.services, row.expanded, context) : row.kind === 'service' ? serviceCells(row.service, context) : null;
  const rowsRoom = Math.max(0, height - 1);
  const start = selectedIndex >= rowsRoom ? selectedIndex - rowsRoom + 1 : 0;
  const shown = rows.slice(start, start + rowsRoom).map((row) => ({ row, cells: cellsOf(row) }));
  const longest = Math.max(0, ...rows.map((row) => cellWidth(rowName(row, unseen, glyphs.unseen))));
  const longestStatus = Math.max(0, ...shown.map(({ cells }) => (cells === null ? 0 : cellWidth(cells.status.text))));
  const sorted = sort.key === 'app' ? null : { column: sortColumn(sort.key), mark: sort.descending ? glyphs.down : glyphs.up };
  const columns = fitColumns(width, messages, longest, { hidden, sorted, longestStatus, longestHost: longestHost(rows.flatMap((row) => row.services)) });
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
      {rows.length === 0 && rowsRoom > 0 ? <Text wrap="truncate-end">{truncateCells(`   ${emptyText}`, width, glyphs.ellipsis)}</Text> : null}
      {shown.map(({ row, cells }, offset) => {
        if (cells === null) {
          return (
            <Box key={row.key} height={1}>
              <Text wrap="truncate-end">
                <Toned tone="cyan" bold>
                  {truncateCells(`${' '.repeat(ROW_PREFIX_WIDTH)}[${row.kind === 'namespace' ? row.namespace : ''}] ${row.services.length}`, width, glyphs.ellipsis)}
                </Toned>
              </Text>
            </Box>
          );
        }
        const selected = start + offset === selectedIndex;
        const finding = findingsMark(
          row.services.flatMap((s) => s.diagnostics),
          glyphs,
        );
        const highlight = selected && focused && color;
        const nameText = rowName(row, unseen, glyphs.unseen);
        return (
          <Box key={row.key} height={1} columnGap={1}>
            <Box width={ROW_PREFIX_WIDTH} flexShrink={0}>
              <Text>
                {selected ? glyphs.selected : ' '}
                {markOf(row, marks)}
                <Toned tone={finding.tone}>{finding.mark}</Toned>
              </Text>
            </Box>
            {columns.map((column) => (
              <Box key={column.id} width={column.width} flexShrink={0}>
                <Text wrap="truncate-end">
                  <Toned tone={cells[column.id].tone} inverse={highlight} bold={selected}>
                    {padCells(column.id === 'name' ? nameText : cells[column.id].text, column.width, column.align, glyphs.ellipsis)}
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

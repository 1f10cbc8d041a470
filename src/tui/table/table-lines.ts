// The service table as lines of styled text, cell for cell what the monitor shows: ServiceTable draws them with Ink,
// and the start screen (src/cli/start-list.ts) writes them as SGR before Ink has loaded. One model, so the rows the
// start screen shows are the rows Ink's first frame draws over them (a diff of nothing).
import type { Messages } from '../../i18n/messages.js';
import type { Service } from '../../pm2-bridge/types.js';
import { cellWidth } from '../format/cell-width.js';
import type { Glyphs } from '../format/glyphs.js';
import { padCells } from '../format/pad-cells.js';
import { findingsMark } from '../format/severity-mark.js';
import type { Tone } from '../format/tone.js';
import { truncateCells } from '../format/truncate-cells.js';
import type { ColumnId } from './column-id.js';
import { displayName } from './display-name.js';
import { fitColumns, longestHost, ROW_PREFIX_WIDTH } from './fit-columns.js';
import { appCells, serviceCells, type Cell } from './service-cells.js';
import { sortColumn, type SortOrder } from './sort-order.js';
import type { TableRow } from './table-rows.js';

/** A run of text in one style. Without colour the styles are not drawn at all (as Toned does). */
export interface TableSegment {
  text: string;
  tone: Tone | null;
  bold: boolean;
  inverse: boolean;
}

export interface TableLine {
  /** Stable per row (the row's key), for React. */
  key: string;
  segments: readonly TableSegment[];
}

export interface TableLinesInput {
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
  messages: Messages;
  glyphs: Glyphs;
  /** The selected row is drawn inverse only in colour (without it the selection mark says it). */
  color: boolean;
}

const plain = (text: string): TableSegment => ({ text, tone: null, bold: false, inverse: false });

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
 * The table's lines, at most `height` (the column header, then the rows scrolled so the selection is in view, or
 * the empty text). Columns are padded in terminal cells (string-width), so Japanese names keep them aligned; every
 * line is `width` cells or less.
 */
export function tableLines(input: TableLinesInput): TableLine[] {
  const { rows, selectedIndex, marks, unseen, trend, sort, hidden, width, height, now, emptyText, focused, messages, glyphs, color } = input;
  if (height < 1) return [];
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
  const prefix = ' '.repeat(ROW_PREFIX_WIDTH);
  const lines: TableLine[] = [
    {
      key: 'header',
      segments: [plain(prefix), ...columns.flatMap((column) => [plain(' '), { ...plain(padCells(column.header, column.width, column.align, glyphs.ellipsis)), bold: true }])],
    },
  ];
  if (rows.length === 0 && rowsRoom > 0) lines.push({ key: 'empty', segments: [plain(truncateCells(`${prefix}${emptyText}`, width, glyphs.ellipsis))] });
  shown.forEach(({ row, cells }, offset) => {
    if (cells === null) {
      const heading = truncateCells(`${prefix}[${row.kind === 'namespace' ? row.namespace : ''}] ${row.services.length}`, width, glyphs.ellipsis);
      lines.push({ key: row.key, segments: [{ text: heading, tone: 'cyan', bold: true, inverse: false }] });
      return;
    }
    const selected = start + offset === selectedIndex;
    const finding = findingsMark(
      row.services.flatMap((s) => s.diagnostics),
      glyphs,
    );
    const inverse = selected && focused && color;
    const nameText = rowName(row, unseen, glyphs.unseen);
    const segments: TableSegment[] = [plain(`${selected ? glyphs.selected : ' '}${markOf(row, marks)}`), { ...plain(finding.mark), tone: finding.tone }];
    for (const column of columns) {
      const cell = cells[column.id];
      segments.push(plain(' '), { text: padCells(column.id === 'name' ? nameText : cell.text, column.width, column.align, glyphs.ellipsis), tone: cell.tone, bold: selected, inverse });
    }
    lines.push({ key: row.key, segments });
  });
  return lines;
}

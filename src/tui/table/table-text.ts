import type { Messages } from '../../i18n/messages.js';
import type { Service } from '../../pm2-bridge/types.js';
import { cellWidth } from '../format/cell-width.js';
import type { Glyphs } from '../format/glyphs.js';
import { padCells } from '../format/pad-cells.js';
import { findingsMark } from '../format/severity-mark.js';
import { displayName } from './display-name.js';
import type { ColumnId } from './column-id.js';
import { fitColumns, longestHost } from './fit-columns.js';
import { serviceCells } from './service-cells.js';

export interface TableTextOptions {
  width: number;
  messages: Messages;
  glyphs: Glyphs;
  now: number;
}

/** One reading has no history: no trend column. */
const NO_HISTORY: ReadonlySet<ColumnId> = new Set(['trend']);

/** The service table as plain lines (no colour), for `--once`: the same columns and widths as the TUI. */
export function tableText(services: readonly Service[], options: TableTextOptions): string[] {
  const longest = Math.max(0, ...services.map((service) => cellWidth(displayName(service))));
  const columns = fitColumns(options.width, options.messages, longest, { longestHost: longestHost(services), hidden: NO_HISTORY });
  const line = (cells: string[]) => cells.join(' ').trimEnd();
  const header = line(['  ' + padCells(columns[0]!.header, columns[0]!.width), ...columns.slice(1).map((c) => padCells(c.header, c.width, c.align))]);
  const rows = services.map((service) => {
    const cells = serviceCells(service, options);
    const { mark } = findingsMark(service.diagnostics, options.glyphs);
    return line(
      columns.map((column, index) => {
        const text = padCells(cells[column.id].text, column.width, column.align, options.glyphs.ellipsis);
        return index === 0 ? ` ${mark}${text}` : text;
      }),
    );
  });
  return [header, ...rows];
}

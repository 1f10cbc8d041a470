import type { Messages } from '../../i18n/messages.js';
import { cellWidth } from '../format/cell-width.js';
import type { Align } from '../format/pad-cells.js';
import { columnOrder, dropOrder, type ColumnId } from './column-id.js';

export interface TableColumn {
  id: ColumnId;
  header: string;
  width: number;
  align: Align;
}

/** Cells before the first column: the selection mark, the mark (Space) and the diagnostics mark. */
export const ROW_PREFIX_WIDTH = 3;
const GAP = 1;
const NAME_MIN = 10;
/** Columns are dropped rather than cut names shorter than this (or the longest name, if shorter). */
const NAME_COMFORT = 18;
/** Host names longer than this are cut (the link states in the banner name them whole). */
const HOST_MAX = 16;

/** Cells of the CPU sparkline column. */
export const TREND_WIDTH = 8;

const contentWidth: Record<Exclude<ColumnId, 'host' | 'name' | 'status'>, number> = {
  pid: 7,
  cpu: 5,
  memory: 6,
  trend: TREND_WIDTH,
  restarts: 4,
  uptime: 4,
  port: 5,
  health: 9,
};

export interface FitOptions {
  /** Columns the operator hid (name and status cannot be). */
  hidden?: ReadonlySet<ColumnId>;
  /** The sorted column and the mark its header carries (`↓`), so the order reads without colour. */
  sorted?: { column: ColumnId; mark: string } | null;
  /** The widest status cell of the rows (a folded app's `● 2/2 online`). */
  longestStatus?: number;
  /** The widest host name (longestHost()); 0 or absent: one local PM2, no host column. */
  longestHost?: number;
}

/**
 * Chooses the columns and their widths (in cells) for a table `totalWidth` cells wide: every column that fits and
 * is not hidden, dropping the least useful first. The name column takes what is left, up to the longest name. The
 * host column is there when `longestHost` > 0 (services from several hosts), and never dropped: rows would be
 * ambiguous without it.
 */
export function fitColumns(totalWidth: number, messages: Messages, longestName: number, options: FitOptions = {}): TableColumn[] {
  const longestHost = options.longestHost ?? 0;
  const header = (id: ColumnId) => (options.sorted?.column === id ? `${messages.columns[id]}${options.sorted.mark}` : messages.columns[id]);
  const statusWidth = Math.max(2 + Math.max(...Object.values(messages.status).map(cellWidth)), options.longestStatus ?? 0);
  // A mark and a word (`! degraded`, `✖ conflict`) read whole; latencies (`OK 12ms`) fit in the default.
  const h = messages.health;
  const healthWidth = Math.max(contentWidth.health, 2 + Math.max(...[h.degraded, h.conflict, h.failed, h.closed].map(cellWidth)));
  const fixed = new Map<ColumnId, number>();
  for (const id of columnOrder) {
    if (id === 'name' || (id === 'host' && longestHost === 0) || (id !== 'status' && id !== 'host' && options.hidden?.has(id))) continue;
    const content = id === 'host' ? Math.min(longestHost, HOST_MAX) : id === 'status' ? statusWidth : id === 'health' ? healthWidth : contentWidth[id];
    fixed.set(id, Math.max(content, cellWidth(header(id))));
  }
  // Every column, the name's included, has a one-cell gap before it.
  const used = () => [...fixed.values()].reduce((sum, w) => sum + w + GAP, ROW_PREFIX_WIDTH + GAP);
  const nameTarget = Math.min(Math.max(longestName, NAME_MIN), NAME_COMFORT);
  for (const id of dropOrder) {
    if (used() + nameTarget <= totalWidth) break;
    fixed.delete(id);
  }
  const nameWanted = Math.max(NAME_MIN, longestName, cellWidth(header('name')));
  const nameWidth = Math.max(NAME_MIN, Math.min(nameWanted, totalWidth - used()));
  return columnOrder
    .filter((id) => id === 'name' || fixed.has(id))
    .map((id) => ({
      id,
      header: header(id),
      width: id === 'name' ? nameWidth : fixed.get(id)!,
      align: id === 'host' || id === 'name' || id === 'status' || id === 'health' ? 'left' : 'right',
    }));
}

/** The widest host name among `services` in cells; 0 when they come from no named host (one local PM2). */
export function longestHost(services: readonly { host?: string }[]): number {
  let widest = 0;
  for (const service of services) if (service.host !== undefined) widest = Math.max(widest, cellWidth(service.host), 1);
  return widest;
}

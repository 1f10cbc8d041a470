export type ColumnId = 'host' | 'name' | 'status' | 'pid' | 'cpu' | 'memory' | 'trend' | 'restarts' | 'uptime' | 'port' | 'health';

/** Left to right. `host` is there only with several hosts (--host); `trend` is the CPU sparkline (insights history). */
export const columnOrder: readonly ColumnId[] = ['host', 'name', 'status', 'pid', 'cpu', 'memory', 'trend', 'restarts', 'uptime', 'port', 'health'];

/** When the terminal is narrow, columns go in this order; name and status always stay. */
export const dropOrder: readonly ColumnId[] = ['trend', 'pid', 'uptime', 'cpu', 'port', 'restarts', 'health', 'memory'];

/** Columns the operator can hide (c), in the chooser's order: host, name and status always show. */
export const HIDEABLE_COLUMNS: readonly ColumnId[] = columnOrder.filter((id) => id !== 'host' && id !== 'name' && id !== 'status');

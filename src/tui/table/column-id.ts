export type ColumnId = 'name' | 'status' | 'pid' | 'cpu' | 'memory' | 'restarts' | 'uptime' | 'port' | 'health';

/** Left to right. */
export const columnOrder: readonly ColumnId[] = ['name', 'status', 'pid', 'cpu', 'memory', 'restarts', 'uptime', 'port', 'health'];

/** When the terminal is narrow, columns go in this order; name and status always stay. */
export const dropOrder: readonly ColumnId[] = ['pid', 'uptime', 'cpu', 'port', 'restarts', 'health', 'memory'];

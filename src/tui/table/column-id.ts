export type ColumnId = 'host' | 'name' | 'status' | 'pid' | 'cpu' | 'memory' | 'restarts' | 'uptime' | 'port' | 'health';

/** Left to right. `host` is there only with several hosts (--host). */
export const columnOrder: readonly ColumnId[] = ['host', 'name', 'status', 'pid', 'cpu', 'memory', 'restarts', 'uptime', 'port', 'health'];

/** When the terminal is narrow, columns go in this order; name and status always stay. */
export const dropOrder: readonly ColumnId[] = ['pid', 'uptime', 'cpu', 'port', 'restarts', 'health', 'memory'];

import { useMemo, useState, useSyncExternalStore } from 'react';
import type { ListView, SnapshotSource } from '../../pm2-bridge/types.js';
import { SteadyReadings } from '../table/steady-readings.js';

/**
 * The connection, services and setup findings: re-renders when one of them changes, never for a log line. CPU,
 * memory and metrics come steadied (SteadyReadings), so the table, its sort and the detail pane show one value
 * until a reading moves past its noise.
 */
export function useListView(source: SnapshotSource): ListView {
  const list = useSyncExternalStore(source.subscribeList, source.getList);
  const [steady] = useState(() => new SteadyReadings());
  return useMemo(() => ({ ...list, services: steady.apply(list.services) }), [steady, list]);
}

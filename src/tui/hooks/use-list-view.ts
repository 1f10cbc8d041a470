import { useMemo, useSyncExternalStore } from 'react';
import type { ListView, SnapshotSource } from '../../pm2-bridge/types.js';
import { ShownList } from '../state/shown-list.js';

/**
 * The connection, services and setup findings: re-renders when what they show changes, never for a log line. CPU,
 * memory and metrics come steadied (SteadyReadings), so the table, its sort and the detail pane show one value
 * until a reading moves past its noise, and a list that shows nothing new renders nothing (state/shown-list.ts).
 */
export function useListView(source: SnapshotSource): ListView {
  const shown = useMemo(() => new ShownList(() => source.getList()), [source]);
  return useSyncExternalStore(source.subscribeList, shown.read);
}

import { useSyncExternalStore } from 'react';
import type { ListView, SnapshotSource } from '../../pm2-bridge/types.js';

/** The connection, services and setup findings: re-renders when one of them changes, never for a log line. */
export function useListView(source: SnapshotSource): ListView {
  return useSyncExternalStore(source.subscribeList, source.getList);
}

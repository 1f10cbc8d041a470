import { useCallback, useSyncExternalStore } from 'react';
import type { LogLine, SnapshotSource } from '../../pm2-bridge/types.js';

const noLines: readonly LogLine[] = [];

/** The lines of one service (none for null): re-renders when that service's lines change, and only then. */
export function useServiceLogs(source: SnapshotSource, pmId: number | null): readonly LogLine[] {
  const subscribe = useCallback((listener: () => void) => (pmId === null ? () => undefined : source.subscribeLogs(pmId, listener)), [source, pmId]);
  const get = useCallback(() => (pmId === null ? noLines : source.getLogs(pmId)), [source, pmId]);
  return useSyncExternalStore(subscribe, get);
}

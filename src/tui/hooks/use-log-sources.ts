import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { LogLine, SnapshotSource } from '../../pm2-bridge/types.js';

/**
 * The lines of each of `pmIds`: re-renders when one of those services' lines change, and only then. The same array
 * comes back while every buffer is the same object.
 */
export function useLogSources(source: SnapshotSource, pmIds: readonly number[]): readonly (readonly LogLine[])[] {
  const key = pmIds.join(',');
  const last = useRef<readonly (readonly LogLine[])[]>([]);
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = key === '' ? [] : key.split(',').map((id) => source.subscribeLogs(Number(id), listener));
      return () => {
        for (const stop of stops) stop();
      };
    },
    [source, key],
  );
  const get = useCallback(() => {
    const next = key === '' ? [] : key.split(',').map((id) => source.getLogs(Number(id)));
    const previous = last.current;
    if (next.length === previous.length && next.every((lines, i) => lines === previous[i])) return previous;
    last.current = next;
    return next;
  }, [source, key]);
  return useSyncExternalStore(subscribe, get);
}

import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import type { KeyQueue } from '../keys/key-queue.js';

/**
 * Ink's keypresses into `keyQueue`, each with the raw input event it came from: Ink's Key cannot tell "Esc /" typed
 * fast from a bare "/" (key-queue.ts, escapeThenKey).
 */
export function useQueuedInput(keyQueue: KeyQueue): void {
  const { internal_eventEmitter: events } = useStdin();
  const lastEvent = useRef('');
  useEffect(() => {
    const note = (event: string) => {
      lastEvent.current = event;
    };
    // First in line: Ink subscribes useInput's handler again after renders, at the end.
    events.prependListener('input', note);
    return () => {
      events.off('input', note);
    };
  }, [events]);
  const onInput = useCallback((input: string, key: Key) => keyQueue.push(input, key, lastEvent.current), [keyQueue]);
  useInput(onInput);
}

import { useEffect, useState } from 'react';

/** Re-render at each whole second. */
export const everySecond = (at: number): number => at + 1000;

/**
 * The clock in whole seconds (the finest the monitor shows). `nextChange(at)` says the first whole second after
 * `at` at which what the caller draws from the clock reads differently (default: every second; null: nothing to
 * wait for); the hook re-renders then, by itself, not only when a list comes (the list comes less often while it
 * is steady). Pass null instead of a function and it never re-renders by itself. A render for another reason
 * reads the clock anew; a clock that does not move (tests pin it) renders nothing.
 */
export function useWholeSecond(now: () => number, nextChange: ((at: number) => number | null) | null = everySecond): number {
  const at = Math.floor(now() / 1000) * 1000;
  const [, setSecond] = useState(at);
  const due = nextChange === null ? null : nextChange(at);
  useEffect(() => {
    if (due === null) return;
    const timer = setTimeout(() => setSecond(Math.floor(now() / 1000) * 1000), Math.max(0, due - now()) + 5);
    return () => clearTimeout(timer);
  }, [now, due]);
  return at;
}

import { useEffect, useState } from 'react';

/**
 * The clock in whole seconds (the finest the header and uptimes show), re-rendering when the second turns: the
 * header ticks by itself, not only when a list comes (the list comes less often while it is steady). A render within
 * the same second leaves it alone, and a clock that does not move (tests pin it) renders nothing.
 */
export function useWholeSecond(now: () => number): number {
  const [, setSecond] = useState(() => Math.floor(now() / 1000));
  useEffect(() => {
    let timer: NodeJS.Timeout;
    const arm = () => {
      timer = setTimeout(() => {
        setSecond(Math.floor(now() / 1000));
        arm();
      }, 1000 - (now() % 1000) + 5);
    };
    arm();
    return () => clearTimeout(timer);
  }, [now]);
  return Math.floor(now() / 1000) * 1000;
}

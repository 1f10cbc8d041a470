/**
 * A task that never runs two at a time (k9s's compare-and-swap refresh). A call while it runs either asks for one
 * more run right after (`again`: what the task reads has changed since it started) or is dropped (`drop`: the run
 * under way is as good). Either way the call returns the promise of the run under way. The task handles its own
 * errors; one that throws anyway ends that run only.
 */
export interface SingleFlight {
  run(): Promise<void>;
  /** Resolves when no run is under way (at once when none is). */
  settled(): Promise<void>;
  readonly running: boolean;
}

export function singleFlight(task: () => Promise<void>, whileRunning: 'again' | 'drop' = 'again'): SingleFlight {
  let current: Promise<void> | null = null;
  let again = false;
  return {
    get running() {
      return current !== null;
    },
    settled: () => current ?? Promise.resolve(),
    run() {
      if (current) {
        if (whileRunning === 'again') again = true;
        return current;
      }
      current = (async () => {
        try {
          do {
            again = false;
            await task().catch(() => undefined);
          } while (again);
        } finally {
          current = null;
        }
      })();
      return current;
    },
  };
}

// Restart counts over time, per service, so "more than N restarts in the last 10 minutes" can be told from
// pm2's lifetime counter. Keeps only the samples the window needs, and forgets services that went away.

interface Sample {
  at: number;
  restarts: number;
}

export class RestartHistory {
  private readonly samples = new Map<string, Sample[]>();

  constructor(private readonly windowMs: number) {}

  /** Records the current counter and returns how many restarts happened within the window (0 at first sight). */
  record(key: string, at: number, restarts: number): number {
    let list = this.samples.get(key) ?? [];
    const last = list[list.length - 1];
    // `pm2 reset` or a delete + start under the same key sets the counter back: start over.
    if (last !== undefined && restarts < last.restarts) list = [];
    list.push({ at, restarts });
    const windowStart = at - this.windowMs;
    // Keep the newest sample at or before the window start as the baseline, and everything after it.
    let firstKept = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.at <= windowStart) firstKept = i;
    }
    list = list.slice(firstKept);
    this.samples.set(key, list);
    return restarts - list[0]!.restarts;
  }

  /** Drops every key not in `present`. */
  retain(present: ReadonlySet<string>): void {
    for (const key of this.samples.keys()) {
      if (!present.has(key)) this.samples.delete(key);
    }
  }

  get size(): number {
    return this.samples.size;
  }
}

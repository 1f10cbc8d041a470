// /health answers are counted, not logged one per line: a monitor probes every few seconds and would otherwise
// fill most of the out log. A line is written for the first answer and whenever the answer changes (HTTP status or
// health status), saying how many probes came since the line before.

export class HealthProbeLog {
  /** Every /health answer since start. */
  total = 0;
  private sinceLine = 0;
  private lastState: string | null = null;

  /** Counts one answer; returns the line to log when its state differs from the last logged one, else null. */
  record(httpStatus: number, healthStatus: string | null): string | null {
    this.total += 1;
    this.sinceLine += 1;
    const state = healthStatus === null ? String(httpStatus) : `${httpStatus} ${healthStatus}`;
    if (state === this.lastState) return null;
    const before = this.lastState === null ? 'first probe' : `was ${this.lastState} for ${this.sinceLine - 1} probes`;
    this.lastState = state;
    this.sinceLine = 0;
    return `GET /health ${state} (${before}; probes are counted, a line is written when the answer changes)`;
  }
}

// A bounded buffer of log lines for one service: the newest `capacity` lines, oldest dropped first. Lines read back
// from the files (history) go in front of the live ones. toArray() returns the same array until the buffer changes.
import type { LogLine } from './types.js';

export class LogBuffer {
  private lines: LogLine[] = [];
  private cached: readonly LogLine[] | null = null;

  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new Error('LogBuffer capacity must be positive');
  }

  get size(): number {
    return this.lines.length;
  }

  push(line: LogLine): void {
    this.lines.push(line);
    // Trim in batches so a flood costs amortised O(1) per line instead of a shift per line.
    if (this.lines.length >= this.capacity * 1.25 + 16) this.lines = this.lines.slice(-this.capacity);
    this.cached = null;
  }

  /** Puts older lines in front of everything held; what does not fit (the oldest) is dropped. */
  prepend(older: readonly LogLine[]): void {
    if (older.length === 0) return;
    this.lines = [...older, ...this.lines];
    this.cached = null;
  }

  toArray(): readonly LogLine[] {
    if (this.cached === null) {
      const start = Math.max(0, this.lines.length - this.capacity);
      this.lines = start > 0 ? this.lines.slice(start) : this.lines;
      this.cached = Object.freeze(this.lines.slice());
    }
    return this.cached;
  }
}

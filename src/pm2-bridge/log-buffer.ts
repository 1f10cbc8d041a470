// A bounded buffer of log lines for one service: the newest `capacity` lines, oldest dropped first, and a count of
// the memory they hold (the store keeps all buffers under one byte budget). Lines read back from the files
// (history) go in front of the live ones. toArray() returns the same array until the buffer changes.
import type { LogLine } from './types.js';

/** What a line costs in memory, roughly: its text as UTF-16 (V8's worst case) plus the object around it. */
export function lineCost(line: LogLine): number {
  return line.text.length * 2 + 80;
}

export class LogBuffer {
  private lines: LogLine[] = [];
  private cached: readonly LogLine[] | null = null;
  private cost = 0;

  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new Error('LogBuffer capacity must be positive');
  }

  get size(): number {
    return this.lines.length;
  }

  /** The memory held by the lines, by lineCost(). */
  get bytes(): number {
    return this.cost;
  }

  push(line: LogLine): void {
    this.lines.push(line);
    this.cost += lineCost(line);
    // Trim in batches so a flood costs amortised O(1) per line instead of a shift per line.
    if (this.lines.length >= this.capacity * 1.25 + 16) this.keep(this.lines.slice(-this.capacity));
    this.cached = null;
  }

  /** Replaces the line with `seq` (a partial line that grew); false when it is no longer held. */
  replace(seq: number, line: LogLine): boolean {
    for (let i = this.lines.length - 1; i >= 0 && i >= this.lines.length - 64; i -= 1) {
      const old = this.lines[i]!;
      if (old.seq !== seq) continue;
      this.lines[i] = line;
      this.cost += lineCost(line) - lineCost(old);
      this.cached = null;
      return true;
    }
    return false;
  }

  /** Puts older lines in front of everything held; what does not fit (the oldest) is dropped. */
  prepend(older: readonly LogLine[]): void {
    if (older.length === 0) return;
    this.keep([...older, ...this.lines]);
    this.cached = null;
  }

  /** Drops the lines read back from the files (to read them again to another depth); live lines stay. */
  dropHistory(): void {
    if (!this.lines.some((line) => line.history)) return;
    this.keep(this.lines.filter((line) => !line.history));
    this.cached = null;
  }

  /** Drops the oldest lines until at most `bytes` are held (at least the newest line stays). */
  shrinkTo(bytes: number): void {
    if (this.cost <= bytes || this.lines.length <= 1) return;
    let drop = 0;
    let cost = this.cost;
    while (drop < this.lines.length - 1 && cost > bytes) cost -= lineCost(this.lines[drop++]!);
    this.lines = this.lines.slice(drop);
    this.cost = cost;
    this.cached = null;
  }

  toArray(): readonly LogLine[] {
    if (this.cached === null) {
      if (this.lines.length > this.capacity) this.keep(this.lines.slice(-this.capacity));
      this.cached = Object.freeze(this.lines.slice());
    }
    return this.cached;
  }

  private keep(lines: LogLine[]): void {
    const kept = lines.length > this.capacity ? lines.slice(-this.capacity) : lines;
    this.lines = kept;
    this.cost = kept.reduce((sum, line) => sum + lineCost(line), 0);
  }
}

/**
 * Splits a byte stream into lines (NDJSON: one record a line). A line longer than `maxLineBytes` is dropped whole
 * (counted in `dropped`) rather than held without bound; the lines after it are read as usual.
 */
export class NdjsonLines {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;
  dropped = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The whole lines completed by `chunk`, as text. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (!this.skipping && this.pendingBytes + piece.length <= this.maxLineBytes) {
        lines.push(this.pending.length === 0 ? piece.toString('utf8') : Buffer.concat([...this.pending, piece]).toString('utf8'));
      } else {
        this.dropped += 1;
      }
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !this.skipping) {
      if (this.pendingBytes + rest.length > this.maxLineBytes) {
        this.skipping = true;
        this.pending = [];
        this.pendingBytes = 0;
      } else {
        this.pending.push(Buffer.from(rest));
        this.pendingBytes += rest.length;
      }
    }
    return lines;
  }
}

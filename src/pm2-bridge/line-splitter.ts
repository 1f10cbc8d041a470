// Turns raw log chunks (pm2 bus `data`: one or more lines, maybe a partial one) into whole lines, per source.
// A partial line waits for the rest; the owner flushes it with takeDangling() after a short delay.

export class LineSplitter {
  private readonly partial = new Map<string, string>();

  /** Whole lines completed by `chunk` (without their newline); keeps what follows the last newline. */
  push(source: string, chunk: string): string[] {
    const pending = this.partial.get(source) ?? '';
    const text = pending + chunk;
    const parts = text.split('\n');
    const rest = parts.pop() ?? '';
    if (rest === '') this.partial.delete(source);
    else this.partial.set(source, rest);
    return parts.map(stripCarriageReturn);
  }

  hasDangling(source: string): boolean {
    return this.partial.has(source);
  }

  /** The partial line of `source`, removed; null when there is none. */
  takeDangling(source: string): string | null {
    const rest = this.partial.get(source);
    if (rest === undefined) return null;
    this.partial.delete(source);
    return stripCarriageReturn(rest);
  }

  forget(prefix: string): void {
    for (const key of [...this.partial.keys()]) if (key.startsWith(prefix)) this.partial.delete(key);
  }

  clear(): void {
    this.partial.clear();
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

// Turns raw log chunks (pm2 bus `data`: one or more lines, maybe a partial one) into whole lines, per source.
// Every line is bounded: what passes maxLineBytes is dropped here and counted (the whole line stays in the log
// file), so one huge line costs the monitor no more than a short one; a partial line waiting for its end is bounded
// the same way. A carriage return starts the line over (a progress bar's last state is what remains).
// A partial line waits for the rest; the owner shows it with takeDangling() after a short delay, and when the rest
// arrives, the completed line comes back marked `replacesDangling` so the owner can update it in place.

export interface SplitLine {
  /** The line without its newline, cut to at most maxLineBytes bytes (UTF-8). */
  text: string;
  /** Bytes of the line that were dropped (0 when it was whole). */
  cutBytes: number;
  /** This is the rest of the line last returned by takeDangling() for the same source: the same line, grown. */
  replacesDangling: boolean;
}

interface Partial {
  text: string;
  bytes: number;
  cutBytes: number;
  /** A `\r` ended the last chunk: the next text starts the line over (unless it is the `\n` of a CRLF). */
  pendingReturn: boolean;
  /** Changed since takeDangling() last returned it. */
  dirty: boolean;
  /** takeDangling() returned this line once already. */
  shown: boolean;
}

/** `text` cut to at most `maxBytes` bytes of UTF-8, never inside a character; and how many bytes were dropped. */
export function cutToBytes(text: string, maxBytes: number): { text: string; cutBytes: number } {
  if (text.length * 3 <= maxBytes) return { text, cutBytes: 0 };
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return { text, cutBytes: 0 };
  const head = Buffer.from(text.slice(0, maxBytes));
  let end = Math.min(maxBytes, head.length);
  while (end > 0 && (head[end]! & 0xc0) === 0x80) end -= 1;
  // A fresh string: a slice of a huge chunk would keep the whole chunk alive in V8.
  return { text: head.subarray(0, end).toString('utf8'), cutBytes: bytes - end };
}

export class LineSplitter {
  private readonly partial = new Map<string, Partial>();

  constructor(readonly maxLineBytes = 8 * 1024) {
    if (!(maxLineBytes > 0)) throw new Error('LineSplitter maxLineBytes must be positive');
  }

  /** Whole lines completed by `chunk`; keeps what follows the last newline (bounded). */
  push(source: string, chunk: string): SplitLine[] {
    const lines: SplitLine[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      const end = newline === -1 ? chunk.length : newline;
      // The common case, a whole short line with nothing pending: no bookkeeping at all.
      if (newline !== -1 && !this.partial.has(source)) {
        const piece = chunk.slice(start, end);
        if (piece.length * 3 <= this.maxLineBytes && !piece.includes('\r')) {
          lines.push({ text: piece, cutBytes: 0, replacesDangling: false });
          start = newline + 1;
          continue;
        }
      }
      if (end > start || newline === -1) this.append(source, chunk, start, end);
      if (newline === -1) break;
      lines.push(this.finish(source));
      start = newline + 1;
    }
    const rest = this.partial.get(source);
    if (rest && rest.text === '' && rest.cutBytes === 0 && !rest.pendingReturn && !rest.shown) this.partial.delete(source);
    return lines;
  }

  hasDangling(source: string): boolean {
    return this.partial.get(source)?.dirty === true;
  }

  /** The partial line of `source` as it stands (it stays, to be completed); null when nothing new is waiting. */
  takeDangling(source: string): SplitLine | null {
    const rest = this.partial.get(source);
    if (!rest?.dirty) return null;
    const line = { text: rest.text, cutBytes: rest.cutBytes, replacesDangling: rest.shown };
    rest.dirty = false;
    rest.shown = true;
    return line;
  }

  forget(prefix: string): void {
    for (const key of [...this.partial.keys()]) if (key.startsWith(prefix)) this.partial.delete(key);
  }

  clear(): void {
    this.partial.clear();
  }

  /** Adds chunk[start, end) (no newline in it) to the partial line of `source`. */
  private append(source: string, chunk: string, start: number, end: number): void {
    let rest = this.partial.get(source);
    if (!rest) {
      rest = { text: '', bytes: 0, cutBytes: 0, pendingReturn: false, dirty: false, shown: false };
      this.partial.set(source, rest);
    }
    let piece = chunk.slice(start, end);
    const lastReturn = piece.lastIndexOf('\r');
    if (lastReturn !== -1) {
      if (lastReturn === piece.length - 1) {
        // Maybe a CRLF: decided by what comes next. What came before the `\r` is the state so far.
        const before = piece.slice(0, -1);
        const inner = before.lastIndexOf('\r');
        if (inner !== -1) this.restart(rest);
        this.add(rest, inner === -1 ? before : before.slice(inner + 1));
        rest.pendingReturn = true;
        rest.dirty = true;
        return;
      }
      this.restart(rest);
      piece = piece.slice(lastReturn + 1);
    } else if (rest.pendingReturn && piece !== '') {
      this.restart(rest);
    }
    rest.pendingReturn = false;
    this.add(rest, piece);
    rest.dirty = true;
  }

  private restart(rest: Partial): void {
    rest.text = '';
    rest.bytes = 0;
    rest.cutBytes = 0;
    rest.pendingReturn = false;
  }

  private add(rest: Partial, piece: string): void {
    if (piece === '') return;
    const room = this.maxLineBytes - rest.bytes;
    if (room <= 0) {
      rest.cutBytes += Buffer.byteLength(piece);
      return;
    }
    const { text, cutBytes } = cutToBytes(piece, room);
    rest.text += text;
    rest.bytes += Buffer.byteLength(text);
    rest.cutBytes += cutBytes;
  }

  private finish(source: string): SplitLine {
    const rest = this.partial.get(source);
    this.partial.delete(source);
    if (!rest) return { text: '', cutBytes: 0, replacesDangling: false };
    return { text: rest.text, cutBytes: rest.cutBytes, replacesDangling: rest.shown };
  }
}

// Log history: the last lines of a service's out and err files, read from the end (bounded bytes, never the whole
// file), with pm2's date prefix parsed into `at`, merged by time.
import { open, stat } from 'node:fs/promises';
import { cutToBytes } from './line-splitter.js';

export interface HistoryEntry {
  at: number;
  stream: 'out' | 'err';
  text: string;
  /** Bytes cut off the line (readHistory's maxLineBytes), 0 when whole. */
  cutBytes?: number;
}

// pm2 writes `${dayjs().format(log_date_format)}: ${line}`; `--time` uses 'YYYY-MM-DDTHH:mm:ss', the guide's
// ecosystem 'YYYY-MM-DD HH:mm:ss'. Milliseconds and a zone (Z, +09:00, +0900) are accepted too.
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)( ?(?:Z|[+-]\d{2}:?\d{2}))?: /;

/** Splits a pm2 date prefix off a line: `at` in epoch ms (local time when the prefix has no zone), or null. */
export function parseLogDate(line: string): { at: number | null; text: string } {
  const match = DATE_PREFIX.exec(line);
  if (!match) return { at: null, text: line };
  let zone = (match[3] ?? '').trim();
  if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const at = Date.parse(`${match[1]}T${match[2]}${zone}`);
  if (Number.isNaN(at)) return { at: null, text: line };
  return { at, text: line.slice(match[0].length) };
}

export interface TailOptions {
  maxLines: number;
  /** Bound on the bytes read, whatever the line count. */
  maxBytes: number;
}

export interface TailLine {
  text: string;
  /** Byte offset of the line's start in the file. */
  offset: number;
}

/**
 * The last whole lines of a file (a final line without its newline is still being written: left out), with their
 * byte offsets; no lines when the file is missing or unreadable.
 */
export async function readTailLines(path: string, options: TailOptions): Promise<{ lines: TailLine[]; mtimeMs: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return { lines: [], mtimeMs: 0 };
  }
  try {
    const info = await handle.stat();
    const end = info.size;
    const start = Math.max(0, end - options.maxBytes);
    if (end === start) return { lines: [], mtimeMs: info.mtimeMs };
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    const lines: TailLine[] = [];
    let lineStart = 0;
    const data = buffer.subarray(0, bytesRead);
    for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, lineStart)) {
      let text = data.subarray(lineStart, i).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      // As on the bus (line-splitter.ts): a carriage return starts the line over, so a line reads the same whether it
      // came live or from the file.
      const lastReturn = text.lastIndexOf('\r');
      if (lastReturn !== -1) text = text.slice(lastReturn + 1);
      lines.push({ text, offset: start + lineStart });
      lineStart = i + 1;
    }
    // A read that starts mid-file starts mid-line: that first piece is not a whole line.
    if (start > 0) lines.shift();
    return { lines: lines.slice(-options.maxLines), mtimeMs: info.mtimeMs };
  } catch {
    return { lines: [], mtimeMs: 0 };
  } finally {
    await handle.close();
  }
}

/**
 * How many of a file's tail lines come before the lines already received live. pm2 writes each chunk to the file
 * and to the bus; neither is in step with the other, so the byte estimate (file size minus bytes seen on the bus)
 * is only near the boundary. Where the first live lines appear in the file, the one nearest the estimate wins;
 * with no match, every whole line before the estimate is history.
 */
export function countBeforeLive(lines: readonly TailLine[], liveTexts: readonly string[], estimate: number): number {
  const window = Math.min(3, liveTexts.length);
  let best = -1;
  if (window > 0) {
    for (let i = 0; i < lines.length; i += 1) {
      let matches = true;
      for (let j = 0; j < window && i + j < lines.length; j += 1) {
        if (lines[i + j]!.text !== liveTexts[j]) {
          matches = false;
          break;
        }
      }
      if (matches && (best === -1 || Math.abs(lines[i]!.offset - estimate) <= Math.abs(lines[best]!.offset - estimate))) best = i;
    }
  }
  if (best !== -1) return best;
  const after = lines.findIndex((line) => line.offset >= estimate);
  return after === -1 ? lines.length : after;
}

/**
 * Dates the lines of one file: a line without a prefix (a stack trace's continuation) takes the time of the line
 * before it; lines before any dated one take the first date seen, or `fallbackAt` when the file has none.
 */
export function dateLines(lines: readonly string[], stream: 'out' | 'err', fallbackAt: number): HistoryEntry[] {
  const parsed = lines.map(parseLogDate);
  let last = parsed.find((p) => p.at !== null)?.at ?? fallbackAt;
  return parsed.map((p) => {
    if (p.at !== null) last = p.at;
    return { at: last, stream, text: p.text };
  });
}

/** Merges two lists each in file order by time; on equal times out comes first. Keeps each file's own order. */
export function mergeByTime(out: readonly HistoryEntry[], err: readonly HistoryEntry[]): HistoryEntry[] {
  const merged: HistoryEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < out.length || j < err.length) {
    const a = out[i];
    const b = err[j];
    if (a && (!b || a.at <= b.at)) {
      merged.push(a);
      i += 1;
    } else if (b) {
      merged.push(b);
      j += 1;
    }
  }
  return merged;
}

export interface HistorySource {
  path: string | null;
  /** Where the live stream began in this file (file size minus bytes seen on the bus), see countBeforeLive. */
  liveStartEstimate: number;
  /** The first live lines of this stream, date prefix removed. */
  liveTexts: readonly string[];
}

/**
 * The last `maxLines` lines of a service's two log files before its live lines (since `sinceMs` when given),
 * merged by time. Each line is cut to `maxLineBytes` (as live lines are), then `clean` is applied to its text
 * (after the date prefix is split off) before it is compared with the live lines and returned.
 */
export async function readHistory(
  out: HistorySource,
  err: HistorySource,
  maxLines: number,
  clean: (text: string) => string = (text) => text,
  maxBytes = 256 * 1024,
  maxLineBytes = Number.POSITIVE_INFINITY,
  /** Only the lines dated at or after this time (epoch ms); undated lines take the date before them (dateLines). */
  sinceMs?: number,
): Promise<HistoryEntry[]> {
  const cut = (text: string) => (Number.isFinite(maxLineBytes) ? cutToBytes(text, maxLineBytes) : { text, cutBytes: 0 });
  const read = async (source: HistorySource): Promise<{ lines: string[]; mtimeMs: number }> => {
    if (!source.path || source.path === '/dev/null') return { lines: [], mtimeMs: 0 };
    const tail = await readTailLines(source.path, { maxLines: maxLines + 1000, maxBytes });
    const parsed = tail.lines.map((line) => ({ text: clean(parseLogDate(cut(line.text).text).text), offset: line.offset }));
    const keep = countBeforeLive(parsed, source.liveTexts, source.liveStartEstimate);
    return { lines: tail.lines.slice(0, keep).slice(-maxLines).map((l) => l.text), mtimeMs: tail.mtimeMs };
  };
  const sameFile = out.path !== null && out.path === err.path;
  const [outTail, errTail] = await Promise.all([read(out), sameFile ? Promise.resolve({ lines: [], mtimeMs: 0 }) : read(err)]);
  const outLines = dateLines(outTail.lines, 'out', outTail.mtimeMs || Date.now());
  const errLines = dateLines(errTail.lines, 'err', errTail.mtimeMs || Date.now());
  return mergeByTime(outLines, errLines)
    .filter((entry) => sinceMs === undefined || entry.at >= sinceMs)
    .slice(-maxLines)
    .map((entry) => {
      const { text, cutBytes } = cut(entry.text);
      return { ...entry, text: clean(text), cutBytes };
    });
}

/** The size of a file, 0 when missing. */
export async function fileSize(path: string | null): Promise<number> {
  if (!path) return 0;
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

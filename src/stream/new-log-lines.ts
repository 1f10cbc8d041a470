import type { LogLine } from '../pm2-bridge/types.js';

/** How many of a buffer's newest lines are compared by identity to find a partial line that grew in place. */
const REPLACED_WINDOW = 16;

/**
 * The lines of `next` that a reader of `previous` has not seen: lines newer than its newest, older than its oldest
 * (history put in front), and near the end a line whose seq it has but whose object changed (a partial line that
 * grew). Buffers only grow at both ends and replace near the end, so this is all that can differ.
 */
export function newLogLines(previous: readonly LogLine[] | undefined, next: readonly LogLine[]): LogLine[] {
  if (previous === next) return [];
  if (previous === undefined || previous.length === 0) return [...next];
  const oldest = previous[0]!.seq;
  const newest = previous[previous.length - 1]!.seq;
  const seen = new Map<number, LogLine>();
  for (let i = Math.max(0, previous.length - REPLACED_WINDOW); i < previous.length; i += 1) seen.set(previous[i]!.seq, previous[i]!);
  const out: LogLine[] = [];
  for (let i = 0; i < next.length; i += 1) {
    const line = next[i]!;
    if (line.seq < oldest || line.seq > newest) out.push(line);
    else if (i >= next.length - REPLACED_WINDOW && seen.has(line.seq) && seen.get(line.seq) !== line) out.push(line);
  }
  return out;
}

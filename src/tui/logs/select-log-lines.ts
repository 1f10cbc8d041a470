import type { LogLine } from '../../pm2-bridge/types.js';
import type { SourcedLine } from './log-view.js';

/** The merged view holds at most this many lines (the newest), whatever the services' buffers hold together. */
export const MERGED_LINES_MAX = 5000;

export interface LogSource {
  /** As the table shows it (`api#1`), drawn before each of its lines. */
  source: string;
  lines: readonly LogLine[];
}

/**
 * All `sources` in one list in arrival order (seq is global across services), each line naming its service, like
 * `pm2 logs`. Only the newest `max` are kept: a merge of many long buffers stays bounded.
 */
export function mergeLogs(sources: readonly LogSource[], max = MERGED_LINES_MAX): SourcedLine[] {
  const cursors = sources.map((s) => Math.max(0, s.lines.length - max));
  const merged: SourcedLine[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < sources.length; i++) {
      const line = sources[i]!.lines[cursors[i]!];
      if (line !== undefined && (best === -1 || line.seq < sources[best]!.lines[cursors[best]!]!.seq)) best = i;
    }
    if (best === -1) break;
    const source = sources[best]!;
    merged.push({ ...source.lines[cursors[best]!]!, source: source.source });
    cursors[best]!++;
  }
  return merged.length > max ? merged.slice(-max) : merged;
}

/** Only the stderr lines. */
export function stderrLines<T extends LogLine>(lines: readonly T[]): T[] {
  return lines.filter((line) => line.stream === 'err');
}

/**
 * The match to land on from `cursorSeq`: `older` goes up the buffer (n), else down (N); from no cursor, the newest
 * match. Wraps around at either end. null when nothing matches.
 */
export function stepMatch(matches: readonly number[], cursorSeq: number | null, older: boolean): number | null {
  if (matches.length === 0) return null;
  if (cursorSeq === null) return matches[matches.length - 1]!;
  if (older) {
    const before = matches.findLast((seq) => seq < cursorSeq);
    return before ?? matches[matches.length - 1]!;
  }
  const after = matches.find((seq) => seq > cursorSeq);
  return after ?? matches[0]!;
}

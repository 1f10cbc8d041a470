// How far back the log pane reads its services' files (the `H` key steps through these): the last N lines (at most
// the 2000 a service's buffer keeps), or the lines written since an hour ago or since midnight.
import type { HistoryDepth } from '../../pm2-bridge/types.js';

export type HistoryChoice = { lines: number } | { since: 'hour' | 'today' };

export const HISTORY_CHOICES: readonly HistoryChoice[] = [{ lines: 200 }, { lines: 1000 }, { lines: 2000 }, { since: 'hour' }, { since: 'today' }];

/** The choice after `index` (null: none chosen yet, the --history-lines default), round. */
export function nextHistoryChoice(index: number | null): number {
  return index === null ? 0 : (index + 1) % HISTORY_CHOICES.length;
}

/** The bridge's depth for a choice, times taken from `now` (epoch ms, local midnight for today). */
export function historyDepthOf(choice: HistoryChoice, now: number): HistoryDepth {
  if ('lines' in choice) return { lines: choice.lines };
  if (choice.since === 'hour') return { sinceMs: now - 60 * 60 * 1000 };
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return { sinceMs: midnight.getTime() };
}

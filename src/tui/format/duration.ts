/**
 * A duration, short and coarse like pm2: `7s`, `40s`, `12m`, `3h`, `2D`; one figure of each unit, so seconds count
 * one by one below 10 s and by tens up to a minute, as minutes count by ones (`1m` is 60-119 s): an app up 45 s
 * reads `40s` and its cell does not change every second while the monitor idles. Negative or unknown: `-`.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '-';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 10) return `${seconds}s`;
  if (seconds < 60) return `${Math.floor(seconds / 10) * 10}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}D`;
}

const DURATION_STEPS = [
  { below: 10_000, step: 1000 },
  { below: 60_000, step: 10_000 },
  { below: 3_600_000, step: 60_000 },
  { below: 86_400_000, step: 3_600_000 },
  { below: Infinity, step: 86_400_000 },
];

/**
 * The first instant after `at` at which formatDuration(t - since) reads differently from formatDuration(at -
 * since): the next whole second (ten seconds from 10 s), minute, hour or day of the duration, or `since` itself
 * while it is in the future.
 */
export function nextDurationChange(since: number, at: number): number {
  const elapsed = at - since;
  if (elapsed < 0) return since;
  const { step } = DURATION_STEPS.find((s) => elapsed < s.below)!;
  return since + (Math.floor(elapsed / step) + 1) * step;
}

/** A duration, short and coarse like pm2: `45s`, `12m`, `3h`, `2D`. Negative or unknown durations show `-`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '-';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}D`;
}

const DURATION_STEPS = [
  { below: 60_000, step: 1000 },
  { below: 3_600_000, step: 60_000 },
  { below: 86_400_000, step: 3_600_000 },
  { below: Infinity, step: 86_400_000 },
];

/**
 * The first instant after `at` at which formatDuration(t - since) reads differently from formatDuration(at -
 * since): the next whole second, minute, hour or day of the duration, or `since` itself while it is in the future.
 */
export function nextDurationChange(since: number, at: number): number {
  const elapsed = at - since;
  if (elapsed < 0) return since;
  const { step } = DURATION_STEPS.find((s) => elapsed < s.below)!;
  return since + (Math.floor(elapsed / step) + 1) * step;
}

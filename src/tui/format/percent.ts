/** A percentage with one decimal below 10 and none above: `0.4%`, `12%`, `130%` (pm2 counts per core). */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '-';
  return value < 10 ? `${value.toFixed(1)}%` : `${Math.round(value)}%`;
}

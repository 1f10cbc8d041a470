/**
 * A PM2 metric's value as the detail pane shows it: a number with decimals to what a person reads at a glance (one
 * decimal below 10, none above: `82 %`, `5.9 MiB`, `0.0 ms`), so a value that wobbles in its second decimal does
 * not redraw the pane every second. Whole numbers (`2` handles) and text that is not a plain number stay as they are.
 */
export function formatMetricValue(value: string): string {
  const text = value.trim();
  if (!/^-?\d+\.\d+$/.test(text)) return value;
  const n = Number(text);
  if (Math.abs(n) >= 10) return String(Math.round(n));
  const rounded = n.toFixed(1);
  return rounded === '-0.0' ? '0.0' : rounded;
}

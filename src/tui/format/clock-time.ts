/** Local wall-clock time `HH:MM:SS`, as log lines and "last loaded" show it. */
export function formatClockTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

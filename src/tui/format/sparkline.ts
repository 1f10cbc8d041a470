// Sparklines and small charts from history points: pure text, one cell per column.
// Unicode uses the eighth blocks ▁…█ (U+2581–2588); --ascii uses an 8-step ASCII ramp.
import type { HistoryPoint } from '../../pm2-bridge/types.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const ASCII_RAMP = ['_', '.', ',', '-', '~', '=', '*', '#'] as const;

/**
 * Points resampled to `columns` bins of `binMs` each, the last bin ending at `end`: each bin holds the largest
 * value in it (a peak stays visible), null when no point fell in it. Downsampled points count with their max.
 */
export function binPoints(points: readonly HistoryPoint[], columns: number, binMs: number, end: number): (number | null)[] {
  const bins: (number | null)[] = Array.from({ length: Math.max(0, columns) }, () => null);
  const start = end - columns * binMs;
  for (const p of points) {
    if (p.at < start || p.at >= end) continue;
    const i = Math.min(columns - 1, Math.floor((p.at - start) / binMs));
    const v = p.max ?? p.value;
    bins[i] = bins[i] === null ? v : Math.max(bins[i]!, v);
  }
  return bins;
}

/** The scale a chart uses: from 0 (CPU and memory are never below) to the largest value, at least `floor`. */
export function chartScale(values: readonly (number | null)[], floor = 0): { lo: number; hi: number } {
  let hi = floor;
  let lo = 0;
  for (const v of values) {
    if (v === null) continue;
    hi = Math.max(hi, v);
    lo = Math.min(lo, v);
  }
  return { lo, hi };
}

/** The level 0…7 of `value` on the scale (0 when the scale is flat). */
export function level(value: number, scale: { lo: number; hi: number }): number {
  if (scale.hi <= scale.lo) return 0;
  return Math.max(0, Math.min(7, Math.round(((value - scale.lo) / (scale.hi - scale.lo)) * 7)));
}

/** One row: a cell per bin, blank where a bin is empty. */
export function sparkline(bins: readonly (number | null)[], scale: { lo: number; hi: number }, ascii: boolean): string {
  const ramp = ascii ? ASCII_RAMP : BLOCKS;
  return bins.map((v) => (v === null ? ' ' : ramp[level(v, scale)])).join('');
}

/**
 * A chart `rows` tall, top row first: each column filled up to its value in eighths of a row (unicode), or in
 * whole and half rows (ASCII: '#' and '.').
 */
export function barChart(bins: readonly (number | null)[], scale: { lo: number; hi: number }, rows: number, ascii: boolean): string[] {
  const eighths = bins.map((v) => {
    if (v === null || scale.hi <= scale.lo) return v === null ? -1 : 0;
    return Math.round(((v - scale.lo) / (scale.hi - scale.lo)) * rows * 8);
  });
  const lines: string[] = [];
  for (let r = rows - 1; r >= 0; r--) {
    let line = '';
    for (const e of eighths) {
      const part = Math.max(0, Math.min(8, e - r * 8));
      if (e < 0) line += ' ';
      else if (part === 0) line += r === 0 ? (ascii ? '_' : BLOCKS[0]) : ' ';
      else if (ascii) line += part === 8 ? '#' : part >= 4 ? ':' : '.';
      else line += BLOCKS[part - 1];
    }
    lines.push(line);
  }
  return lines;
}

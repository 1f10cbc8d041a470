import type { Tone } from '../format/tone.js';
import { wrapCells } from '../format/wrap-cells.js';
import type { DetailLine } from './detail-lines.js';

export interface DetailRow {
  text: string;
  tone: Tone | null;
}

/** The detail lines as screen rows `width` cells wide: long texts (a fix, a path) wrap under themselves, never cut. */
export function detailRows(lines: readonly DetailLine[], width: number): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const line of lines) {
    const text = line.label === null ? `  ${line.text}` : `${line.label}: ${line.text}`;
    const indent = ' '.repeat(Math.min(text.length - text.trimStart().length + 2, 8));
    for (const row of wrapCells(text, width, indent)) rows.push({ text: row, tone: line.tone });
  }
  return rows;
}

import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../src/pm2-bridge/types.js';
import { newLogLines } from '../../src/stream/new-log-lines.js';

const line = (seq: number, text = `line ${seq}`, history = seq < 0): LogLine => ({ seq, at: 1, stream: 'out', text, history });

describe('newLogLines', () => {
  it('gives every line of a buffer seen for the first time', () => {
    const next = [line(1), line(2)];
    expect(newLogLines(undefined, next)).toEqual(next);
  });
  it('gives nothing for the same buffer', () => {
    const same = [line(1)];
    expect(newLogLines(same, same)).toEqual([]);
  });
  it('gives lines added at the end, history put in front, and a partial line that grew', () => {
    const a = line(1);
    const b = line(2, 'half');
    const previous = [a, b];
    const grown = line(2, 'half and the rest');
    const next = [line(-2), line(-1), a, grown, line(3)];
    expect(newLogLines(previous, next).map((l) => [l.seq, l.text])).toEqual([
      [-2, 'line -2'],
      [-1, 'line -1'],
      [2, 'half and the rest'],
      [3, 'line 3'],
    ]);
  });
  it('gives nothing for lines trimmed off the front', () => {
    const lines = [line(1), line(2), line(3)];
    expect(newLogLines(lines, lines.slice(1))).toEqual([]);
  });
});

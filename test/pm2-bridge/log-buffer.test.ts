import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../src/pm2-bridge/log-buffer.js';
import type { LogLine } from '../../src/pm2-bridge/types.js';

const line = (seq: number, history = false): LogLine => ({ seq, at: seq, stream: 'out', text: `l${seq}`, history });

describe('LogBuffer', () => {
  it('keeps the newest lines up to its capacity', () => {
    const b = new LogBuffer(100);
    for (let i = 1; i <= 1000; i += 1) b.push(line(i));
    const lines = b.toArray();
    expect(lines).toHaveLength(100);
    expect(lines[0]!.seq).toBe(901);
    expect(lines.at(-1)!.seq).toBe(1000);
    expect(b.size).toBeLessThanOrEqual(100 * 1.25 + 16);
  });

  it('returns the same array until it changes, a new one after', () => {
    const b = new LogBuffer(10);
    b.push(line(1));
    const first = b.toArray();
    expect(b.toArray()).toBe(first);
    b.push(line(2));
    const second = b.toArray();
    expect(second).not.toBe(first);
    expect(first).toHaveLength(1);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('puts history before live lines and drops the oldest when full', () => {
    const b = new LogBuffer(5);
    b.push(line(10));
    b.push(line(11));
    b.prepend([line(-3, true), line(-2, true), line(-1, true)]);
    expect(b.toArray().map((l) => l.seq)).toEqual([-3, -2, -1, 10, 11]);
    b.prepend([line(-9, true)]);
    expect(b.toArray().map((l) => l.seq)).toEqual([-3, -2, -1, 10, 11]);
    b.push(line(12));
    expect(b.toArray().map((l) => l.seq)).toEqual([-2, -1, 10, 11, 12]);
  });
});

describe('LogBuffer bytes', () => {
  it('counts the memory its lines hold, and sheds the oldest to a byte bound', () => {
    const b = new LogBuffer(1000);
    for (let i = 1; i <= 100; i += 1) b.push({ ...line(i), text: 'x'.repeat(1000) });
    expect(b.bytes).toBe(100 * (2000 + 80));
    b.shrinkTo(10 * 2080);
    expect(b.size).toBe(10);
    expect(b.toArray()[0]!.seq).toBe(91);
    expect(b.bytes).toBe(10 * 2080);
  });

  it('replaces a line in place by seq (a partial line that grew)', () => {
    const b = new LogBuffer(10);
    b.push(line(1));
    b.push(line(2));
    expect(b.replace(2, { ...line(2), text: 'grown' })).toBe(true);
    expect(b.toArray().map((l) => l.text)).toEqual(['l1', 'grown']);
    expect(b.replace(99, line(99))).toBe(false);
  });
});

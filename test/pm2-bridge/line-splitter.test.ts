import { describe, expect, it } from 'vitest';
import { cutToBytes, LineSplitter } from '../../src/pm2-bridge/line-splitter.js';

const texts = (lines: { text: string }[]) => lines.map((line) => line.text);

describe('LineSplitter', () => {
  it('splits a chunk of several lines', () => {
    const s = new LineSplitter();
    expect(texts(s.push('0:out', 'a\nb\nc\n'))).toEqual(['a', 'b', 'c']);
    expect(s.hasDangling('0:out')).toBe(false);
  });

  it('joins a partial line with the rest from the next chunk, per source', () => {
    const s = new LineSplitter();
    expect(texts(s.push('0:out', 'one\ntw'))).toEqual(['one']);
    expect(texts(s.push('1:out', 'other\n'))).toEqual(['other']);
    expect(texts(s.push('0:err', 'err-part'))).toEqual([]);
    expect(texts(s.push('0:out', 'o\nthr'))).toEqual(['two']);
    expect(texts(s.push('0:out', 'ee\n'))).toEqual(['three']);
    expect(s.takeDangling('0:err')).toEqual({ text: 'err-part', cutBytes: 0, replacesDangling: false });
    expect(s.takeDangling('0:err')).toBeNull();
  });

  it('marks the rest of a partial line that was shown already, so it replaces it', () => {
    const s = new LineSplitter();
    s.push('0:out', 'start ');
    expect(s.takeDangling('0:out')?.text).toBe('start ');
    expect(s.push('0:out', 'and end\n')).toEqual([{ text: 'start and end', cutBytes: 0, replacesDangling: true }]);
    expect(s.push('0:out', 'next\n')).toEqual([{ text: 'next', cutBytes: 0, replacesDangling: false }]);
  });

  it('keeps empty lines and drops a CR before LF, also when the LF comes in the next chunk', () => {
    const s = new LineSplitter();
    expect(texts(s.push('x', 'a\r\n\r\nb\n'))).toEqual(['a', '', 'b']);
    expect(texts(s.push('x', 'c\r'))).toEqual([]);
    expect(texts(s.push('x', '\nd\n'))).toEqual(['c', 'd']);
  });

  it('keeps the last state of a line rewritten with \\r (a progress bar)', () => {
    const s = new LineSplitter();
    expect(texts(s.push('p', '10%\r20%\r30%\n'))).toEqual(['30%']);
    s.push('p', '\r40%');
    s.push('p', '\r50%\r');
    expect(s.takeDangling('p')?.text).toBe('50%');
    expect(s.push('p', '60% done\n')).toEqual([{ text: '60% done', cutBytes: 0, replacesDangling: true }]);
  });

  it('cuts a line at maxLineBytes and counts the rest, partial lines too', () => {
    const s = new LineSplitter(10);
    expect(s.push('0:out', `${'a'.repeat(25)}\nshort\n`)).toEqual([
      { text: 'a'.repeat(10), cutBytes: 15, replacesDangling: false },
      { text: 'short', cutBytes: 0, replacesDangling: false },
    ]);
    for (let i = 0; i < 100; i += 1) s.push('0:err', 'x'.repeat(1000));
    expect(s.takeDangling('0:err')).toEqual({ text: 'x'.repeat(10), cutBytes: 99_990, replacesDangling: false });
  });

  it('forgets the partial lines of one process', () => {
    const s = new LineSplitter();
    s.push('3:out', 'half');
    s.push('3:err', 'half');
    s.push('30:out', 'keep');
    s.forget('3:');
    expect(s.hasDangling('3:out')).toBe(false);
    expect(s.hasDangling('3:err')).toBe(false);
    expect(s.takeDangling('30:out')?.text).toBe('keep');
  });
});

describe('cutToBytes', () => {
  it('never cuts inside a character', () => {
    expect(cutToBytes('日本語', 7)).toEqual({ text: '日本', cutBytes: 3 });
    expect(cutToBytes('日本語', 9)).toEqual({ text: '日本語', cutBytes: 0 });
    expect(cutToBytes('abc', 2)).toEqual({ text: 'ab', cutBytes: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/pm2-bridge/line-splitter.js';

describe('LineSplitter', () => {
  it('splits a chunk of several lines', () => {
    const s = new LineSplitter();
    expect(s.push('0:out', 'a\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(s.hasDangling('0:out')).toBe(false);
  });

  it('joins a partial line with the rest from the next chunk, per source', () => {
    const s = new LineSplitter();
    expect(s.push('0:out', 'one\ntw')).toEqual(['one']);
    expect(s.push('1:out', 'other\n')).toEqual(['other']);
    expect(s.push('0:err', 'err-part')).toEqual([]);
    expect(s.push('0:out', 'o\nthr')).toEqual(['two']);
    expect(s.push('0:out', 'ee\n')).toEqual(['three']);
    expect(s.takeDangling('0:err')).toBe('err-part');
    expect(s.takeDangling('0:err')).toBeNull();
  });

  it('keeps empty lines and drops a CR before LF', () => {
    const s = new LineSplitter();
    expect(s.push('x', 'a\r\n\r\nb\n')).toEqual(['a', '', 'b']);
  });

  it('forgets the partial lines of one process', () => {
    const s = new LineSplitter();
    s.push('3:out', 'half');
    s.push('3:err', 'half');
    s.push('30:out', 'keep');
    s.forget('3:');
    expect(s.hasDangling('3:out')).toBe(false);
    expect(s.hasDangling('3:err')).toBe(false);
    expect(s.takeDangling('30:out')).toBe('keep');
  });
});

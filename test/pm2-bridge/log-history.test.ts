import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countBeforeLive, dateLines, mergeByTime, parseLogDate, readHistory, readTailLines } from '../../src/pm2-bridge/log-history.js';

const dir = mkdtempSync(join(tmpdir(), 'gakuco-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseLogDate', () => {
  it('reads pm2 date prefixes as local time, with or without a zone and milliseconds', () => {
    expect(parseLogDate('2026-01-02 03:04:05: hello')).toEqual({ at: new Date(2026, 0, 2, 3, 4, 5).getTime(), text: 'hello' });
    expect(parseLogDate('2026-01-02T03:04:05: hi: there')).toEqual({ at: new Date(2026, 0, 2, 3, 4, 5).getTime(), text: 'hi: there' });
    expect(parseLogDate('2026-01-02T03:04:05.250Z: x').at).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 250));
    expect(parseLogDate('2026-01-02 03:04:05 +09:00: x').at).toBe(Date.UTC(2026, 0, 1, 18, 4, 5));
    expect(parseLogDate('2026-01-02T03:04:05+0900: x').at).toBe(Date.UTC(2026, 0, 1, 18, 4, 5));
  });

  it('leaves lines without a prefix alone', () => {
    expect(parseLogDate('plain line')).toEqual({ at: null, text: 'plain line' });
    expect(parseLogDate('2026-01-02 was a day')).toEqual({ at: null, text: '2026-01-02 was a day' });
  });
});

describe('dating and merging', () => {
  it('gives undated lines the time of the line before', () => {
    const dated = dateLines(['2026-01-02 03:04:05: Error', '    at foo', '2026-01-02 03:04:06: next'], 'err', 0);
    expect(dated.map((d) => d.at - dated[0]!.at)).toEqual([0, 0, 1000]);
    expect(dated[1]!.text).toBe('    at foo');
    expect(dateLines(['a', 'b'], 'out', 42).map((d) => d.at)).toEqual([42, 42]);
  });

  it('merges out and err by time, keeping each file in order', () => {
    const out = [{ at: 1, stream: 'out' as const, text: 'o1' }, { at: 3, stream: 'out' as const, text: 'o3' }];
    const err = [{ at: 2, stream: 'err' as const, text: 'e2' }, { at: 3, stream: 'err' as const, text: 'e3' }];
    expect(mergeByTime(out, err).map((e) => e.text)).toEqual(['o1', 'e2', 'o3', 'e3']);
  });
});

describe('reading the tail of a file', () => {
  it('reads only the last bytes, never a partial first or last line', async () => {
    const file = join(dir, 'big.log');
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    writeFileSync(file, `${lines.join('\n')}\npartial`);
    const tail = await readTailLines(file, { maxLines: 10, maxBytes: 4096 });
    expect(tail.lines.map((l) => l.text)).toEqual(lines.slice(-10));
    const small = await readTailLines(file, { maxLines: 1000, maxBytes: 100 });
    expect(small.lines.length).toBeLessThan(15);
    expect(small.lines.every((l) => /^line \d+$/.test(l.text))).toBe(true);
    expect(await readTailLines(join(dir, 'missing.log'), { maxLines: 10, maxBytes: 100 })).toEqual({ lines: [], mtimeMs: 0 });
  });

  it('reads a line as the bus does: CRLF ends it, a carriage return inside starts it over', async () => {
    const file = join(dir, 'returns.log');
    writeFileSync(file, 'crlf line\r\nprogress 10%\rprogress 50%\rdone\nplain\n');
    expect((await readTailLines(file, { maxLines: 10, maxBytes: 4096 })).lines.map((l) => l.text)).toEqual(['crlf line', 'done', 'plain']);
    const { LineSplitter } = await import('../../src/pm2-bridge/line-splitter.js');
    expect(new LineSplitter().push('out', 'crlf line\r\nprogress 10%\rprogress 50%\rdone\nplain\n').map((l) => l.text)).toEqual(['crlf line', 'done', 'plain']);
  });

  it('cuts history where the live lines begin, preferring the match nearest the byte estimate', () => {
    const lines = ['a', 'b', 'x', 'y', 'c', 'x', 'y', 'z'].map((text, i) => ({ text, offset: i * 2 }));
    expect(countBeforeLive(lines, ['x', 'y', 'z'], 10)).toBe(5);
    expect(countBeforeLive(lines, ['x', 'y'], 4)).toBe(2);
    expect(countBeforeLive(lines, ['x', 'y'], 10)).toBe(5);
    expect(countBeforeLive(lines, ['nothing'], 7)).toBe(4); // no match: whole lines before the estimate
    expect(countBeforeLive(lines, [], 100)).toBe(8);
  });

  it('reads history from both files, merged and bounded, before the live lines', async () => {
    const out = join(dir, 'app-out.log');
    const err = join(dir, 'app-error.log');
    writeFileSync(out, '2026-01-02T03:04:01: o1\n2026-01-02T03:04:03: o3\n2026-01-02T03:04:05: live1\n2026-01-02T03:04:06: live2\n');
    writeFileSync(err, '2026-01-02T03:04:02: e2\n2026-01-02T03:04:04: e4\n');
    const history = await readHistory(
      { path: out, liveStartEstimate: 0, liveTexts: ['live1', 'live2'] },
      { path: err, liveStartEstimate: 1000, liveTexts: [] },
      3,
    );
    expect(history.map((h) => `${h.stream}:${h.text}`)).toEqual(['err:e2', 'out:o3', 'err:e4']);
  });
});

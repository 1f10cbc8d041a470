import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src/pm2-bridge/types.js';
import { logRowText, logViewRows, matchingSeqs, type LogViewOptions } from '../../../src/tui/logs/log-view.js';
import { mergeLogs, stderrLines, stepMatch } from '../../../src/tui/logs/select-log-lines.js';
import { logLines } from '../fixtures/log-lines.js';
import { plainLogView } from '../fixtures/log-view-options.js';

const base: LogViewOptions = plainLogView;
const texts = (lines: readonly LogLine[], options: Partial<LogViewOptions>, width = 40, height = 5) =>
  logViewRows(lines, { ...base, ...options }, width, height).rows.map(logRowText);

describe('logViewRows', () => {
  const lines = logLines(30);

  it('follows the newest lines, stderr marked `!` so it reads without colour', () => {
    expect(texts(lines, {})).toEqual(['  line 26', '  line 27', '  line 28', '  line 29', '! line 30']);
  });

  it('paused, keeps the anchor line at the bottom and counts what is newer', () => {
    const view = logViewRows(lines, { ...base, view: { follow: false, anchorSeq: 10 } }, 40, 3);
    expect(view.rows.map(logRowText)).toEqual(['  line 8', '  line 9', '! line 10']);
    expect(view.newerHidden).toBe(20);
    expect(view.bottomSeq).toBe(10);
  });

  it('shows the time once per second when timestamps are on, and no time column when off', () => {
    const sameSecond = logLines(3).map((line) => ({ ...line, at: 1_700_000_000_000 }));
    const rows = texts(sameSecond, { timestamps: true });
    expect(rows[0]).toMatch(/^\d\d:\d\d:\d\d {3}line 1$/);
    expect(rows[1]).toBe(`${' '.repeat(9)}  line 2`);
    expect(texts(sameSecond, { timestamps: false })[0]).toBe('  line 1');
  });

  it('cuts long lines at the edge, or wraps them over rows (the text column kept), bounded by the height', () => {
    const long = logLines(1, 1, () => 'alpha beta gamma delta epsilon zeta eta theta');
    expect(texts(long, {}, 20)).toEqual(['  alpha beta gamma …']);
    expect(texts(long, { wrap: true }, 20)).toEqual(['  alpha beta gamma', '  delta epsilon zeta', '  eta theta']);
    expect(texts(long, { wrap: true }, 20, 2)).toEqual(['  delta epsilon zeta', '  eta theta']);
  });

  it('marks matching lines `*` and the current one `>` (not by colour), with match segments to highlight', () => {
    const found = logLines(5, 1, (i) => (i % 2 === 1 ? `Error number ${i}` : `fine ${i}`));
    const view = logViewRows(found, { ...base, search: 'error', cursorSeq: 3 }, 40, 5);
    expect(view.rows.map(logRowText)).toEqual([' * Error number 1', '   fine 2', ' > Error number 3', '   fine 4', '!* Error number 5']);
    expect(view.rows[0]!.segments.filter((s) => s.kind === 'match').map((s) => s.text)).toEqual(['Error']);
    expect(matchingSeqs(found, 'error')).toEqual([1, 3, 5]);
  });

  it('names the service on each line of the merged view, in arrival order', () => {
    const api = logLines(3, 1).map((line) => ({ ...line, seq: line.seq * 2 }));
    const worker = logLines(3, 1).map((line) => ({ ...line, seq: line.seq * 2 + 1, text: `w${line.seq}` }));
    const merged = mergeLogs([
      { source: 'api', lines: api },
      { source: 'worker', lines: worker },
    ]);
    expect(merged.map((line) => `${line.source}:${line.seq}`)).toEqual(['api:2', 'worker:3', 'api:4', 'worker:5', 'api:6', 'worker:7']);
    expect(texts(merged, {}, 40, 2)).toEqual(['  api line 3', '  worker w3']);
    expect(mergeLogs([{ source: 'api', lines: logLines(50) }], 10)).toHaveLength(10);
  });

  it('stderr-only keeps the err lines; n/N step through matches and wrap around', () => {
    expect(stderrLines(lines).map((line) => line.seq)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(stepMatch([1, 3, 5], null, true)).toBe(5);
    expect(stepMatch([1, 3, 5], 5, true)).toBe(3);
    expect(stepMatch([1, 3, 5], 1, true)).toBe(5);
    expect(stepMatch([1, 3, 5], 3, false)).toBe(5);
    expect(stepMatch([1, 3, 5], 5, false)).toBe(1);
    expect(stepMatch([], 5, false)).toBeNull();
  });

  it('lays out only what shows: a 100,000-line buffer costs the window', () => {
    const many = logLines(100_000);
    const started = performance.now();
    for (let i = 0; i < 100; i++) logViewRows(many, { ...base, wrap: true, timestamps: true }, 120, 40);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

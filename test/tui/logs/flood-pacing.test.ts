import { describe, expect, it } from 'vitest';
import { initialFloodPacing, paceFlood, roundRate, type FloodPacingState, type FloodPacingStep } from '../../../src/tui/logs/flood-pacing.js';
import { logPaneRows } from '../../../src/tui/logs/log-pane-rows.js';
import { logRowText, type SourcedLine } from '../../../src/tui/logs/log-view.js';
import { plainLogView } from '../fixtures/log-view-options.js';

const line = (seq: number): SourcedLine => ({ seq, at: 1_700_000_000_000 + seq, stream: 'out', text: `line ${seq}`, history: false });

/** A buffer of `capacity` lines fed `rate` lines/s, stepped every `frameMs` as the layer is notified. */
function feed(rate: number, options: { rows?: number; capacity?: number; frameMs?: number; follow?: boolean } = {}) {
  const { rows = 10, capacity = 2000, frameMs = 250, follow = true } = options;
  let state: FloodPacingState = initialFloodPacing;
  let seq = 100;
  let lines: SourcedLine[] = Array.from({ length: 100 }, (_, i) => line(i + 1));
  let now = 0;
  let last: FloodPacingStep | null = null;
  return {
    step(ms = frameMs, lineRate = rate) {
      now += ms;
      const arrived = Math.round((lineRate * ms) / 1000);
      for (let i = 0; i < arrived; i++) lines.push(line(++seq));
      if (lines.length > capacity) lines = lines.slice(-capacity);
      last = paceFlood(state, { lines, now, rows, follow });
      state = last.state;
      return last;
    },
    get lines() {
      return lines;
    },
    get now() {
      return now;
    },
  };
}

describe('paceFlood', () => {
  it('keeps the contiguous tail while the lines of a frame fit in the pane', () => {
    const pane = feed(20); // 5 lines a frame, 10 rows
    for (let i = 0; i < 8; i++) expect(pane.step().view.kind).toBe('tail');
    expect(pane.step().recheckAt).toBeNull();
  });

  it('paces once a frame brings more lines than the pane has rows: a page, what was skipped, the newest line', () => {
    const pane = feed(1000);
    pane.step(); // the first step only sees what is there: nothing has arrived yet
    const step = pane.step();
    expect(step.view.kind).toBe('paced');
    if (step.view.kind !== 'paced') return;
    expect(step.view.newest.seq).toBe(pane.lines.at(-1)!.seq);
    expect(step.view.page.map((l) => l.seq)).toEqual(pane.lines.slice(-9, -1).map((l) => l.seq));
    expect(step.view.skipped).toBe(0);
    expect(step.view.rate).toBe(1000);
    expect(step.recheckAt).toBe(pane.now + 400);
    const page = step.view.page;
    const held = Array.from({ length: 6 }, () => pane.step().view);
    expect(held.map((view) => view.kind === 'paced' && view.page === page)).toEqual([true, true, true, true, true, false]); // 1500 ms for a short page
  });

  it('holds the page (100 ms a row, 1.5-3 s) while the newest line moves and the skipped count grows, then takes a new page', () => {
    const pane = feed(1000, { rows: 22 }); // a page of 20 rows: 2000 ms
    pane.step();
    const first = pane.step();
    if (first.view.kind !== 'paced') throw new Error('not paced');
    const page = first.view.page;
    for (let i = 1; i <= 7; i++) {
      const step = pane.step();
      if (step.view.kind !== 'paced') throw new Error('not paced');
      expect(step.view.page).toBe(page);
      expect(step.view.newest.seq).toBe(pane.lines.at(-1)!.seq);
      expect(step.view.skipped).toBe(250 * i);
    }
    const next = pane.step(); // 2000 ms after the page was taken
    if (next.view.kind !== 'paced') throw new Error('not paced');
    expect(next.view.page).not.toBe(page);
    expect(next.view.page.at(-1)!.seq).toBe(pane.lines.at(-2)!.seq);
    expect(next.view.skipped).toBe(0);
  });

  it('gives the tail back within the rate window once the flood stops, and asks to be stepped while it waits', () => {
    const pane = feed(1000);
    for (let i = 0; i < 8; i++) pane.step();
    const kinds: string[] = [];
    let step = pane.step(250, 0);
    while (step.view.kind === 'paced' && kinds.length < 10) {
      kinds.push(step.view.kind);
      expect(step.recheckAt).toBe(pane.now + 400);
      step = pane.step(250, 0);
    }
    expect(step.view.kind).toBe('tail');
    expect(kinds.length).toBeLessThanOrEqual(4); // at most the 1 s window
    expect(step.recheckAt).toBeNull();
  });

  it('does not pace while scrolled back or in a pane too small for a page, a skip row and the newest line', () => {
    const back = feed(1000, { follow: false });
    const tiny = feed(1000, { rows: 2 });
    for (let i = 0; i < 4; i++) {
      expect(back.step().view.kind).toBe('tail');
      expect(tiny.step().view.kind).toBe('tail');
    }
  });

  it('counts the lines of a frame larger than the buffer from the seq gap', () => {
    const pane = feed(10_000, { capacity: 2000 }); // 2500 lines a frame
    pane.step();
    pane.step();
    const step = pane.step();
    if (step.view.kind !== 'paced') throw new Error('not paced');
    expect(step.view.rate).toBe(10_000);
    expect(step.view.skipped).toBe(2500);
  });

  it('keeps the rate it shows while the measure stays within 10 %, so the skip row does not flicker', () => {
    const pane = feed(1000);
    pane.step();
    const rates = [1000, 960, 1040, 1000, 1090, 1300, 1250].map((rate) => {
      const step = pane.step(250, rate);
      return step.view.kind === 'paced' ? step.view.rate : null;
    });
    expect(rates.slice(0, 5)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(rates.at(-1)).toBeGreaterThan(1000);
  });

  it('measures a rate that changes over the window', () => {
    const pane = feed(400, { rows: 20 }); // 100 lines a frame over 20 rows: paced
    pane.step();
    for (let i = 0; i < 6; i++) expect(pane.step().view.kind).toBe('paced');
    // 40 lines/s: 10 a frame, within 20 rows; the tail once the window holds only the slow frames.
    const after = Array.from({ length: 6 }, () => pane.step(250, 40).view.kind);
    expect(after.at(-1)).toBe('tail');
  });
});

describe('roundRate', () => {
  it('keeps two significant digits so the skip row changes little between frames', () => {
    expect([0.4, 7, 12.4, 987, 1004, 12_345].map(roundRate)).toEqual([0, 7, 12, 990, 1000, 12_000]);
  });
});

describe('logPaneRows', () => {
  const options = plainLogView;
  const label = (skipped: number, rate: number) => `… ${skipped.toLocaleString('en-US')} lines skipped (${rate.toLocaleString('en-US')} lines/s) …`;
  const lines = Array.from({ length: 50 }, (_, i) => line(i + 1));

  it('draws the tail as the log view model does', () => {
    expect(logPaneRows(lines, { kind: 'tail' }, options, 40, 3, label).map(logRowText)).toEqual(['  line 48', '  line 49', '  line 50']);
  });

  it('draws the held page, the skip row and the newest line last, each cut to the width', () => {
    const paced = { kind: 'paced', page: lines.slice(10, 20), newest: lines.at(-1)!, skipped: 1412, rate: 1000 } as const;
    expect(logPaneRows(lines, paced, options, 40, 5, label).map(logRowText)).toEqual([
      '  line 18',
      '  line 19',
      '  line 20',
      '… 1,412 lines skipped (1,000 lines/s) …',
      '  line 50',
    ]);
    expect(logPaneRows(lines, paced, options, 12, 5, label).map(logRowText)[3]).toBe('… 1,412 lin…');
    const long = { ...paced, newest: { ...lines.at(-1)!, text: 'x'.repeat(80) } };
    expect(logPaneRows(lines, long, { ...options, wrap: true }, 20, 5, label).map(logRowText).at(-1)).toBe(`  ${'x'.repeat(17)}…`);
  });
});

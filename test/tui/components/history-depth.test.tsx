// The log pane's `H`: steps how far back the selected service's history is read, asks the bridge to read it again
// to that depth, and says the depth in the pane's title.
import { afterEach, describe, expect, it } from 'vitest';
import { TAB } from '../fixtures/keys.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { press, renderApp, settle } from '../fixtures/render-app.js';

const views: { unmount: () => void }[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.unmount();
});

describe('history depth (H in the log pane)', () => {
  it('steps 200, 1000, 2000 lines, since an hour ago, since midnight, and round again, in the title', async () => {
    const view = renderApp({ source: new MemorySource([makeService({ pmId: 0, name: 'alpha' }), makeService({ pmId: 1, name: 'beta' })]), lang: 'en', width: 100 });
    views.push(view);
    await settle();
    await press(view, 'j');
    await press(view, TAB);
    let frame = await press(view, 'H');
    expect(frame).toContain('history 200 lines');
    frame = await press(view, 'H');
    expect(frame).toContain('history 1000 lines');
    await press(view, 'H');
    const before = Date.now();
    frame = await press(view, 'H');
    expect(frame).toContain('history 1 h');
    frame = await press(view, 'H');
    expect(frame).toContain('history today');
    frame = await press(view, 'H');
    expect(frame).toContain('history 200 lines');
    const reads = view.actions.historyReads;
    expect(reads.map((r) => r.pmId)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(reads.slice(0, 3).map((r) => r.depth)).toEqual([{ lines: 200 }, { lines: 1000 }, { lines: 2000 }]);
    const hourAgo = reads[3]!.depth as { sinceMs: number };
    expect(hourAgo.sinceMs).toBeGreaterThanOrEqual(before - 3_600_000 - 5000);
    expect(hourAgo.sinceMs).toBeLessThanOrEqual(Date.now() - 3_600_000);
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    expect(reads[4]!.depth).toEqual({ sinceMs: midnight.getTime() });
  });

  it('is named in the help (ja)', async () => {
    const view = renderApp({ source: new MemorySource([makeService({ pmId: 0, name: 'alpha' })]), lang: 'ja', width: 120, height: 60 });
    views.push(view);
    await settle();
    const frame = await press(view, '?');
    expect(frame).toContain('過去ログを読む範囲');
  });
});

// Issue 9's modes and keys on the rendered App: marks and bulk actions, more actions and read-only, columns, the log
// pane's search, stderr-only, merged view, a line opened whole, saving, and the settings file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourcedLine } from '../../../src/tui/logs/log-view.js';
import { DEFAULT_CONFIG } from '../../../src/tui/config/monitor-config.js';
import { ENTER, ESCAPE, TAB } from '../fixtures/keys.js';
import { logLines } from '../fixtures/log-lines.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { open, press, settle, unmountOpened, waitForFrame } from '../fixtures/render-app.js';

afterEach(unmountOpened);
const waitFor = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 3000, interval: 10 });

const services = () => [
  makeService({ pmId: 0, name: 'alpha' }),
  makeService({ pmId: 1, name: 'beta' }),
  makeService({ pmId: 2, name: 'api', execMode: 'cluster', instanceId: 0, instances: 2 }),
  makeService({ pmId: 3, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2 }),
];
const logs = () =>
  new Map([
    [0, logLines(12, 1, (i) => (i % 4 === 0 ? `needle ${i}` : `hay ${i}`))],
    [1, logLines(3, 100, (i) => `beta says ${i}`)],
  ]);

describe('marks and bulk actions', () => {
  it('marks two, asks once naming how many and which, runs each and reports each', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    await settle();
    await press(view, ' ');
    await press(view, 'j');
    let frame = await press(view, ' ');
    expect(frame).toContain('[* 2]');
    frame = await press(view, 'r');
    expect(frame).toContain('Restart these 2: alpha, beta? (y/N)');
    await press(view, 'y');
    await waitFor(() => view.actions.runs.length === 2);
    expect(view.actions.runs).toEqual([{ action: 'restart', pmId: 0 }, { action: 'restart', pmId: 1 }]);
    await waitForFrame(view, (f) => f.includes('All 2 done (restart): alpha, beta'));
  });
  it('on a folded cluster app, acts on all its instances; scaling acts once per app; start asks nothing', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    await settle();
    await press(view, 'jj');
    await waitForFrame(view, (f) => /^▶ {3}api \[\+2\]/m.test(f));
    await press(view, 'R');
    await waitForFrame(view, (f) => f.includes('Reload these 2: api#0, api#1? (y/N)'));
    await press(view, 'y');
    await waitFor(() => view.actions.runs.length === 2);
    await press(view, '+', 100);
    await waitFor(() => view.actions.runs.length === 3);
    expect(view.actions.runs.slice(2)).toEqual([{ action: 'scaleUp', pmId: 2 }]);
    await press(view, 'S', 100);
    await waitFor(() => view.actions.runs.length === 5);
    expect(view.actions.runs.slice(3).map((r) => r.action)).toEqual(['start', 'start']);
  });
  it('turns every new action off in --read-only, and says so', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en', readOnly: true });
    await settle();
    for (const key of ['S', 'R', '+', '-', 'F', 'Z']) await press(view, key, 50);
    await waitForFrame(view, (f) => f.includes('Read-only mode'));
    expect(view.actions.runs).toEqual([]);
  });
});

describe('columns', () => {
  it('hides PID... or any column with the chooser, keeps name and status', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en', width: 120, height: 30 });
    await settle();
    expect(view.lastFrame()).toContain('PID');
    await press(view, 'c');
    let frame = await press(view, '1');
    expect(frame).toContain('1 [ ] PID');
    frame = await press(view, ESCAPE);
    expect(frame).not.toMatch(/\bPID\b/);
    expect(frame).toContain('Status');
  });
});

describe('log pane', () => {
  it('searches with / and lands on the newest match, n goes older, marks without colour', async () => {
    const view = open({ source: new MemorySource(services(), logs()), lang: 'en', color: false, width: 100, height: 30 });
    await settle();
    await press(view, TAB);
    await press(view, '/');
    for (const ch of 'needle') await press(view, ch);
    let frame = await press(view, ENTER);
    expect(frame).toContain('"needle" 3/3');
    expect(frame).toMatch(/ > needle 12/);
    expect(frame).toMatch(/ \* needle 8/);
    frame = await press(view, 'n');
    expect(frame).toContain('"needle" 2/3');
    expect(frame).toMatch(/ > needle 8/);
  });
  it('shows only stderr with !, every shown service named in the merged view with m, a line whole with Enter', async () => {
    const view = open({ source: new MemorySource(services(), logs()), lang: 'en', width: 100, height: 30 });
    await settle();
    await press(view, TAB);
    let frame = await press(view, '!');
    expect(frame).toContain('stderr only');
    expect(frame).not.toContain('hay 1 ');
    frame = await press(view, '!');
    frame = await press(view, 'm');
    expect(frame).toContain('Logs: all 4 shown');
    expect(frame).toMatch(/beta beta says/);
    expect(frame).toMatch(/alpha (hay|needle) \d+/);
    frame = await press(view, ENTER);
    expect(frame).toMatch(/Line: beta \d\d:\d\d:\d\d/);
    frame = await press(view, ESCAPE);
    expect(frame).toContain('Logs: all 4 shown');
  });
  it('saves the buffer with W and shows where', async () => {
    const saved: { lines: readonly SourcedLine[]; name: string }[] = [];
    const view = open({
      source: new MemorySource(services(), logs()),
      lang: 'en',
      saveLog: (lines, name) => {
        saved.push({ lines, name });
        return '/tmp/saved-alpha.log';
      },
    });
    await settle();
    await press(view, TAB);
    const frame = await press(view, 'W');
    expect(frame).toContain('Log saved: /tmp/saved-alpha.log');
    expect(saved[0]!.name).toBe('alpha');
    expect(saved[0]!.lines).toHaveLength(12);
  });
});

describe('settings file', () => {
  it('writes the sort as it changes; a file that was not ours is reported and never overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gakuco-app-config-'));
    try {
      const path = join(dir, 'config.json');
      const view = open({ source: new MemorySource(services()), lang: 'en', config: { path, initial: DEFAULT_CONFIG, problem: null } });
      await settle();
      await press(view, 'o');
      await waitFor(() => {
        try {
          return JSON.parse(readFileSync(path, 'utf8')).sort.key === 'name';
        } catch {
          return false;
        }
      });
      const problem = { code: 'invalid' as const, path, message: 'not a JSON object' };
      const broken = open({ source: new MemorySource(services()), lang: 'en', config: { path, initial: DEFAULT_CONFIG, problem } });
      await settle();
      expect(broken.lastFrame()).toContain('Settings not used (left as they are)');
      // name -> status: a write would now say status.
      await press(broken, 'o');
      await press(broken, 'o');
      await settle(100);
      expect(JSON.parse(readFileSync(path, 'utf8')).sort.key).toBe('name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

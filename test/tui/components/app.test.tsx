import { render } from 'ink-testing-library';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/tui/components/App.js';
import { makeDisplayOptions } from '../../../src/tui/display/make-display-options.js';
import { ScreenLayersContext } from '../../../src/tui/display/screen-layers-context.js';
import { ScreenLayers } from '../../../src/tui/terminal/screen-layers.js';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { ARROW_DOWN, ARROW_RIGHT, END, ENTER, ESCAPE, PAGE_UP, TAB } from '../fixtures/keys.js';
import { logLines } from '../fixtures/log-lines.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { RecordingActions } from '../fixtures/recording-actions.js';
import { open, press, settle, unmountLater, unmountOpened, waitForFrame } from '../fixtures/render-app.js';

afterEach(unmountOpened);

const services = () => [
  makeService({ pmId: 0, name: 'notion-mcp', port: 3001 }),
  makeService({ pmId: 1, name: 'google-calendar-mcp', port: 3002 }),
  makeService({ pmId: 2, name: 'worker' }),
];

const selectedRow = (frame: string) => frame.split('\n').find((line) => line.startsWith('▶') || line.startsWith('>'));

describe('labels', () => {
  it('renders Japanese by default', async () => {
    const { lastFrame } = open({ source: new MemorySource(services()) });
    await settle();
    const frame = lastFrame()!;
    for (const label of ['名前', '状態', 'メモリ', '稼働時間', '応答', '稼働中', 'r 再起動', '詳細: notion-mcp', 'ログ: notion-mcp']) expect(frame).toContain(label);
  });
  it('renders English with lang en', async () => {
    const { lastFrame } = open({ source: new MemorySource(services()), lang: 'en' });
    await settle();
    const frame = lastFrame()!;
    for (const label of ['Name', 'Status', 'Memory', 'Health', 'online', 'r Restart', 'Details: notion-mcp']) expect(frame).toContain(label);
    expect(frame).not.toContain('名前');
  });
});

describe('selection', () => {
  it('moves with ↓ and j, and back with k', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    expect(selectedRow(view.lastFrame()!)).toContain('notion-mcp');
    await press(view, ARROW_DOWN);
    expect(selectedRow(view.lastFrame()!)).toContain('google-calendar-mcp');
    await press(view, 'j');
    expect(selectedRow(view.lastFrame()!)).toContain('worker');
    await press(view, 'k');
    expect(selectedRow(view.lastFrame()!)).toContain('google-calendar-mcp');
    await settle();
    expect(view.actions.shown).toEqual([0, 1, 2, 1]);
  });
  const waitFor = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 3000, interval: 10 });
  it('takes keys that arrive in one read one by one ("jj" from key repeat or a slow link)', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, 'jj');
    await waitForFrame(view, (frame) => selectedRow(frame)?.includes('worker') === true);
    await press(view, 'ky');
    await waitForFrame(view, (frame) => selectedRow(frame)?.includes('google-calendar-mcp') === true);
    await settle();
    expect(view.actions.runs).toEqual([]);
    await press(view, 'ry');
    await waitFor(() => view.actions.runs.length === 1);
    expect(view.actions.runs).toEqual([{ action: 'restart', pmId: 1 }]);
    // The confirmation names the service "j" just selected, not the one selected before the read.
    await press(view, 'jsy');
    await waitFor(() => view.actions.runs.length === 2);
    expect(view.actions.runs).toEqual([{ action: 'restart', pmId: 1 }, { action: 'stop', pmId: 2 }]);
  });
  it('does not stall on keys that change nothing (key repeat past the last row)', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    await settle();
    const started = Date.now();
    await press(view, 'jjjjjjjjd');
    await waitForFrame(view, (frame) => frame.includes('Delete worker? (y/N)'), 2500);
    expect(Date.now() - started).toBeLessThan(2500);
  });
  it('keeps the selected service when the list changes and moves to the neighbour when it is deleted', async () => {
    const source = new MemorySource(services());
    const view = open({ source });
    await settle();
    await press(view, 'j');
    source.update({ services: [makeService({ pmId: 5, name: 'new-last' }), ...services()].sort((a, b) => a.pmId - b.pmId) });
    await waitForFrame(view, (frame) => frame.includes('new-last'));
    expect(selectedRow(view.lastFrame()!)).toContain('google-calendar-mcp');
    source.update({ services: services().filter((s) => s.pmId !== 1) });
    await waitForFrame(view, (frame) => !frame.includes('google-calendar-mcp'));
    expect(selectedRow(view.lastFrame()!)).toContain('worker');
  });
});

describe('confirm dialog', () => {
  it('r then n cancels with no action', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, 'r');
    expect(view.lastFrame()).toContain('notion-mcp を再起動しますか? (y/N)');
    await press(view, 'n');
    expect(view.actions.runs).toEqual([]);
    expect(view.lastFrame()).toContain('notion-mcp の再起動を取り消しました');
  });
  it('any other key cancels too', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, 'd');
    await press(view, 'x');
    await press(view, ENTER);
    expect(view.actions.runs).toEqual([]);
  });
  it('r then y restarts the selected service and reports the outcome', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, 'j');
    await press(view, 'r');
    expect(view.lastFrame()).toContain('google-calendar-mcp を再起動しますか? (y/N)');
    await press(view, 'y');
    expect(view.actions.runs).toEqual([{ action: 'restart', pmId: 1 }]);
    expect(view.lastFrame()).toContain('google-calendar-mcp を再起動しました');
  });
  it('reports a failure in the status line', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    view.actions.result = { ok: false, error: { code: 'timeout', params: { pmId: 0, ms: 15000 } } };
    await settle();
    await press(view, 's');
    expect(view.lastFrame()).toContain('Stop notion-mcp? (y/N)');
    await press(view, 'y');
    expect(view.actions.runs).toEqual([{ action: 'stop', pmId: 0 }]);
    expect(view.lastFrame()).toContain('Could not stop notion-mcp: PM2 did not answer within 15000 ms');
  });
});

describe('confirmed actions are bound to the process asked about', () => {
  it('sends the name, pm_id and daemon pid the question was about', async () => {
    const source = new MemorySource(services());
    source.update({ connection: { kind: 'connected', home: '/h', since: 0, daemonPid: 4242 } });
    const view = open({ source, lang: 'en' });
    await settle();
    await press(view, 'jd');
    await waitForFrame(view, (frame) => frame.includes('Delete google-calendar-mcp? (y/N)'));
    await press(view, 'y');
    expect(view.actions.targets).toEqual([{ pmId: 1, name: 'google-calendar-mcp', daemonPid: 4242 }]);
  });
  it('says why nothing happened when the daemon was replaced', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    view.actions.result = { ok: false, error: { code: 'daemon-replaced', params: { name: 'notion-mcp', expected: 10, found: 20 } } };
    await settle();
    await press(view, 'd');
    await press(view, 'y');
    await waitForFrame(view, (frame) => frame.includes('Could not delete notion-mcp: the PM2 daemon was replaced (pid 10 -> 20)'));
  });
});

describe('read-only mode', () => {
  it('ignores r, s and d, says why, and hides them from the hints', async () => {
    const view = open({ source: new MemorySource(services()), readOnly: true });
    await settle();
    expect(view.lastFrame()).not.toContain('r 再起動');
    for (const key of ['r', 's', 'd']) {
      await press(view, key, 150);
      expect(view.lastFrame()).not.toContain('(y/N)');
      await press(view, 'y', 150);
    }
    expect(view.actions.runs).toEqual([]);
    expect(view.lastFrame()).toContain('読み取り専用モードです');
  });
});

describe('help', () => {
  it('? lists every key (j moves on when they do not all fit) and Esc closes it', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    let frame = await press(view, '?');
    let seen = frame;
    for (let i = 0; i < 5; i++) {
      frame = await press(view, 'j', 100);
      seen += frame;
    }
    for (const key of ['↑/k', '↓/j', ' r ', ' s ', ' d ', ' / ', 'Enter/i', 'Tab', 'PgUp', 'PgDn', 'End', ' ? ', ' q ', 'Ctrl-C', 'y/Y', 'n/N/Esc/ほかのキー', 'BS', ' e ', '文字']) {
      expect(seen).toContain(key);
    }
    await press(view, ESCAPE);
    expect(view.lastFrame()).not.toContain('キー操作');
    expect(view.lastFrame()).toContain('名前');
  });
});

describe('filter', () => {
  it('/ filters by name; Esc clears', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, '/');
    for (const ch of 'cal') await press(view, ch);
    let frame = view.lastFrame()!;
    expect(frame).toContain('google-calendar-mcp');
    expect(frame).not.toContain('worker');
    await press(view, ENTER);
    expect(view.lastFrame()).toContain('[フィルタ: cal]');
    await press(view, '/');
    await press(view, ESCAPE);
    frame = view.lastFrame()!;
    expect(frame).toContain('worker');
  });
  it('takes "/cal", Enter and "r" in one write: the filter applies and r asks about the one row left', async () => {
    const view = open({ source: new MemorySource(services()), lang: 'en' });
    await settle();
    await press(view, '/cal\rr');
    const frame = await waitForFrame(view, (text) => text.includes('(y/N)'));
    expect(frame).toContain('Restart google-calendar-mcp? (y/N)');
    expect(frame).toContain('gakuco-monit (1/3)');
    await press(view, 'y');
    expect(view.actions.runs).toEqual([{ action: 'restart', pmId: 1 }]);
  });
  it('Esc in the table clears a confirmed filter, so a new service shows', async () => {
    const source = new MemorySource(services());
    const view = open({ source, lang: 'en' });
    await settle();
    await press(view, '/worker\r');
    await waitForFrame(view, (text) => text.includes('[Filter: worker]') && !text.includes('notion-mcp  '));
    expect(view.lastFrame()).toContain('gakuco-monit (1/3)');
    await press(view, ESCAPE);
    const frame = await waitForFrame(view, (text) => !text.includes('[Filter: worker]'));
    expect(frame).toContain('gakuco-monit (3)');
    expect(frame).toContain('notion-mcp');
    source.update({ services: [...services(), makeService({ pmId: 3, name: 'newcomer' })] });
    await waitForFrame(view, (text) => text.includes('newcomer'));
  });
  it('types q, r and the like into the filter instead of running them', async () => {
    const view = open({ source: new MemorySource(services()) });
    await settle();
    await press(view, '/qrsd');
    await waitForFrame(view, (text) => text.includes('/qrsd_'));
    expect(view.quits()).toBe(0);
    expect(view.lastFrame()).not.toContain('(y/N)');
  });
});

describe('logs', () => {
  it('follows, pauses on PgUp and follows again on End; stderr marked', async () => {
    const source = new MemorySource(services(), new Map([[0, logLines(100)]]));
    const view = open({ source });
    await settle();
    expect(view.lastFrame()).toContain('line 100');
    expect(view.lastFrame()).toContain('追従中');
    expect(view.lastFrame()).toMatch(/! line 100/);
    await press(view, PAGE_UP);
    expect(view.lastFrame()).not.toContain('line 100');
    expect(view.lastFrame()).toContain('一時停止');
    source.update({ logs: new Map([[0, logLines(110)]]) });
    await waitForFrame(view, (frame) => frame.includes('+17'));
    expect(view.lastFrame()).not.toContain('line 110');
    await press(view, END);
    expect(view.lastFrame()).toContain('line 110');
  });
  it('shows the time once per second, on the first line of it', async () => {
    const base = new Date(2024, 0, 2, 10, 20, 30).getTime();
    const lines = logLines(4).map((line, i) => ({ ...line, at: base + (i < 3 ? i * 100 : 1500) }));
    const view = open({ source: new MemorySource(services(), new Map([[0, lines]])) });
    await waitForFrame(view, (frame) => frame.includes('line 4'));
    const rows = view.lastFrame()!.split('\n').filter((row) => /line [1-4]$/.test(row.trimEnd()));
    expect(rows.map((row) => row.includes('10:20:30'))).toEqual([true, false, false, false]);
    expect(rows.map((row) => row.includes('10:20:31'))).toEqual([false, false, false, true]);
    expect(rows[1]).toMatch(/^\s+line 2$/m);
  });
  it('scrolls by line with ↑ when the log pane has focus', async () => {
    const view = open({ source: new MemorySource(services(), new Map([[0, logLines(50)]])) });
    await settle();
    await press(view, TAB);
    await press(view, 'k');
    const frame = view.lastFrame()!;
    expect(frame).toContain('line 49');
    expect(frame).not.toContain('line 50');
    expect(selectedRow(frame)).toContain('notion-mcp');
  });
});

describe('renders', () => {
  it('ticks the header clock every second by itself, with no new list (the list comes less often at idle)', async () => {
    const started = Date.now();
    const now = () => 1_700_000_000_000 + (Date.now() - started);
    const view = unmountLater(
      render(<App source={new MemorySource(services())} actions={new RecordingActions()} display={makeDisplayOptions({ lang: 'en' })} width={100} height={30} onQuit={() => {}} now={now} />),
    );
    const clockOf = (frame: string) => /\d\d:\d\d:\d\d/.exec(frame.split('\n')[0] ?? '')?.[0];
    const first = clockOf(await waitForFrame(view, (frame) => clockOf(frame) !== undefined));
    await waitForFrame(view, (frame) => clockOf(frame) !== first, 5000);
  });
  it('commits nothing by the clock behind screen layers while no uptime turns, and counts an uptime in seconds', async () => {
    const started = Date.now();
    const now = () => 1_700_000_000_000 + (Date.now() - started);
    const app = (source: MemorySource, onCommit: () => void) => (
      <ScreenLayersContext.Provider value={new ScreenLayers()}>
        <Profiler id="app" onRender={onCommit}>
          <App source={source} actions={new RecordingActions()} display={makeDisplayOptions({ lang: 'en' })} width={100} height={30} onQuit={() => {}} now={now} />
        </Profiler>
      </ScreenLayersContext.Provider>
    );
    // Up an hour (the fixture's services): the clock is the layer's, nothing in the frame counts seconds.
    let commits = 0;
    const idle = unmountLater(render(app(new MemorySource(services()), () => (commits += 1))));
    await waitForFrame(idle, (frame) => frame.includes('notion-mcp'));
    await settle();
    const before = commits;
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(commits).toBe(before);
    // Up 30 s: the table's uptime turns each second by itself, with no new list.
    const young = unmountLater(render(app(new MemorySource([makeService({ pmId: 0, name: 'young', startedAt: now() - 30_000 })]), () => undefined)));
    const uptime = (frame: string) => /young.*?\b(\d+)s\b/.exec(frame)?.[1];
    const first = uptime(await waitForFrame(young, (frame) => uptime(frame) !== undefined));
    await waitForFrame(young, (frame) => uptime(frame) !== first, 5000);
  });
  it('skip new lines of a service whose logs are not shown, which show at once when it is selected', async () => {
    const shown = logLines(5);
    const source = new MemorySource(services(), new Map([[0, shown]]));
    let commits = 0;
    const view = render(
      <Profiler id="app" onRender={() => (commits += 1)}>
        <App source={source} actions={new RecordingActions()} display={makeDisplayOptions({ lang: 'en' })} width={100} height={30} onQuit={() => {}} now={() => 1_700_000_000_000} />
      </Profiler>,
    );
    unmountLater(view);
    await waitForFrame(view, (frame) => frame.includes('line 5'));
    await settle();
    const before = commits;
    source.update({ logs: new Map([[0, shown], [2, logLines(3, 100)]]) });
    await settle(150);
    expect(commits).toBe(before);
    source.update({ logs: new Map([[0, [...shown, ...logLines(1, 6)]], [2, logLines(3, 100)]]) });
    await waitForFrame(view, (frame) => frame.includes('line 6'));
    expect(commits).toBeGreaterThan(before);
    await press(view, ARROW_DOWN);
    await press(view, ARROW_DOWN);
    await waitForFrame(view, (frame) => frame.includes('Logs: worker') && frame.includes('line 102'));
  });
  it('renders only the log pane for a new line of the shown service, not the app or its table', async () => {
    const shown = logLines(5);
    const source = new MemorySource(services(), new Map([[0, shown]]));
    // App reads the list view on every render of its own (useSyncExternalStore); the log pane reads the lines.
    let appRenders = 0;
    let logReads = 0;
    const { getList, getLogs } = source;
    source.getList = () => ((appRenders += 1), getList());
    source.getLogs = (pmId) => ((logReads += 1), getLogs(pmId));
    const view = render(
      <App source={source} actions={new RecordingActions()} display={makeDisplayOptions({ lang: 'en' })} width={100} height={30} onQuit={() => {}} now={() => 1_700_000_000_000} />,
    );
    unmountLater(view);
    await waitForFrame(view, (frame) => frame.includes('line 5'));
    await settle();
    const [appBefore, logsBefore] = [appRenders, logReads];
    source.update({ logs: new Map([[0, [...shown, ...logLines(1, 6)]]]) });
    await waitForFrame(view, (frame) => frame.includes('line 6'));
    expect(logReads).toBeGreaterThan(logsBefore);
    expect(appRenders).toBe(appBefore);
    source.update({ services: services().slice(0, 2) });
    await waitForFrame(view, (frame) => !frame.includes('worker'));
    expect(appRenders).toBeGreaterThan(appBefore);
  });
});

describe('connection states', () => {
  it('says there is no daemon, with the command, and keeps the last services', async () => {
    const source = new MemorySource(services());
    const view = open({ source });
    await settle();
    source.update({ connection: { kind: 'no-daemon', home: '/home/op/.pm2', since: 0 } });
    await waitForFrame(view, (frame) => frame.includes('デーモン'));
    const frame = view.lastFrame()!;
    expect(frame).toContain('PM2 デーモンが動いていません (/home/op/.pm2)');
    expect(frame).toContain('pm2 start ecosystem.config.js');
    expect(frame).toContain('notion-mcp');
  });
  it('offers the command the daemon-down finding gives (pm2 resurrect when a saved list exists)', async () => {
    const source = new MemorySource(services());
    source.update({
      connection: { kind: 'no-daemon', home: '/home/op/.pm2', since: 0 },
      diagnostics: [{ code: 'daemon-down', severity: 'error', params: { home: '/home/op/.pm2' }, fix: 'npx pm2 resurrect' }],
    });
    const view = open({ source, lang: 'en' });
    const frame = await waitForFrame(view, (text) => text.includes('resurrect'));
    expect(frame).toContain('Start it: npx pm2 resurrect');
  });
  it('writes the commands it shows with the pm2 this setup has (npx pm2 when pm2 is not on PATH)', async () => {
    const source = new MemorySource([]);
    source.update({ connection: { kind: 'no-daemon', home: '/home/op/.pm2', since: 0 } });
    const view = open({ source, lang: 'en', pm2: 'npx pm2' });
    const frame = await waitForFrame(view, (text) => text.includes('Start one'));
    expect(frame).toContain('Start one: npx pm2 start ecosystem.config.js');
    expect(frame).toContain('No services in PM2 (start them: npx pm2 start ecosystem.config.js)');
  });
  it('shows a load failure with the error', async () => {
    const source = new MemorySource(services());
    source.update({ connection: { kind: 'load-failed', home: '/h', error: 'PM2 did not answer getMonitorData within 5000 ms', reason: { code: 'timeout', params: { ms: 5000 } }, lastOkAt: null } });
    const view = open({ source });
    await settle();
    expect(view.lastFrame()).toContain('一覧の取得に失敗しました: PM2 が 5000 ms 以内に応答しませんでした');
    expect(view.lastFrame()).toContain('worker');
  });
});

describe('detail pane', () => {
  const longFix = 'cd /srv/gakuco-monit && npx pm2 delete notion-mcp && npx pm2 start ecosystem.config.js --only notion-mcp';
  const finding = { code: 'port-conflict', severity: 'error' as const, params: { name: 'notion-mcp', port: 3001, pid: 4321, command: 'python3 -m http.server 3001', restart: 'npx pm2 restart notion-mcp', recreate: longFix }, fix: 'hint:free-port' };
  const envEntries = Array.from({ length: 30 }, (_, i) => ({ key: `VAR_${i}`, value: `value-${i}`, masked: false }));
  const withFinding = () => [makeService({ pmId: 0, name: 'notion-mcp', port: 3001, diagnostics: [finding], env: envEntries }), makeService({ pmId: 1, name: 'worker' })];

  it('wraps a fix to the width and scrolls to its end at 80x24 (Tab to the pane, then j / PgDn)', async () => {
    const view = open({ source: new MemorySource(withFinding()), lang: 'en', width: 80, height: 23 });
    await settle();
    const detailRows = (frame: string) => {
      const lines = frame.split('\n');
      const top = lines.findIndex((line) => line.includes('Details: notion-mcp'));
      const bottom = lines.findIndex((line, i) => i > top && line.includes('Logs: notion-mcp'));
      return lines.slice(top + 1, bottom);
    };
    let seen = detailRows(view.lastFrame()!);
    await press(view, TAB);
    await press(view, TAB);
    expect(view.lastFrame()).toMatch(/─▶ Details: notion-mcp/);
    for (let i = 0; i < 12; i++) {
      const frame = await press(view, 'j', 80);
      seen = [...seen, ...detailRows(frame)];
    }
    for (const row of seen) expect(cellWidth(row)).toBeLessThanOrEqual(80);
    expect(seen.join('\n')).not.toContain('…');
    // Every word of the fix is on screen at some point, in order.
    const text = [...new Set(seen)].map((row) => row.trim()).join(' ');
    expect(text.replace(/\s+/g, ' ')).toContain(longFix);
    for (let i = 0; i < 4; i++) await press(view, PAGE_UP, 80);
    expect(detailRows(view.lastFrame()!).join('\n')).toContain('port 3001 is held by another process');
  });
  it('folds the env into one line until e', async () => {
    const view = open({ source: new MemorySource(withFinding()), lang: 'en', width: 120, height: 40 });
    await settle();
    expect(view.lastFrame()).toContain('Env: 30 variables (e to show)');
    expect(view.lastFrame()).not.toContain('VAR_0=');
    await press(view, 'e');
    await press(view, ENTER);
    await waitForFrame(view, (frame) => frame.includes('VAR_0=value-0'));
  });
});

describe('frame size', () => {
  it('never exceeds the given rows or columns at 80x24 with many services and long logs', async () => {
    const many = Array.from({ length: 40 }, (_, i) => makeService({ pmId: i, name: i % 2 ? `サービス${i}-とても長い名前です` : `svc-${i}`, port: 3000 + i }));
    const logs = new Map([[0, logLines(500, 1, (n) => `ログ ${n} ${'長い行です。'.repeat(30)}`)]]);
    for (const lang of ['ja', 'en'] as const) {
      for (const height of [23, 24]) {
        const view = open({ source: new MemorySource(many, logs), width: 80, height, lang });
        await settle();
        for (const step of ['', '?', '?', 'j', '\r', '\r', '/']) {
          if (step !== '') await press(view, step);
          const lines = view.lastFrame()!.split('\n');
          expect(lines.length).toBeLessThanOrEqual(height);
          for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(80);
        }
        view.unmount();
      }
    }
  });
  it('keeps columns aligned with Japanese names', async () => {
    const source = new MemorySource([
      makeService({ pmId: 0, name: 'notion-mcp' }),
      makeService({ pmId: 1, name: 'カレンダー連携' }),
      makeService({ pmId: 2, name: '通知' }),
    ]);
    const view = open({ source, color: false });
    await settle();
    const rows = view.lastFrame()!.split('\n').filter((line) => line.includes('稼働中'));
    expect(rows).toHaveLength(3);
    const statusCell = rows.map((row) => cellWidth(row.slice(0, row.indexOf('●'))));
    expect(new Set(statusCell).size).toBe(1);
    const memoryCell = rows.map((row) => cellWidth(row.slice(0, row.indexOf('48.0M'))));
    expect(new Set(memoryCell).size).toBe(1);
  });
  it('shows cluster instances and marks rows with the severity scale doctor uses (✘ error, ! warning)', async () => {
    const source = new MemorySource([
      makeService({ pmId: 0, name: 'api', execMode: 'cluster', instanceId: 0, instances: 2 }),
      makeService({ pmId: 1, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2, diagnostics: [{ code: 'restart-loop', severity: 'error', params: { restarts: 9 }, fix: 'pm2 logs api' }] }),
      makeService({ pmId: 2, name: 'big', diagnostics: [{ code: 'memory-high', severity: 'warning', params: { name: 'big' }, fix: 'hint:raise-memory-limit' }] }),
    ]);
    const view = open({ source, color: false });
    await settle();
    // Folded: one row for the app, its instances' worst finding on it.
    let frame = view.lastFrame()!;
    expect(frame).toMatch(/^▶ ✘ api \[\+2\]/m);
    expect(frame).toContain('2/2');
    expect(frame).toMatch(/^ {2}! big/m);
    frame = await press(view, ARROW_RIGHT);
    expect(frame).toMatch(/^▶ ✘ api \[-\]/m);
    expect(frame).toMatch(/^ {6}api#0/m);
    expect(frame).toMatch(/^ {2}✘ {3}api#1/m);
  });
  it('shows degraded health as degraded, by word and mark', async () => {
    const check = { port: 3001, checkedAt: 0, listening: true, connectMs: 1, health: 'degraded' as const, healthMs: 3, healthDetail: 'degraded', upstreamConfigured: false, conflict: null };
    const source = new MemorySource([makeService({ pmId: 0, name: 'notion-mcp', port: 3001, portCheck: check })]);
    const view = open({ source, color: false, lang: 'en', width: 120, height: 30 });
    await settle();
    const frame = view.lastFrame()!;
    expect(frame).toMatch(/! degraded/);
    expect(frame).toContain('/health degraded');
    expect(frame).not.toMatch(/\bOK\b/);
  });
  it("leads the detail pane with the selected service's own findings, so they show at 80x24", async () => {
    const source = new MemorySource([
      makeService({ pmId: 0, name: 'notion-mcp', diagnostics: [{ code: 'config-missing', severity: 'error', params: { name: 'notion-mcp', missing: 'NOTION_TOKEN' }, fix: 'pm2 restart notion-mcp --update-env' }] }),
      makeService({ pmId: 1, name: 'worker' }),
    ]);
    const view = open({ source, lang: 'en', width: 80, height: 23 });
    await settle();
    const frame = view.lastFrame()!;
    const detail = frame.split('\n');
    const heading = detail.findIndex((line) => line.includes('Details: notion-mcp'));
    expect(detail.slice(heading + 1, heading + 4).join('\n')).toContain('NOTION_TOKEN');
    expect(frame).toContain('pm2 restart notion-mcp --update-env');
  });
});

describe('steady readings', () => {
  it("keeps an idle app's CPU and memory through their noise, and shows a CPU jump and a restart at once", async () => {
    const MB = 1024 * 1024;
    const worker = (cpu: number, memory: number, pid = 4242) => [makeService({ pmId: 2, name: 'worker', pid, cpu, memory })];
    const source = new MemorySource(worker(0, 51.4 * MB));
    const view = open({ source, lang: 'en' });
    await waitForFrame(view, (frame) => selectedRow(frame)?.includes('51.4M') === true);
    source.update({ services: worker(1.3, 51.6 * MB) });
    await settle();
    expect(selectedRow(view.lastFrame()!)).toMatch(/0\.0%\s+51\.4M/);
    source.update({ services: worker(48, 51.6 * MB) });
    await waitForFrame(view, (frame) => /48%\s+51\.4M/.test(selectedRow(frame) ?? ''));
    source.update({ services: worker(0.7, 51.7 * MB, 4343) });
    await waitForFrame(view, (frame) => /4343\s+0\.7%\s+51\.7M/.test(selectedRow(frame) ?? ''));
  });
});

import { eastAsianWidthType } from 'get-east-asian-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logLines } from '../fixtures/log-lines.js';
import { makeService } from '../fixtures/make-service.js';
import { MemorySource } from '../fixtures/memory-source.js';
import { press, renderApp, settle } from '../fixtures/render-app.js';

// Ink's chalk decides its colour level when it loads; force colours so the colour-mode control below can fail.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const views: { unmount: () => void }[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.unmount();
});

const source = () =>
  new MemorySource(
    [
      makeService({ pmId: 0, name: 'notion-mcp', port: 3001, portCheck: { port: 3001, checkedAt: 0, listening: false, connectMs: null, health: 'pending', healthMs: null, healthDetail: null, upstreamConfigured: null, conflict: null } }),
      makeService({ pmId: 1, name: 'カレンダー連携サービス(本番環境)', status: 'errored', pid: 0, restarts: 15, unstableRestarts: 4, diagnostics: [{ code: 'restart-loop', severity: 'error', params: { restarts: 15 }, fix: 'pm2 logs 1' }] }),
      makeService({ pmId: 2, name: 'worker', status: 'stopped', pid: 0 }),
    ],
    new Map([[0, logLines(40, 1, (n) => `出力 ${n} ${'x'.repeat(120)}`)]]),
  );

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const COLOUR_SGR = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|4[0-9]|10[0-7])(?:;[0-9;]*)?m/;

describe('ascii mode', () => {
  it('draws no box-drawing or ambiguous-width characters', async () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const step of ['', '?']) {
        const view = renderApp({ source: source(), lang, ascii: true, color: false });
        views.push(view);
        await settle();
        if (step !== '') await press(view, step);
        const frame = view.lastFrame()!;
        for (const ch of frame) {
          const code = ch.codePointAt(0)!;
          if (code < 0x7f) continue;
          const type = eastAsianWidthType(code);
          expect(type === 'wide' || type === 'fullwidth', `U+${code.toString(16)} ${ch} is ${type}`).toBe(true);
        }
        if (step === '') expect(frame).toContain('...');
      }
    }
  });
  it('the unicode mode does use such characters (so the check above can fail)', async () => {
    const view = renderApp({ source: source(), ascii: false, color: false });
    views.push(view);
    await settle();
    expect(view.lastFrame()).toMatch(/[─●…]/);
  });
});

describe('no-colour mode', () => {
  it('colour mode emits colour codes (control)', async () => {
    const view = renderApp({ source: source(), color: true });
    views.push(view);
    await settle();
    expect(view.lastFrame()).toMatch(COLOUR_SGR);
  });
  it('emits no SGR codes at all, and status still reads by word and mark', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const view = renderApp({ source: source(), color: false, lang });
      views.push(view);
      await settle();
      await press(view, 'r');
      const frame = view.lastFrame()!;
      expect(frame).not.toMatch(SGR);
      expect(frame).toContain(lang === 'ja' ? '● 稼働中' : '● online');
      expect(frame).toContain(lang === 'ja' ? '✖ エラー' : '✖ errored');
      expect(frame).toContain(lang === 'ja' ? '○ 停止' : '○ stopped');
      expect(frame).toMatch(/^▶/m);
      expect(frame).toContain('(y/N)');
    }
  });
});

describe('too small', () => {
  it('says so clearly below the minimum, in terminal rows, and q still quits', async () => {
    const view = renderApp({ source: source(), width: 50, height: 12 });
    views.push(view);
    await settle();
    const frame = view.lastFrame()!;
    expect(frame).toContain('端末が小さすぎます (50x12)');
    expect(frame).toContain('60x15');
    expect(frame.split('\n').length).toBeLessThanOrEqual(12);
    await press(view, 'r', 150);
    expect(view.lastFrame()).not.toContain('(y/N)');
    await press(view, 'q', 150);
    expect(view.quits()).toBe(1);
  });
  it('in English', async () => {
    const view = renderApp({ source: source(), width: 80, height: 10, lang: 'en' });
    views.push(view);
    await settle();
    expect(view.lastFrame()).toContain('Terminal too small (80x10)');
  });
  it('shows the monitor at exactly the minimum', async () => {
    const view = renderApp({ source: source(), width: 60, height: 15 });
    views.push(view);
    await settle();
    expect(view.lastFrame()).toContain('名前');
    expect(view.lastFrame()!.split('\n').length).toBeLessThanOrEqual(15);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { startListText, type MonitorConfigFile } from '../../src/cli/start-list.js';
import { startScreenText } from '../../src/cli/start-screen.js';
import { DEFAULT_CONFIG } from '../../src/tui/config/monitor-config.js';
import { makeDisplayOptions } from '../../src/tui/display/make-display-options.js';
import { gridText } from '../../src/tui/terminal/grid.js';
import { VirtualTerminal } from '../../src/tui/terminal/virtual-terminal.js';
import { makeService } from '../tui/fixtures/make-service.js';
import { MemorySource } from '../tui/fixtures/memory-source.js';
import { renderApp } from '../tui/fixtures/render-app.js';

// Ink's chalk decides its colour level when it loads: force colours, so the styles are compared too.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const NOW = 1_700_000_000_000;
const MB = 1024 * 1024;
const services = [
  makeService({ pmId: 0, name: 'notion-mcp', port: 3001, memory: 90 * MB }),
  makeService({ pmId: 1, name: 'カレンダー連携', status: 'errored', pid: 0, restarts: 15, unstableRestarts: 4, diagnostics: [{ code: 'restart-loop', severity: 'error', params: { restarts: 15 }, fix: 'pm2 logs 1' }] }),
  makeService({ pmId: 2, name: 'api', execMode: 'cluster', instanceId: 0, instances: 2, memory: 40 * MB }),
  makeService({ pmId: 3, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2, memory: 45 * MB }),
  makeService({ pmId: 4, name: 'メール送信', status: 'stopped', pid: 0 }),
];

const configs: Record<string, MonitorConfigFile> = {
  defaults: { path: null, initial: DEFAULT_CONFIG, problem: null },
  'memory, descending, no pid': { path: null, initial: { sort: { key: 'memory', descending: true }, hiddenColumns: ['pid'] }, problem: null },
};

/** A terminal after `text`. */
function screenOf(text: string, rows: number, cols: number): VirtualTerminal {
  const terminal = new VirtualTerminal(rows, cols);
  terminal.write(text);
  return terminal;
}

describe('startListText', () => {
  for (const [name, config] of Object.entries(configs)) {
    for (const [cols, rows] of [
      [80, 24],
      [120, 40],
    ] as const) {
      it(`draws row one and the table as the App's first frame does, cell for cell and style for style (${name}, ${cols}x${rows})`, () => {
        const display = makeDisplayOptions({ lang: 'ja', color: true });
        const source = new MemorySource(services);
        const start = startScreenText({ connection: { kind: 'connecting', home: '/home/op/.pm2' }, width: cols, clock: '00:00:00', display });
        const text = startListText({ list: source.getList(), insights: null, config, display, columns: cols, rows, now: NOW });
        expect(text).not.toBeNull();
        const drawn = screenOf(start + text, rows, cols);

        const view = renderApp({ source, width: cols, height: rows, config, color: true });
        const ink = screenOf((view.lastFrame() ?? '').replaceAll('\n', '\r\n'), rows, cols);
        view.unmount();

        const inkRows = gridText(ink.grid);
        // The table ends where the detail pane's title row begins; the start screen drew nothing below it.
        const tableEnd = inkRows.findIndex((row, i) => i > 0 && row.startsWith('──'));
        expect(tableEnd).toBeGreaterThan(services.length - 1);
        expect(gridText(drawn.grid).slice(tableEnd).every((row) => row.trim() === '')).toBe(true);
        for (let row = 0; row < tableEnd; row++) {
          expect(gridText(drawn.grid)[row], `row ${row}`).toBe(inkRows[row]);
          for (let col = 0; col < cols; col++) {
            const i = row * cols + col;
            expect(drawn.styles.get(drawn.grid.styles[i]!), `row ${row} col ${col}`).toEqual(ink.styles.get(ink.grid.styles[i]!));
          }
        }
        expect(inkRows.slice(0, tableEnd).join('\n')).toContain('カレンダー連携');
      });
    }
  }

  it('draws nothing before there are services, nor on a terminal too small for the monitor', () => {
    const display = makeDisplayOptions({ lang: 'en', color: false });
    const input = { insights: null, config: configs.defaults!, display, columns: 80, rows: 24, now: NOW };
    expect(startListText({ ...input, list: new MemorySource([]).getList() })).toBeNull();
    expect(startListText({ ...input, list: new MemorySource(services).getList(), columns: 40 })).toBeNull();
    // eslint-disable-next-line no-control-regex
    expect(startListText({ ...input, list: new MemorySource(services).getList() })?.replace(/\u001B\[\d*(;\d+)?[HK]/g, '')).not.toMatch(/\u001B/);
  });
});

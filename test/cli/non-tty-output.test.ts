import { describe, expect, it } from 'vitest';
import { onceText } from '../../src/cli/once-text.js';
import { snapshotJson } from '../../src/cli/snapshot-json.js';
import { formatDiagnostic } from '../../src/i18n/diagnostics.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import type { Snapshot } from '../../src/pm2-bridge/types.js';
import { cellWidth } from '../../src/tui/format/cell-width.js';
import { asciiGlyphs } from '../../src/tui/format/glyphs.js';
import { logLines } from '../tui/fixtures/log-lines.js';
import { makeService } from '../tui/fixtures/make-service.js';

const snapshot: Snapshot = {
  connection: { kind: 'connected', home: '/home/op/.pm2', since: 1, daemonPid: null },
  services: [
    makeService({ pmId: 0, name: 'notion-mcp', port: 3001, env: [{ key: 'NOTION_TOKEN', value: '••••', masked: true }] }),
    makeService({ pmId: 1, name: 'カレンダー連携', status: 'errored', pid: 0, diagnostics: [{ code: 'script-missing', severity: 'error', params: { name: 'カレンダー連携', script: '/srv/x.js' }, fix: 'npm run build' }] }),
  ],
  logs: new Map([[0, logLines(3)]]),
  diagnostics: [],
  refreshedAt: 5,
};

describe('--once text', () => {
  it('prints the connection, an aligned table and findings with fixes', () => {
    const text = onceText(snapshot, { width: Number.POSITIVE_INFINITY, messages: ja, glyphs: asciiGlyphs, now: 1_700_000_000_000, describeDiagnostic: (d) => formatDiagnostic(d, 'ja'), pm2: 'pm2' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('PM2 接続中 (/home/op/.pm2)');
    expect(text).toContain('稼働中');
    expect(text).toContain('x エラー');
    expect(text).toContain('カレンダー連携: ');
    expect(text).toContain('対処: npm run build');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\u001b\[/);
    const rows = lines.filter((line) => line.includes('notion-mcp') || line.includes('カレンダー連携') || line.includes('名前')).slice(0, 3);
    const statusAt = rows.map((row) => cellWidth(row.slice(0, Math.max(row.indexOf('状態'), row.indexOf('+ '), row.indexOf('x ')))));
    expect(new Set(statusAt).size).toBe(1);
  });
  it('says there is no daemon without claiming to wait', () => {
    const text = onceText({ ...snapshot, services: [], connection: { kind: 'no-daemon', home: '/h', since: 1 } }, { width: 80, messages: en, glyphs: asciiGlyphs, now: 0, describeDiagnostic: (d) => formatDiagnostic(d, 'en'), pm2: 'pm2' });
    expect(text).toContain('No PM2 daemon is running (/h)');
    expect(text).toContain('pm2 start ecosystem.config.js');
    expect(text).not.toContain('waiting');
  });
});

describe('--json', () => {
  it('is the snapshot without logs', () => {
    const parsed = JSON.parse(snapshotJson(snapshot)) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['connection', 'diagnostics', 'refreshedAt', 'services']);
    expect((parsed.services as { name: string }[]).map((s) => s.name)).toEqual(['notion-mcp', 'カレンダー連携']);
    expect(JSON.stringify(parsed)).not.toContain('line 1');
  });
});

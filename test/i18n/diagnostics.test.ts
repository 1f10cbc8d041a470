import { describe, expect, it } from 'vitest';
import { ALL_DIAGNOSTIC_CODES, DIAGNOSTIC_CODES } from '../../src/pm2-bridge/diagnostics/codes.js';
import {
  DIAGNOSTIC_MESSAGES,
  FIX_HINT_MESSAGES,
  FIX_HINTS,
  formatBytes,
  formatDiagnostic,
} from '../../src/i18n/diagnostics.js';
import type { Diagnostic } from '../../src/pm2-bridge/types.js';

// One sample finding per code, with every param its message uses.
const PARAMS: Record<string, Diagnostic['params']> = {
  'daemon-down': { home: '/h' },
  'logrotate-missing': {},
  'logrotate-stopped': {},
  'logrotate-settings': { max_size: '10M', retain: '5', compress: 'false', rotateInterval: '0 0 * * *', interval: 'DD 1' },
  'dump-missing': { running: 'a, b' },
  'dump-differs': { missing: 'old', extra: 'new' },
  'dump-unreadable': {},
  'startup-missing': {},
  'startup-found': { path: '/etc/systemd/system/pm2-u.service' },
  'script-missing': { name: 'svc', script: '/srv/x.js', recreate: 'pm2 delete svc && pm2 start ecosystem.config.js --only svc' },
  'script-not-built': { name: 'svc', script: '/srv/dist/x.js', project: '/srv' },
  'config-missing': { name: 'svc', missing: 'NOTION_TOKEN', alternatives: '', source: 'env', restart: 'pm2 restart svc', envFile: '/srv/mcp.env' },
  'api-key-missing': { name: 'svc', host: '0.0.0.0', missing: 'MCP_API_KEY', restart: 'pm2 restart svc', envFile: '/srv/mcp.env' },
  'port-conflict': { name: 'svc', port: 3001, pid: 99, command: 'nc -l', restart: 'pm2 restart svc' },
  'port-not-listening': { name: 'svc', port: 3001 },
  'memory-high': { name: 'svc', memory: 180 * 1024 * 1024, limit: 200 * 1024 * 1024, percent: 90 },
  'memory-restarts': { name: 'svc', count: 2, limit: 200 * 1024 * 1024 },
  'restart-loop': { name: 'svc', status: 'errored', restarts: 15, unstable: 15, recent: 15, minutes: 10, lastErrors: 'Error: a\nError: b' },
  'log-too-large': { name: 'svc', file: '/l/svc-out.log', bytes: 11 * 1024 * 1024, limit: 10 * 1024 * 1024, logrotate: 'missing' },
};
const FIXES: Record<string, string | null> = {
  'script-missing': 'hint:script-path',
  'config-missing': 'hint:set-env',
  'api-key-missing': 'hint:set-api-key',
  'port-conflict': 'hint:free-port',
  'memory-high': 'hint:raise-memory-limit',
};
const sample = (code: string): Diagnostic => ({
  code,
  severity: DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity,
  params: PARAMS[code] ?? {},
  fix: FIXES[code] ?? 'pm2 save',
});

describe('diagnostic messages', () => {
  it('has a sample for every code (so this test grows with the codes)', () => {
    expect(Object.keys(PARAMS).sort()).toEqual([...ALL_DIAGNOSTIC_CODES].sort());
  });

  for (const code of ALL_DIAGNOSTIC_CODES) {
    it(`${code}: Japanese and English, filled, and different`, () => {
      const ja = formatDiagnostic(sample(code), 'ja');
      const en = formatDiagnostic(sample(code), 'en');
      for (const text of [ja.text, en.text]) {
        expect(text).not.toMatch(/undefined|\{|\}|NaN/);
        expect(text.length).toBeGreaterThan(8);
        expect(text).not.toContain('\n');
      }
      expect(ja.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(DIAGNOSTIC_MESSAGES.ja[code]).toBeTypeOf('function');
      expect(DIAGNOSTIC_MESSAGES.en[code]).toBeTypeOf('function');
    });
  }

  it('translates every fix hint and passes commands through', () => {
    for (const hint of FIX_HINTS) {
      expect(FIX_HINT_MESSAGES.ja[hint]).toBeTypeOf('function');
      expect(FIX_HINT_MESSAGES.en[hint]).toBeTypeOf('function');
    }
    const config = sample('config-missing');
    expect(formatDiagnostic(config, 'ja').fix).toContain('NOTION_TOKEN を');
    expect(formatDiagnostic(config, 'ja').fix).toBe('NOTION_TOKEN を env ファイル /srv/mcp.env に書いて（1 行に 名前=値、chmod 600）から: pm2 restart svc');
    expect(formatDiagnostic(config, 'en').fix).toBe('put NOTION_TOKEN in the env file /srv/mcp.env (NAME=value lines, chmod 600), then: pm2 restart svc');
    expect(formatDiagnostic(sample('dump-missing'), 'ja').fix).toBe('pm2 save');
    expect(formatDiagnostic({ ...sample('startup-found'), fix: null }, 'en').fix).toBeNull();
  });

  it('puts the error-log lines of a restart loop in details', () => {
    expect(formatDiagnostic(sample('restart-loop'), 'en').details).toEqual(['Error: a', 'Error: b']);
    expect(formatDiagnostic(sample('port-not-listening'), 'en').details).toEqual([]);
  });

  it('says config is missing per /health when it cannot name the settings', () => {
    const fromHealth = { ...sample('config-missing'), params: { name: 'svc', missing: '', alternatives: '', source: 'health', restart: 'r' } };
    expect(formatDiagnostic(fromHealth, 'en').text).toBe('svc: upstream credentials are not configured (reported by /health)');
    expect(formatDiagnostic(fromHealth, 'ja').fix).toContain('認証情報');
  });

  it('falls back to the code for an unknown one', () => {
    expect(formatDiagnostic({ code: 'future-thing', severity: 'warning', params: { a: 1 }, fix: null }, 'ja').text)
      .toBe('future-thing {"a":1}');
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(200.4 * 1024 * 1024)).toBe('200 MB');
  });
});

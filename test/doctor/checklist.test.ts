import { describe, expect, it } from 'vitest';
import { parseDoctorArgs } from '../../src/doctor/args.js';
import { buildChecklist } from '../../src/doctor/checklist.js';
import type { Snapshot } from '../../src/pm2-bridge/types.js';
import { makeService } from '../pm2-bridge/diagnostics/service-fixture.js';

const snapshot = (overrides: Partial<Snapshot>): Snapshot => ({
  connection: { kind: 'connected', home: '/h', since: 0, daemonPid: null },
  services: [],
  logs: new Map(),
  diagnostics: [],
  refreshedAt: 0,
  ...overrides,
});

describe('parseDoctorArgs', () => {
  it('reads every flag, both --flag value and --flag=value', () => {
    expect(parseDoctorArgs(['doctor', '--json', '--ascii', '--lang=en', '--pm2-home', '/tmp/x', '--no-color'])).toEqual({
      ok: true, args: { json: true, ascii: true, lang: 'en', pm2Home: '/tmp/x', help: false },
    });
  });
  it('reports the first bad argument but still reads --lang', () => {
    const parsed = parseDoctorArgs(['--nope', '--other', '--lang', 'en']);
    expect(parsed).toMatchObject({ ok: false, bad: '--nope', args: { lang: 'en' } });
    expect(parseDoctorArgs(['--pm2-home'])).toMatchObject({ ok: false, bad: '--pm2-home' });
    expect(parseDoctorArgs(['--lang', 'de'])).toMatchObject({ ok: false, bad: '--lang de' });
    expect(parseDoctorArgs(['--json', 'doctor'])).toMatchObject({ ok: false, bad: 'doctor' });
  });
});

describe('buildChecklist', () => {
  it('ticks every setup check and service with no findings, exit 0', () => {
    const list = buildChecklist(snapshot({ services: [makeService({ name: 'a' })] }), 'en');
    expect(list.setup.map((i) => [i.mark, i.text])).toEqual([
      ['ok', 'PM2 daemon is running (1 service)'],
      ['ok', 'pm2-logrotate is installed'],
      ['ok', 'The saved list (pm2 save) matches what runs now'],
      ['ok', 'PM2 starts at boot'],
    ]);
    expect(list.services[0]?.items.map((i) => i.text)).toEqual(['a (online): no problems']);
    expect(list.exitCode).toBe(0);
  });
  it('counts errors and warnings, keeps info findings as ticks, and exits by the worst', () => {
    const list = buildChecklist(snapshot({
      diagnostics: [
        { code: 'logrotate-settings', severity: 'info', params: { max_size: '10M', retain: '5', rotateInterval: 'x' }, fix: null },
        { code: 'startup-missing', severity: 'warning', params: {}, fix: 'pm2 startup' },
      ],
      services: [makeService({ name: 'a', diagnostics: [{ code: 'port-not-listening', severity: 'error', params: { name: 'a', port: 1 }, fix: 'pm2 logs a' }] })],
    }), 'en');
    expect(list.setup.map((i) => i.mark)).toEqual(['ok', 'ok', 'ok', 'warning']);
    expect(list.services[0]?.items).toEqual([
      { mark: 'error', code: 'port-not-listening', text: 'a: online but not listening on port 1', fix: 'pm2 logs a', details: [], params: { name: 'a', port: 1 } },
    ]);
    expect([list.errors, list.warnings, list.exitCode]).toEqual([1, 1, 1]);
    expect(buildChecklist(snapshot({ diagnostics: [{ code: 'startup-missing', severity: 'warning', params: {}, fix: null }] }), 'en').exitCode).toBe(2);
  });
  it('turns a failed list into an error, without claiming the dump matches', () => {
    const list = buildChecklist(snapshot({ connection: { kind: 'load-failed', home: '/h', error: 'PM2 did not answer getMonitorData within 5000 ms', reason: { code: 'timeout', params: { ms: 5000 } }, lastOkAt: null } }), 'ja');
    expect(list.setup[0]).toMatchObject({ mark: 'error', code: 'list-failed', text: 'プロセス一覧を読めませんでした: PM2 が 5000 ms 以内に応答しませんでした' });
    expect(list.setup.map((i) => i.text)).not.toContain('保存済みの一覧（pm2 save）は今動いているものと同じです');
    expect(list.exitCode).toBe(1);
  });
});

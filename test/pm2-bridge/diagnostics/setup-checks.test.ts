import { describe, expect, it } from 'vitest';
import { pm2CommandBuilder } from '../../../src/pm2-bridge/diagnostics/commands.js';
import { checkSetup, type SetupFacts } from '../../../src/pm2-bridge/diagnostics/setup-checks.js';

const pm2 = pm2CommandBuilder('/h', '/h');
const good: SetupFacts = {
  pm2Home: '/h',
  daemonAnswers: true,
  logrotate: { installed: true, running: true, settings: { max_size: '10M', retain: '5' } },
  saved: { kind: 'ok', names: ['a', 'b'] },
  runningNames: ['a', 'b'],
  startupUnit: '/etc/systemd/system/pm2-u.service',
};
const problems = (facts: SetupFacts) => checkSetup(facts, pm2).filter((d) => d.severity !== 'info');

describe('checkSetup', () => {
  it('has only informational findings for a good setup', () => {
    const findings = checkSetup(good, pm2);
    expect(findings.map((d) => d.code)).toEqual(['logrotate-settings', 'startup-found']);
    expect(findings[0]?.params).toMatchObject({ max_size: '10M', retain: '5', rotateInterval: '0 0 * * *' });
  });
  it('says the daemon is down, with resurrect when a dump exists and start otherwise, and skips the dump', () => {
    const down = { ...good, daemonAnswers: false, runningNames: [] };
    expect(problems(down)).toEqual([{ code: 'daemon-down', severity: 'error', params: { home: '/h' }, fix: 'pm2 resurrect' }]);
    expect(problems({ ...down, saved: { kind: 'none' } })[0]?.fix).toBe('pm2 start ecosystem.config.js');
  });
  it('says pm2-logrotate is not running when it is configured but its process is not online', () => {
    const stopped = { ...good, logrotate: { installed: true as const, running: false, settings: {} } };
    expect(problems(stopped)).toEqual([{ code: 'logrotate-stopped', severity: 'warning', params: {}, fix: 'pm2 restart pm2-logrotate' }]);
  });
  it('recommends pm2-logrotate with the seed settings when missing', () => {
    const [finding] = problems({ ...good, logrotate: { installed: false } });
    expect(finding).toMatchObject({ code: 'logrotate-missing', severity: 'warning' });
    expect(finding?.fix).toBe('pm2 install pm2-logrotate && pm2 set pm2-logrotate:max_size 10M && pm2 set pm2-logrotate:retain 5');
  });
  it('reports a missing, unreadable or different dump, and not a matching one in another order', () => {
    expect(problems({ ...good, saved: { kind: 'none' } })[0]).toMatchObject({ code: 'dump-missing', params: { running: 'a, b' }, fix: 'pm2 save' });
    expect(problems({ ...good, saved: { kind: 'none' }, runningNames: [] })).toEqual([]);
    expect(problems({ ...good, saved: { kind: 'unreadable' } })[0]?.code).toBe('dump-unreadable');
    expect(problems({ ...good, saved: { kind: 'ok', names: ['a', 'old'] }, runningNames: ['b', 'a'] })[0])
      .toMatchObject({ code: 'dump-differs', params: { missing: 'old', extra: 'b' } });
    expect(problems({ ...good, runningNames: ['b', 'a', 'a'] })).toEqual([]);
  });
  it('says PM2 does not start at boot without a unit', () => {
    expect(problems({ ...good, startupUnit: null })).toEqual([{ code: 'startup-missing', severity: 'warning', params: {}, fix: 'pm2 startup' }]);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { parseDoctorArgs } from '../../src/doctor/args.js';

describe('parseCliArgs', () => {
  it('has defaults', () => {
    const parsed = parseCliArgs([]);
    expect(parsed).toMatchObject({ ok: true, args: { command: 'monitor', intervalMs: 1000, historyLines: 200, once: false, json: false, readOnly: false, ascii: false, noColor: false } });
  });
  it('reads every flag, both --opt value and --opt=value', () => {
    const parsed = parseCliArgs(['--lang', 'en', '--once', '--json', '--interval=250', '--read-only', '--ascii', '--no-color', '--pm2-home', '/srv/pm2', '--watch', '--host', 'prod-a', '--host=user@prod-b', '--hosts', '/etc/gakuco/hosts.json', '--context', 'prod', '--no-config', '--history-lines', '1000']);
    expect(parsed).toEqual({
      ok: true,
      args: { command: 'monitor', rest: [], lang: 'en', once: true, json: true, watch: true, intervalMs: 250, historyLines: 1000, readOnly: true, noConfig: true, ascii: true, noColor: true, pm2Home: '/srv/pm2', hosts: ['prod-a', 'user@prod-b'], hostsFile: '/etc/gakuco/hosts.json', context: 'prod', agentUrl: 'http://127.0.0.1:9209', help: false, version: false },
    });
  });
  it('passes everything after action to the action command', () => {
    expect(parseCliArgs(['action', 'restart', '3', '--expect-name', 'web'])).toMatchObject({ ok: true, args: { command: 'action', rest: ['restart', '3', '--expect-name', 'web'] } });
  });
  it('passes everything after doctor to the doctor', () => {
    expect(parseCliArgs(['doctor', '--json', '--lang', 'en'])).toMatchObject({ ok: true, args: { command: 'doctor', rest: ['--json', '--lang', 'en'] } });
  });
  it('rejects unknown options and bad values', () => {
    expect(parseCliArgs(['--bogus'])).toEqual({ ok: false, option: '--bogus' });
    expect(parseCliArgs(['--lang', 'fr'])).toEqual({ ok: false, option: '--lang', value: 'fr' });
    expect(parseCliArgs(['--interval', '10'])).toEqual({ ok: false, option: '--interval', value: '10' });
    expect(parseCliArgs(['--interval', 'soon'])).toEqual({ ok: false, option: '--interval', value: 'soon' });
    expect(parseCliArgs(['--history-lines', '2001'])).toEqual({ ok: false, option: '--history-lines', value: '2001' });
    expect(parseCliArgs(['--history-lines', '-5'])).toEqual({ ok: false, option: '--history-lines', value: '-5' });
    expect(parseCliArgs(['--pm2-home'])).toEqual({ ok: false, option: '--pm2-home', value: '' });
  });
  it('--agent: a URL (plain http to this machine only, no credentials or path) or none', () => {
    const agent = (value: string) => {
      const parsed = parseCliArgs(['--agent', value]);
      return parsed.ok ? parsed.args.agentUrl : 'refused';
    };
    expect(agent('http://127.0.0.1:9300')).toBe('http://127.0.0.1:9300');
    expect(agent('http://[::1]:9300/')).toBe('http://[::1]:9300');
    expect(agent('http://localhost:9209')).toBe('http://localhost:9209');
    expect(agent('https://agent.example.com:9209')).toBe('https://agent.example.com:9209');
    expect(agent('none')).toBeNull();
    expect(agent('off')).toBeNull();
    for (const bad of ['http://10.0.0.5:9209', 'http://agent.example.com', 'https://user:key@agent.example.com', 'http://127.0.0.1:9209/history', 'ftp://127.0.0.1', 'soon', '']) {
      expect(agent(bad), bad).toBe('refused');
    }
  });
  it('reads short and alias forms', () => {
    expect(parseCliArgs(['-h', '-v', '--no-colour'])).toMatchObject({ ok: true, args: { help: true, version: true, noColor: true } });
  });
  it('makes --pm2-home absolute, as doctor does', () => {
    expect(parseCliArgs(['--pm2-home', 'rel/home'])).toMatchObject({ ok: true, args: { pm2Home: resolve('rel/home') } });
    expect(parseDoctorArgs(['--pm2-home=rel/home'])).toMatchObject({ ok: true, args: { pm2Home: resolve('rel/home') } });
  });
  it('refuses stray words, a value on a switch, and reports the first problem', () => {
    expect(parseCliArgs(['--once', 'now'])).toEqual({ ok: false, option: 'now' });
    expect(parseCliArgs(['--once=yes'])).toEqual({ ok: false, option: '--once', value: 'yes' });
    expect(parseCliArgs(['--interval', '', '--bogus'])).toEqual({ ok: false, option: '--interval', value: '' });
    expect(parseCliArgs(['-x'])).toEqual({ ok: false, option: '-x' });
  });
});

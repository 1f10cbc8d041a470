import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseActionCommand } from '../../src/cli/run-action.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { hostsFilePath, parseHostsFile, resolveHosts } from '../../src/remote/hosts-file.js';
import { linkFailure } from '../../src/remote/link-failure.js';
import { NdjsonLines } from '../../src/remote/ndjson-lines.js';
import { RemoteModel } from '../../src/remote/remote-model.js';
import { shellQuote } from '../../src/remote/shell-quote.js';
import { sshArgv } from '../../src/remote/ssh-argv.js';
import { parseActionAnswer, actionAnswerLine } from '../../src/stream/action-answer.js';
import { bannerLines } from '../../src/tui/layout/banner-lines.js';
import { fitColumns } from '../../src/tui/table/fit-columns.js';
import { tableText } from '../../src/tui/table/table-text.js';
import { asciiGlyphs } from '../../src/tui/format/glyphs.js';
import { makeService } from '../tui/fixtures/make-service.js';

const dir = mkdtempSync(join(tmpdir(), 'gakuco-hosts-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hosts file', () => {
  it('lives in the XDG config dir beside config.json', () => {
    expect(hostsFilePath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/op')).toBe('/x/cfg/gakuco-monit/hosts.json');
    expect(hostsFilePath({}, '/home/op')).toBe('/home/op/.config/gakuco-monit/hosts.json');
  });
  it('resolves contexts, names and plain destinations, with the defaults', () => {
    const path = join(dir, 'hosts.json');
    writeFileSync(path, JSON.stringify({ sshArgs: ['-J', 'bastion'], hosts: { a: 'deploy@a.example', b: { ssh: 'b', command: '/opt/g/bin/gakuco-monit', pm2Home: '/srv/pm2' } }, contexts: { prod: ['a', 'b'] } }));
    const resolved = resolveHosts({ hosts: ['user@c'], context: 'prod', hostsFile: path }, '/nowhere');
    expect(resolved).toEqual({
      ok: true,
      hosts: [
        { name: 'a', destination: 'deploy@a.example', command: 'npx --no-install gakuco-monit', pm2Home: null, sshArgs: ['-J', 'bastion'] },
        { name: 'b', destination: 'b', command: '/opt/g/bin/gakuco-monit', pm2Home: '/srv/pm2', sshArgs: ['-J', 'bastion'] },
        { name: 'user@c', destination: 'user@c', command: 'npx --no-install gakuco-monit', pm2Home: null, sshArgs: ['-J', 'bastion'] },
      ],
    });
  });
  it('is optional at its default place, required when named; bad content is an error that names the key', () => {
    expect(resolveHosts({ hosts: ['a'], context: undefined, hostsFile: undefined }, join(dir, 'absent.json'))).toMatchObject({ ok: true, hosts: [{ destination: 'a' }] });
    expect(resolveHosts({ hosts: [], context: undefined, hostsFile: join(dir, 'absent.json') }, '/x')).toMatchObject({ ok: false, problem: { code: 'file-missing' } });
    expect(resolveHosts({ hosts: [], context: undefined, hostsFile: undefined }, '/x')).toEqual({ ok: true, hosts: [] });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hosts": {"a": {"ssh": 3}}}');
    expect(resolveHosts({ hosts: ['a'], context: undefined, hostsFile: bad }, '/x')).toMatchObject({ ok: false, problem: { code: 'file-bad', problem: expect.stringContaining('hosts."a"') } });
    writeFileSync(bad, '{not json');
    expect(resolveHosts({ hosts: ['a'], context: undefined, hostsFile: bad }, '/x')).toMatchObject({ ok: false, problem: { code: 'file-bad' } });
    expect(resolveHosts({ hosts: [], context: 'nope', hostsFile: join(dir, 'hosts.json') }, '/x')).toMatchObject({ ok: false, problem: { code: 'unknown-context', name: 'nope' } });
    expect(parseHostsFile({ contexts: { x: 'a' } })).toEqual({ error: 'contexts."x" must be a list of host names' });
  });
});

describe('ssh command line', () => {
  it('quotes every data word for the remote shell', () => {
    for (const word of ["it's", 'a b', '$(rm -rf /)', '名前', '`x`', '', 'plain-name_1.2']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
    }
  });
  it('never prompts, keeps the operator’s config, and puts the command last', () => {
    const argv = sshArgv({ name: 'b', destination: 'user@b', command: 'npx --no-install gakuco-monit', pm2Home: '/srv/my pm2', sshArgs: ['-J', 'bastion'] }, ['action', 'restart', '3', '--expect-name', "o'neil"]);
    expect(argv.slice(0, 2)).toEqual(['-J', 'bastion']);
    expect(argv).toContain('BatchMode=yes');
    expect(argv.slice(-3)).toEqual(['--', 'user@b', "npx --no-install gakuco-monit action restart 3 --expect-name 'o'\\''neil' --pm2-home '/srv/my pm2'"]);
  });
});

describe('link failures', () => {
  const context = { command: 'gakuco-monit', attempt: 2, retryAt: 99 };
  it('tells a refused host key, a refused login, a missing remote and a lost link apart', () => {
    expect(linkFailure({ code: 255, stderr: 'Host key verification failed.\n', gotHello: false }, context).kind).toBe('host-key-refused');
    expect(linkFailure({ code: 255, stderr: 'root@127.0.0.1: Permission denied (publickey).\n', gotHello: false }, context).kind).toBe('auth-refused');
    expect(linkFailure({ code: 127, stderr: 'bash: line 1: gakuco-monit: command not found\n', gotHello: false }, context)).toEqual({ kind: 'remote-missing', command: 'gakuco-monit', retryAt: 99 });
    expect(linkFailure({ code: 1, stderr: 'npm error npx canceled due to missing packages and no YES option: ["gakuco-monit"]\n', gotHello: false }, context).kind).toBe('remote-missing');
    expect(linkFailure({ code: 255, stderr: 'Connection to 127.0.0.1 closed by remote host.\n', gotHello: true }, context)).toEqual({ kind: 'lost', detail: 'Connection to 127.0.0.1 closed by remote host.', attempt: 2, retryAt: 99 });
  });
  it('are worded in both languages with the retry time', () => {
    for (const messages of [en, ja]) {
      const lines = bannerLines(
        { kind: 'hosts', home: 'a, b, c', hosts: [
          { host: 'a', state: { kind: 'host-key-refused', retryAt: 0 } },
          { host: 'b', state: { kind: 'connected', since: 0, daemon: { kind: 'no-daemon', home: '/srv/pm2', since: 0 } } },
          { host: 'c', state: { kind: 'connected', since: 0, daemon: { kind: 'connected', home: '/srv/pm2', since: 0, daemonPid: 1 } } },
        ] },
        messages,
        { live: true, diagnostics: [], pm2: 'pm2' },
      );
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^a: .*known_hosts/);
      expect(lines[1]).toMatch(/^b: .*\/srv\/pm2/);
    }
  });
});

describe('reading the stream', () => {
  it('splits chunks into lines and drops a line over the bound whole', () => {
    const lines = new NdjsonLines(10);
    expect(lines.push(Buffer.from('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(lines.push(Buffer.from(':2}\n0123456789ABCDEF'))).toEqual(['{"b":2}']);
    expect(lines.push(Buffer.from('more\nok\n'))).toEqual(['ok']);
    expect(lines.dropped).toBe(1);
  });
  it('keeps history before live lines, replaces a grown line, drops a deleted service, makes text safe', () => {
    const model = new RemoteModel(100);
    const service = makeService({ pmId: 4, name: 'web\u001b]0;x\u0007' });
    expect(model.apply(JSON.stringify({ type: 'hello', v: 1 }))).toEqual({ kind: 'hello', version: 1 });
    expect(model.apply(JSON.stringify({ type: 'snapshot', v: 1, at: 1, connection: { kind: 'connected', home: '/h', since: 1, daemonPid: 9 }, refreshedAt: 5, services: [service], diagnostics: [] }))).toEqual({ kind: 'snapshot' });
    expect(model.services[0]!.name).not.toContain('\u001b');
    // A later record leaves the env out when it did not change: the model keeps the one it has.
    const { env, ...withoutEnv } = service;
    model.apply(JSON.stringify({ type: 'snapshot', v: 1, at: 2, connection: { kind: 'connected', home: '/h', since: 1, daemonPid: 9 }, refreshedAt: 6, services: [{ ...withoutEnv, cpu: 42, same: ['env'] }], diagnostics: [] }));
    expect(model.services[0]).toMatchObject({ cpu: 42, env });
    const log = (seq: number, text: string, history = false) => model.apply(JSON.stringify({ type: 'log', v: 1, pmId: 4, seq, at: 1, stream: 'out', text, history }));
    log(1, 'live one');
    log(2, 'half');
    log(-2, 'old one', true);
    log(-1, 'old two', true);
    log(2, 'half and rest');
    expect(model.logs().get(4)!.map((l) => l.text)).toEqual(['old one', 'old two', 'live one', 'half and rest']);
    expect(model.apply('not json')).toEqual({ kind: 'none' });
    expect(model.apply(JSON.stringify({ type: 'log', v: 2, pmId: 4, seq: 3, text: 'future' }))).toEqual({ kind: 'none' });
    model.apply(JSON.stringify({ type: 'snapshot', v: 1, at: 2, connection: { kind: 'connected', home: '/h', since: 1, daemonPid: 9 }, refreshedAt: 6, services: [], diagnostics: [] }));
    expect(model.logs().has(4)).toBe(false);
  });
});

describe('action command', () => {
  it('needs an action, a pm_id and the confirmed name', () => {
    expect(parseActionCommand(['restart', '3', '--expect-name', 'web', '--expect-daemon', '77'])).toEqual({ ok: true, action: 'restart', pmId: 3, name: 'web', daemonPid: 77, pm2Home: undefined });
    expect(parseActionCommand(['restart', '3', '--expect-name', 'web'])).toMatchObject({ ok: true, daemonPid: null });
    expect(parseActionCommand(['explode', '3', '--expect-name', 'web'])).toMatchObject({ ok: false });
    expect(parseActionCommand(['restart', 'x', '--expect-name', 'web'])).toMatchObject({ ok: false });
    expect(parseActionCommand(['restart', '3'])).toMatchObject({ ok: false });
    expect(parseActionCommand(['restart', '3', '--expect-name', 'web', '--expect-daemon', '-1'])).toMatchObject({ ok: false });
  });
  it('answers with one record the monitor reads back', () => {
    const failed = { ok: false as const, error: { code: 'process-replaced' as const, params: { pmId: 3, name: 'web', found: 'api' } } };
    expect(parseActionAnswer(`noise\n${actionAnswerLine(failed)}`)).toEqual(failed);
    expect(parseActionAnswer(actionAnswerLine({ ok: true }))).toEqual({ ok: true });
    expect(parseActionAnswer('Error: something\n')).toBeNull();
  });
});

describe('host column', () => {
  it('is there only with hosts, first, and never dropped', () => {
    expect(fitColumns(120, en, 10).map((c) => c.id)).not.toContain('host');
    expect(fitColumns(120, en, 10, { longestHost: 6 })[0]).toMatchObject({ id: 'host', width: 6 });
    expect(fitColumns(36, en, 10, { longestHost: 6 }).map((c) => c.id)).toEqual(['host', 'name', 'status']);
    const text = tableText([makeService({ pmId: 0, name: 'web', host: 'prod-a' }), makeService({ pmId: 1_000_000, name: 'web', host: 'prod-b' })], { width: 120, messages: en, glyphs: asciiGlyphs, now: 0 });
    expect(text[0]).toMatch(/^\s+Host\s+Name/);
    expect(text.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['prod-a web', 'prod-b web']);
  });
});

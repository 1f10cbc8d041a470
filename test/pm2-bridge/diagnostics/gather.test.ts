import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  daemonAnswers,
  fileExists,
  findBuildProject,
  findStartupUnit,
  errorExcerpt,
  readPm2Modules,
  readSavedList,
  readTail,
  regularFileSizes,
} from '../../../src/pm2-bridge/diagnostics/gather.js';

const root = mkdtempSync(join(tmpdir(), 'gakuco-gather-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string): string => {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
};

describe('files', () => {
  it('tells a missing file from an existing one', async () => {
    writeFileSync(join(dir('f'), 'a.js'), '');
    expect(await fileExists(join(root, 'f', 'a.js'))).toBe(true);
    expect(await fileExists(join(root, 'f', 'dist', 'b.js'))).toBe(false);
  });
  it('finds the project with a build script above a missing dist/ file', async () => {
    const project = dir('proj');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ scripts: { build: 'tsc' } }));
    writeFileSync(join(dir('proj/sub'), 'package.json'), JSON.stringify({ scripts: {} }));
    expect(await findBuildProject(join(project, 'sub', 'dist'))).toBe(project);
    expect(await findBuildProject(dir('lonely/dist'), 2)).toBeNull();
  });
  it('sizes regular files only', async () => {
    const log = join(dir('logs'), 'x.log');
    writeFileSync(log, 'x'.repeat(1234));
    expect(await regularFileSizes([log, log, '/dev/null', join(root, 'nope.log'), null])).toEqual([{ path: log, bytes: 1234 }]);
  });
  it('reads a bounded tail and drops the cut first line', async () => {
    const log = join(dir('tail'), 'err.log');
    writeFileSync(log, `${'a'.repeat(5000)}\nline one\n\nline two\n`);
    expect(await readTail(log, 30)).toBe('line one\n\nline two\n');
    expect(await readTail(join(root, 'missing'), 30)).toBe('');
    expect(errorExcerpt('a\n\nb\r\nc\n', 2, 80)).toEqual(['b', 'c']);
    expect(errorExcerpt('x'.repeat(300), 1, 10)).toEqual(['xxxxxxx...']);
  });
  it('picks the error line of a crash, not the tail of its stack', () => {
    const crash = [
      'node:events:497',
      "      throw er; // Unhandled 'error' event",
      '      ^',
      '',
      'Error: listen EADDRINUSE: address already in use :::3005',
      '    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
      '    at listenInCluster (node:net:1965:12)',
      "Emitted 'error' event on Server instance at:",
      '    at emitErrorNT (node:net:1944:8) {',
      "  code: 'EADDRINUSE',",
      '  errno: -98,',
      "  syscall: 'listen',",
      "  address: '::',",
      '  port: 3005',
      '}',
    ].join('\n');
    expect(errorExcerpt(`${crash}\n${crash}\n`, 3, 200)).toEqual([
      'Error: listen EADDRINUSE: address already in use :::3005',
      '    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
      '    at listenInCluster (node:net:1965:12)',
    ]);
    expect(errorExcerpt('starting\nTypeError: x is not a function\n    at main (/app/a.js:3:1)\n', 1, 200)).toEqual(['TypeError: x is not a function']);
    expect(errorExcerpt("boot\n  code: 'ECONNREFUSED',\n  port: 5432\n}\n", 2, 200)).toEqual(["  code: 'ECONNREFUSED',", '  port: 5432']);
  });
});

describe('PM2 home files', () => {
  it('reads names from dump.pm2, and says when there is none or it is broken', async () => {
    const home = dir('home-dump');
    expect(await readSavedList(home)).toEqual({ kind: 'none' });
    writeFileSync(join(home, 'dump.pm2'), JSON.stringify([{ name: 'a', env: { NOTION_TOKEN: 'x' } }, { name: 'b' }]));
    expect(await readSavedList(home)).toEqual({ kind: 'ok', names: ['a', 'b'] });
    writeFileSync(join(home, 'dump.pm2'), '{not json');
    expect(await readSavedList(home)).toEqual({ kind: 'unreadable' });
  });
  it('finds installed modules in module_conf.json or modules/, and their settings', async () => {
    const home = dir('home-mod');
    expect((await readPm2Modules(home)).installed.size).toBe(0);
    writeFileSync(join(home, 'module_conf.json'), JSON.stringify({
      'module-db-v2': { 'pm2-logrotate': { uid: null } },
      'pm2-logrotate': { max_size: '10M', retain: '5', workerInterval: 30 },
    }));
    mkdirSync(join(home, 'modules', 'pm2-other'), { recursive: true });
    const modules = await readPm2Modules(home);
    expect([...modules.installed].sort()).toEqual(['pm2-logrotate', 'pm2-other']);
    expect(modules.settings.get('pm2-logrotate')).toEqual({ max_size: '10M', retain: '5', workerInterval: '30' });
  });
  it('finds a startup unit that names this home, and not one for another home', async () => {
    const units = dir('units');
    const home = join(root, 'home-a');
    writeFileSync(join(units, 'pm2-other.service'), `Environment=PM2_HOME=${home}-b\nPIDFile=${home}-b/pm2.pid\n`);
    writeFileSync(join(units, 'nginx.service'), `Environment=PM2_HOME=${home}\n`);
    expect(await findStartupUnit(home, [join(root, 'nope'), units])).toBeNull();
    writeFileSync(join(units, 'pm2-u.service'), `Environment=PM2_HOME=${home}\nPIDFile=${home}/pm2.pid\n`);
    expect(await findStartupUnit(home, [units])).toBe(join(units, 'pm2-u.service'));
  });
  it('knows whether something answers on rpc.sock, without creating anything', async () => {
    const home = dir('home-sock');
    expect(await daemonAnswers(home, 500)).toBe(false);
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(join(home, 'rpc.sock'), resolve));
    try {
      expect(await daemonAnswers(home, 500)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await daemonAnswers(home, 500)).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath, DEFAULT_CONFIG, readMonitorConfig, writeMonitorConfig } from '../../../src/tui/config/monitor-config.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'gakuco-config-')));

describe('monitor config file', () => {
  it('lives in the XDG config dir, ~/.config when unset or relative', () => {
    fresh();
    expect(configPath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/op')).toBe('/x/cfg/gakuco-monit/config.json');
    expect(configPath({}, '/home/op')).toBe('/home/op/.config/gakuco-monit/config.json');
    expect(configPath({ XDG_CONFIG_HOME: 'rel' }, '/home/op')).toBe('/home/op/.config/gakuco-monit/config.json');
  });

  it('round-trips the sort and hidden columns, owner-only; absent means defaults and no problem', () => {
    const path = join(fresh(), 'sub', 'config.json');
    expect(readMonitorConfig(path)).toEqual({ config: DEFAULT_CONFIG, problem: null });
    const config = { sort: { key: 'memory', descending: true }, hiddenColumns: ['pid', 'health'] } as const;
    expect(writeMonitorConfig(path, config)).toBeNull();
    expect(readMonitorConfig(path)).toEqual({ config, problem: null });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reports a broken or foreign file and falls back to defaults, leaving it as it was', () => {
    const path = join(fresh(), 'config.json');
    for (const body of ['{not json', '[]', '{"sort":{"key":"colour"}}', '{"hiddenColumns":["name"]}']) {
      writeFileSync(path, body);
      const loaded = readMonitorConfig(path);
      expect(loaded.config).toEqual(DEFAULT_CONFIG);
      expect(loaded.problem).toMatchObject({ code: 'invalid', path });
      expect(readFileSync(path, 'utf8')).toBe(body);
    }
    mkdirSync(join(dir, 'adir'));
    expect(readMonitorConfig(join(dir, 'adir')).problem?.code).toBe('unreadable');
    expect(writeMonitorConfig(join(dir, 'adir'), DEFAULT_CONFIG)).toMatch(/./);
  });
});

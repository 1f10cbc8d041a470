// The env file each server reads its own secrets from: only its names, the file over the environment, a file
// other users can read refused with the fix, a missing file not an error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServiceEnv } from '../../../src/servers/shared/env-file.js';
import { NOTION_ENV } from '../../../src/servers/notion/config.js';
import { CALENDAR_ENV } from '../../../src/servers/google-calendar/config.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gakuco-envfile-'));
  file = join(dir, 'mcp.env');
  writeFileSync(
    file,
    [
      '# both servers read this one file',
      'NOTION_TOKEN=ntn_from_file',
      'GOOGLE_CLIENT_ID=cid.apps.googleusercontent.com',
      'GOOGLE_CLIENT_SECRET="gcs with spaces"',
      'GOOGLE_REFRESH_TOKEN=1//refresh',
      'MCP_API_KEY=shared-key',
      'GCAL_MCP_API_KEY=calendar-key',
      'PORT=9999',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadServiceEnv', () => {
  it('gives each server only its own names from the file, its own API key first', () => {
    const notion = loadServiceEnv(NOTION_ENV, { MCP_ENV_FILE: file, PORT: '3101' });
    const calendar = loadServiceEnv(CALENDAR_ENV, { MCP_ENV_FILE: file, PORT: '3102' });
    if (!notion.ok || !calendar.ok) throw new Error('refused');
    expect(notion.fromFile).toEqual(['NOTION_TOKEN', 'MCP_API_KEY']);
    expect(notion.env).toEqual({ MCP_ENV_FILE: file, PORT: '3101', NOTION_TOKEN: 'ntn_from_file', MCP_API_KEY: 'shared-key' });
    expect(calendar.env).toEqual({
      MCP_ENV_FILE: file,
      PORT: '3102',
      GOOGLE_CLIENT_ID: 'cid.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'gcs with spaces',
      GOOGLE_REFRESH_TOKEN: '1//refresh',
      GCAL_MCP_API_KEY: 'calendar-key',
      MCP_API_KEY: 'calendar-key',
    });
  });

  it('lets the file win over the environment for its names', () => {
    const loaded = loadServiceEnv(NOTION_ENV, { MCP_ENV_FILE: file, NOTION_TOKEN: 'ntn_stale_shell' });
    expect(loaded.ok && loaded.env.NOTION_TOKEN).toBe('ntn_from_file');
  });

  it('starts from the environment alone when there is no file', () => {
    const missing = join(dir, 'none.env');
    const loaded = loadServiceEnv(NOTION_ENV, { MCP_ENV_FILE: missing, NOTION_TOKEN: 'ntn_env' });
    expect(loaded).toEqual({ ok: true, file: missing, fromFile: [], env: { MCP_ENV_FILE: missing, NOTION_TOKEN: 'ntn_env' } });
  });

  it.each([0o644, 0o640, 0o604, 0o620])('refuses a file of mode %o, naming the file and the chmod 600 fix', (mode) => {
    chmodSync(file, mode);
    const loaded = loadServiceEnv(NOTION_ENV, { MCP_ENV_FILE: file });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.message).toContain(`refusing to read secrets from ${file}: its mode is ${mode.toString(8)}`);
    expect(loaded.message).toMatch(new RegExp(`chmod 600 ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(loaded.message).not.toContain('ntn_from_file');
  });

  it('refuses a directory in place of the file', () => {
    const loaded = loadServiceEnv(NOTION_ENV, { MCP_ENV_FILE: dir });
    expect(loaded).toEqual({ ok: false, message: `the env file ${dir} is not a regular file` });
  });
});

// scripts/setup-logrotate.sh against a stand-in pm2 CLI ($PM2_CLI): `pm2 install` needs the npm registry, which
// tests must not reach, so the stand-in records the calls and fails `install` on demand.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/setup-logrotate.sh', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gakuco-logrotate-'));
const calls = join(dir, 'calls.txt');
const standIn = join(dir, 'pm2');
writeFileSync(
  standIn,
  `#!/usr/bin/env bash\necho "$*" >> "${calls}"\nif [ "$1" = install ] && [ -n "\${FAIL_INSTALL:-}" ]; then echo "npm ERR! network" >&2; exit 1; fi\n`,
);
chmodSync(standIn, 0o755);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  rmSync(calls, { force: true });
  return new Promise((resolve) => {
    execFile('bash', [script], { cwd: dir, env: { PATH: process.env.PATH, PM2_CLI: standIn, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('setup-logrotate.sh', () => {
  it('installs pm2-logrotate and sets 10M, retain 5, daily', async () => {
    const result = await run({});
    expect(result.code).toBe(0);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      'install pm2-logrotate',
      'set pm2-logrotate:max_size 10M',
      'set pm2-logrotate:retain 5',
      'set pm2-logrotate:rotateInterval 0 0 * * *',
      'set pm2-logrotate:interval_unit DD',
      'set pm2-logrotate:interval 1',
    ]);
  });

  it('says that pm2 install needs the network when it fails, and sets nothing', async () => {
    const result = await run({ FAIL_INSTALL: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/needs network\s+access/);
    expect(readFileSync(calls, 'utf8').trim()).toBe('install pm2-logrotate');
  });
});

// dist/cli.js as built (scripts/build.mjs bundles pm2's axon sockets and rewrites their Buffer() calls): against a
// real daemon, --once and --json write nothing to stderr. A deprecation warning there would be drawn over the
// monitor's screen, since Node only keeps quiet about Buffer() inside node_modules and a checkout's dist/ is not.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../agent/built-cli.js';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';

let running: PrivatePm2Home;

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [builtCli(), ...args], { env: { ...running.env, LANG: '' }, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
    child.stdin?.end();
  });
}

beforeAll(async () => {
  running = createPrivatePm2Home('gakuco-dist-stderr-');
  const app = join(running.home, 'talker.cjs');
  writeFileSync(app, "setInterval(() => console.log('tick'), 200);\n");
  expect((await running.pm2(['start', app, '--name', 'talker'])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await running?.cleanup();
});

describe('dist/cli.js against a real daemon', () => {
  it('--once and --json answer with nothing on stderr', async () => {
    const once = await runCli(['--once', '--lang', 'en']);
    expect(once.stdout).toContain('talker');
    expect([once.code, once.stderr]).toEqual([0, '']);
    const json = await runCli(['--json']);
    expect((JSON.parse(json.stdout) as { services: { name: string }[] }).services.map((s) => s.name)).toEqual(['talker']);
    expect([json.code, json.stderr]).toEqual([0, '']);
  });
});

// `gakuco-monit --json --watch` as shipped (dist/cli.js) against a real PM2 daemon in a private home: NDJSON
// records, one a line, each parseable on its own; secrets masked; logs of an app that prints odd characters; the
// writer ends by itself when its reader goes away (a closed pipe, `| head`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamRecord } from '../../src/stream/records.js';
import { createPrivatePm2Home, waitFor, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { APPS } from '../pm2-bridge/support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const SECRET = 'ntn_stream_secret_51d2e9';

let home: PrivatePm2Home;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  home = createPrivatePm2Home('gakuco-stream-');
  const started = await home.pm2(['start', join(APPS, 'talker.cjs'), '--name', 'talker'], { env: { NOTION_TOKEN: SECRET } });
  expect(started.code, started.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await home?.cleanup();
});

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('gakuco-monit --json --watch', () => {
  it('streams versioned records, one a line: hello, snapshots, masked log lines', async () => {
    const child = spawn(process.execPath, [CLI, '--json', '--watch', '--interval', '300'], { env: { ...home.env, LANG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const records: StreamRecord[] = [];
    const raw: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      raw.push(line);
      records.push(JSON.parse(line) as StreamRecord);
    });
    try {
      const logTexts = () => records.flatMap((r) => (r.type === 'log' ? [r.text] : []));
      // The history's lines (the secret, the odd line) may come after the first live ones: wait for all three kinds.
      await waitFor(
        () => logTexts().some((t) => /^talk \d+$/.test(t)) && logTexts().some((t) => t.startsWith('token is')) && logTexts().some((t) => t.includes('back')),
        'live and history log lines',
        20_000,
        50,
      );
      expect(records[0]).toMatchObject({ type: 'hello', v: 1, program: 'gakuco-monit', home: home.home });
      expect(records.every((r) => r.v === 1)).toBe(true);
      const snapshot = records.find((r) => r.type === 'snapshot' && r.services.length > 0);
      expect(snapshot?.type === 'snapshot' && snapshot.connection.kind).toBe('connected');
      const talker = snapshot?.type === 'snapshot' ? snapshot.services.find((s) => s.name === 'talker') : undefined;
      expect(talker?.env?.find((e) => e.key === 'NOTION_TOKEN')).toMatchObject({ masked: true });
      // Later records leave the unchanged env out and say so (a reader keeps the one it has).
      await waitFor(() => records.filter((r) => r.type === 'snapshot' && r.services.length > 0).length >= 3, 'three snapshots', 20_000, 50);
      const later = records.filter((r) => r.type === 'snapshot' && r.services.length > 0).at(-1);
      const laterTalker = later?.type === 'snapshot' ? later.services.find((s) => s.name === 'talker') : undefined;
      expect(laterTalker?.env).toBeUndefined();
      expect(laterTalker?.same).toContain('env');
      const logs = records.filter((r) => r.type === 'log');
      expect(logs.every((r) => r.type === 'log' && r.pmId === talker?.pmId)).toBe(true);
      // The odd line arrived in one record, as it stands after its carriage return (live or from the file, alike);
      // the secret never did, in any record.
      expect(logTexts().filter((t) => t.includes('"quoted"'))).toEqual([expect.stringMatching(/^ now .+ "quoted" back$/)]);
      expect(logTexts().some((t) => t.includes('odd'))).toBe(false);
      expect(raw.join('\n')).not.toContain(SECRET);
      // Each seq once, except a partial line that grew (none here: every line is written whole).
      const seqs = logs.map((r) => (r.type === 'log' ? r.seq : 0));
      expect(new Set(seqs).size).toBe(seqs.length);
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }
  }, 40_000);

  it('ends by itself when the reader goes away (| head -n 3)', async () => {
    const child = spawn('sh', ['-c', `"${process.execPath}" "${CLI}" --json --watch --interval 300 | head -n 3`], { env: { ...home.env, LANG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
    // sh waits for both sides of the pipe: it only exits once the writer has ended on its EPIPE.
    expect(await exitOf(child)).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(3);
    expect(err).toBe('');
  }, 30_000);

  it('refuses --watch without --json', async () => {
    const child = spawn(process.execPath, [CLI, '--watch', '--lang', 'en'], { env: { ...home.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
    expect(await exitOf(child)).toBe(64);
    expect(err).toContain('--json --watch');
  });
});

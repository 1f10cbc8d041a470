// bench:redact: what masking costs per log line (8 KiB, the bridge's line cap) for shapes that make regexes
// backtrack, beside an ordinary line. Every line an app prints goes through it, so no shape may cost much more than
// a plain line of the same length. Prints ms per line; bundles src/pm2-bridge/redact.ts on the fly.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'bench-redact-'));
const outfile = join(dir, 'redact.mjs');
await build({ entryPoints: ['src/pm2-bridge/redact.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
const { redactText } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const BYTES = 8 * 1024;
const fill = (unit) => unit.repeat(Math.ceil(BYTES / unit.length)).slice(0, BYTES);
const shapes = {
  'plain text': fill('GET /api/items 200 12ms user=alice '),
  'a-a-…-key': `${fill('a-')}key`,
  'token-token-…': fill('token-'),
  'auth-a…': fill('auth-a'),
  ' --password …': fill(' --password'),
  '"password": …': fill('"password":'),
  'Bearer …': fill('Bearer '),
  '?token …': fill('?token'),
  'a://b:c …': fill('a://b:c'),
  'long run + key=': `${'A'.repeat(BYTES - 4)}key=`,
  'base64-ish': fill('aB3'),
};
console.log('shape                 ms/line   x plain');
let plain = 0;
for (const [name, line] of Object.entries(shapes)) {
  for (let i = 0; i < 20; i += 1) redactText(line);
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 400) {
    redactText(line);
    n += 1;
  }
  const ms = (performance.now() - start) / n;
  if (name === 'plain text') plain = ms;
  console.log(`${name.padEnd(20)} ${ms.toFixed(3).padStart(8)} ${(ms / plain).toFixed(1).padStart(8)}x`);
}

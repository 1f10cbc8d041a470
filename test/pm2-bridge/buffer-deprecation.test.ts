import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `Buffer(16)` 10,000 times from a module under node_modules (as pm2's amp parser does), after settling the
 * check or not, in a fresh node: how long it took and what was printed.
 */
function run(settle: boolean): { ms: number; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gakuco-buffer-dep-'));
  try {
    const lib = join(dir, 'node_modules', 'old-lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'index.cjs'), 'module.exports = () => { for (let i = 0; i < 10000; i++) Buffer(16); };\n');
    const source = readFileSync(join(root, 'src/pm2-bridge/buffer-deprecation.ts'), 'utf8');
    writeFileSync(join(dir, 'settle.mjs'), transformSync(source, { loader: 'ts', format: 'esm' }).code);
    const script = `
      import { createRequire } from 'node:module';
      ${settle ? `const { settleBufferDeprecationCheck } = await import(${JSON.stringify(join(dir, 'settle.mjs'))});
      settleBufferDeprecationCheck();
      await new Promise((resolve) => setImmediate(resolve));` : ''}
      const calls = createRequire(${JSON.stringify(join(dir, 'x.cjs'))})('old-lib/index.cjs');
      const started = performance.now();
      calls();
      console.log(JSON.stringify({ ms: performance.now() - started, noDeprecation: process.noDeprecation ?? false }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; noDeprecation: boolean };
    expect(result.noDeprecation).toBe(false); // put back as it was
    return { ms: result.ms, stderr: child.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('settleBufferDeprecationCheck', () => {
  it("makes node_modules' Buffer() calls skip Node's stack check, printing nothing", () => {
    const plain = run(false);
    const settled = run(true);
    expect(settled.stderr).toBe('');
    expect(plain.stderr).toBe(''); // node_modules' calls are never warned about either way
    console.log(`10,000 Buffer() calls from node_modules: ${plain.ms.toFixed(0)} ms, ${settled.ms.toFixed(0)} ms settled`);
    // ~30 µs a call checked against ~1 µs: a wide margin for a loaded machine.
    expect(settled.ms * 3).toBeLessThan(plain.ms);
  });
});

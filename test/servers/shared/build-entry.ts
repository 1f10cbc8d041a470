// Bundles a test-only entry (fixtures; the servers run from dist/, see built-entry.ts) as ESM, packages external, into
// node_modules/.cache so the bundle resolves the project's packages.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function bundleEntry(entry: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'gakuco-test');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(dirname(entry))}-${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

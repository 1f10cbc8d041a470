// The servers' entries as `npm run build` writes them and ecosystem.config.js names them (dist/, split chunks,
// packages bundled): tests of server processes run these, never a bundle of their own, so a bundling or
// chunk-loading error fails the suite. `npm test` builds first; when dist/ is missing (one file run alone) it is
// built here. After changing src/, run `npm run build` before running such a file alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type BuiltServer = 'notion' | 'google-calendar';

export function builtServerEntry(server: BuiltServer): string {
  const entries = (['notion', 'google-calendar'] as const).map((name) => join(PROJECT_ROOT, 'dist', 'servers', name, 'index.js'));
  if (!entries.every((entry) => existsSync(entry))) {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  }
  return join(PROJECT_ROOT, 'dist', 'servers', server, 'index.js');
}

// dist/cli.js as `npm run build` writes it (the agent runs from it, under PM2 as ecosystem.config.js names it);
// built here when missing. After changing src/, run `npm run build` before running an agent test alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../servers/shared/built-entry.js';

export function builtCli(): string {
  const cli = join(PROJECT_ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  return cli;
}

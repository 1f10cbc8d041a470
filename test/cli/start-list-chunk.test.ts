// The built start-list chunk (src/cli/start-list.ts, imported beside the bridge's before the monitor's chunk) and
// everything it imports hold no package code: drawing the list on the start screen loads neither Ink, React nor Yoga.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

/** A chunk and the chunks it imports, transitively (esbuild writes them as `from "./chunk-X.js"` / `import "./chunk-X.js"`). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, next] of readFileSync(join(dist, file), 'utf8').matchAll(/(?:from|import) "\.\/([\w-]+\.js)"/g)) closure(next!, seen);
  return seen;
}

describe('the start-list chunk (dist/)', () => {
  it('and all it imports bundle no package: no Ink, no React, no Yoga before the monitor chunk loads', () => {
    if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does)`);
    const entry = readdirSync(dist).find((name) => /^start-list-[A-Z0-9]+\.js$/.test(name));
    expect(entry, 'dist/start-list-*.js').toBeDefined();
    const files = [...closure(entry!)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const source = readFileSync(join(dist, file), 'utf8');
      expect(source, file).not.toMatch(/^\/\/ node_modules\//m);
      expect(source, file).not.toContain('run-monitor-');
    }
    // Its own code is there: the table's lines and the start screen's header.
    const all = files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    expect(all).toContain('// src/tui/table/table-lines.ts');
    expect(all).toContain('// src/cli/start-screen.ts');
  });
});

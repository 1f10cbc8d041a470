// The import boundaries in eslint.config.js fire: each case lints a line of source as if it sat in a given file.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('only the bridge imports pm2', async () => {
    expect(await restrictedImports('src/pm2-bridge/x.ts', "import pm2 from 'pm2';")).toEqual([]);
    for (const file of ['src/cli/x.ts', 'src/doctor/x.ts', 'src/tui/x.ts', 'src/servers/shared/x.ts', 'src/cli.tsx']) {
      const messages = await restrictedImports(file, "import pm2 from 'pm2';");
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toMatch(/Only src\/pm2-bridge talks to pm2/);
    }
    expect(await restrictedImports('src/cli/x.ts', "import x from 'pm2/lib/API.js';")).toHaveLength(1);
  });

  it('the TUI imports only types from pm2-bridge/types.js', async () => {
    expect(await restrictedImports('src/tui/a/x.ts', "import type { Service } from '../../pm2-bridge/types.js';")).toEqual([]);
    expect(await restrictedImports('src/tui/a/x.ts', "import { SERVICE_ACTIONS } from '../../pm2-bridge/types.js';")).toHaveLength(1);
    expect(await restrictedImports('src/tui/a/x.ts', "import { createBridge } from '../../pm2-bridge/index.js';")).toEqual([
      expect.stringMatching(/only through pm2-bridge\/types\.js/),
    ]);
    expect(await restrictedImports('src/tui/a/x.ts', "import type { X } from '../../pm2-bridge/store.js';")).toHaveLength(1);
    // The rest of the monitor may use the bridge.
    expect(await restrictedImports('src/cli/x.ts', "import { createBridge } from '../pm2-bridge/index.js';")).toEqual([]);
  });

  it('the servers and the monitor never import each other', async () => {
    for (const [file, from] of [
      ['src/cli/x.ts', '../servers/shared/metrics.js'],
      ['src/doctor/x.ts', '../servers/shared/env-file.js'],
      ['src/pm2-bridge/x.ts', '../servers/shared/env-file.js'],
      ['src/tui/a/x.ts', '../../servers/shared/metrics.js'],
    ] as const) {
      expect(await restrictedImports(file, `import { x } from '${from}';`), file).toEqual([
        expect.stringMatching(/must not import src\/servers/),
      ]);
    }
    for (const from of ['../../pm2-bridge/types.js', '../../tui/format/bytes.js', '../../cli/once-text.js', '../../doctor/index.js', '../../i18n/en.js', '../../cli.js']) {
      expect(await restrictedImports('src/servers/notion/x.ts', `import type { X } from '${from}';`), from).toEqual([
        expect.stringMatching(/must not import the monitor/),
      ]);
    }
    expect(await restrictedImports('src/servers/notion/x.ts', "import { x } from '../shared/metrics.js';")).toEqual([]);
  });
});

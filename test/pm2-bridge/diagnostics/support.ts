// Shared bits of the diagnostics integration tests: the fixture apps, free ports, one diagnosed snapshot.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDiagnosticsProvider, type DiagnosticsOptions } from '../../../src/pm2-bridge/diagnostics/index.js';
import { readSnapshotOnce } from '../../../src/pm2-bridge/index.js';
import type { Diagnostic, DiagnosticsProvider, Service, Snapshot } from '../../../src/pm2-bridge/types.js';
import type { PrivatePm2Home } from '../../helpers/pm2-home.js';

export const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'diagnostics');

/** Names the tests' pm2 CLI calls must not inherit from the shell running vitest. */
const CONFIG_NAMES = [
  'NOTION_TOKEN', 'MCP_API_KEY', 'HOST', 'PORT', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_REFRESH_TOKEN',
  'GOOGLE_TOKEN_FILE', 'GOOGLE_APPLICATION_CREDENTIALS',
];

/** Drops inherited configuration from a private home's env so every app starts from a known state. */
export function cleanEnv(home: PrivatePm2Home): PrivatePm2Home {
  for (const name of CONFIG_NAMES) delete home.env[name];
  return home;
}

export { freePort } from '../../helpers/free-port.js';

/** Starts a fixture under pm2 with extra env; throws with pm2's output when it fails. */
export async function startApp(
  home: PrivatePm2Home,
  script: string,
  name: string,
  env: Record<string, string> = {},
  extraArgs: string[] = [],
): Promise<void> {
  const path = script.startsWith('/') ? script : join(FIXTURES, script);
  const result = await home.pm2(['start', path, '--name', name, ...extraArgs], { env });
  if (result.code !== 0) throw new Error(`pm2 start ${name} failed: ${result.stdout}\n${result.stderr}`);
}

export async function diagnosedSnapshot(
  home: PrivatePm2Home,
  provider: DiagnosticsProvider | DiagnosticsOptions = {},
): Promise<Snapshot> {
  const diagnostics = 'diagnose' in provider ? provider : createDiagnosticsProvider({ startupDirs: [], pm2Program: 'pm2', ...provider });
  return readSnapshotOnce({ pm2Home: home.home, diagnostics });
}

export function service(snapshot: Snapshot, name: string): Service {
  const found = snapshot.services.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name} in ${snapshot.services.map((s) => s.name).join(', ')}`);
  return found;
}

export function codesOf(snapshot: Snapshot, name: string): string[] {
  return service(snapshot, name).diagnostics.map((d) => d.code);
}

export function finding(snapshot: Snapshot, name: string, code: string): Diagnostic | undefined {
  return service(snapshot, name).diagnostics.find((d) => d.code === code);
}

/** Starts apps from one JSON ecosystem file: one CLI call for many apps, and options the CLI has no flag for. */
export async function startFromEcosystem(
  home: PrivatePm2Home,
  apps: Record<string, unknown> | Record<string, unknown>[],
): Promise<void> {
  const list = (Array.isArray(apps) ? apps : [apps]).map((app): Record<string, unknown> => {
    const script = String(app.script);
    return { ...app, script: script.startsWith('/') ? script : join(FIXTURES, script) };
  });
  const file = join(home.home, `${String(list[0]?.name)}-${list.length}.config.json`);
  writeFileSync(file, JSON.stringify({ apps: list }));
  const result = await home.pm2(['start', file]);
  if (result.code !== 0) throw new Error(`pm2 start ${file} failed: ${result.stdout}\n${result.stderr}`);
}

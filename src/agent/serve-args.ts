// `gakuco-monit serve` arguments, on the CLI's one flag parser (src/cli/flags.ts). Pure: argv in, options or the
// offending argument out.
import { resolve } from 'node:path';
import { helpFlag, langFlag, parseFlags, pm2HomeFlag, switchFlag, valueFlag, type Flag } from '../cli/flags.js';

export interface ServeArgs {
  port: number | undefined;
  host: string | undefined;
  config: string | undefined;
  pm2Home: string | undefined;
  lang: string | undefined;
  check: boolean;
  help: boolean;
}

export type ServeArgsResult = { ok: true; args: ServeArgs } | { ok: false; bad: string };

const SERVE_FLAGS: readonly Flag<ServeArgs>[] = [
  langFlag(),
  pm2HomeFlag(),
  helpFlag(),
  switchFlag('check', (a) => void (a.check = true)),
  valueFlag('port', (a, v) => {
    const port = Number(v);
    if (v.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65535) return false;
    a.port = port;
    return true;
  }),
  valueFlag('host', (a, v) => {
    if (v.trim() === '') return false;
    a.host = v.trim();
    return true;
  }),
  valueFlag('config', (a, v) => {
    if (v === '') return false;
    a.config = resolve(v);
    return true;
  }),
];

export function parseServeArgs(argv: readonly string[]): ServeArgsResult {
  const args: ServeArgs = { port: undefined, host: undefined, config: undefined, pm2Home: undefined, lang: undefined, check: false, help: false };
  const parsed = parseFlags(argv, SERVE_FLAGS, args);
  if (!parsed.ok) return { ok: false, bad: parsed.value === undefined ? parsed.option : `${parsed.option} ${parsed.value}`.trim() };
  const stray = parsed.positionals[0];
  return stray === undefined ? { ok: true, args } : { ok: false, bad: stray };
}

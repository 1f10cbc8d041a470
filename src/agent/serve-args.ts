// `gakuco-monit serve` arguments (node:util parseArgs). Pure: argv in, options or the offending argument out.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export interface ServeArgs {
  port: number | undefined;
  host: string | undefined;
  config: string | undefined;
  pm2Home: string | undefined;
  lang: 'ja' | 'en' | undefined;
  check: boolean;
  help: boolean;
}

export type ServeArgsResult = { ok: true; args: ServeArgs } | { ok: false; bad: string };

export function parseServeArgs(argv: readonly string[]): ServeArgsResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'pm2-home': { type: 'string' },
        lang: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^']+)'/.exec(message);
    return { ok: false, bad: quoted?.[1] ?? message };
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) return { ok: false, bad: `--port ${values.port}` };
  if (values.lang !== undefined && values.lang !== 'ja' && values.lang !== 'en') return { ok: false, bad: `--lang ${values.lang}` };
  for (const name of ['host', 'config', 'pm2-home'] as const) {
    if (values[name] === '') return { ok: false, bad: `--${name}` };
  }
  return {
    ok: true,
    args: {
      port,
      host: values.host,
      config: values.config === undefined ? undefined : resolve(values.config),
      pm2Home: values['pm2-home'] === undefined ? undefined : resolve(values['pm2-home']),
      lang: values.lang,
      check: values.check,
      help: values.help,
    },
  };
}

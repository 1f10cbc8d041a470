// `gakuco-monit doctor` arguments. Pure: argv in, options or a usage error out.
import { resolve } from 'node:path';

export interface DoctorArgs {
  lang: string | undefined;
  json: boolean;
  ascii: boolean;
  pm2Home: string | undefined;
  help: boolean;
}

export type ParsedDoctorArgs = { ok: true; args: DoctorArgs } | { ok: false; bad: string; args: DoctorArgs };

/** Reads every argument, so a valid --lang still applies to the message about an invalid one. */
export function parseDoctorArgs(argv: readonly string[]): ParsedDoctorArgs {
  const args: DoctorArgs = { lang: undefined, json: false, ascii: false, pm2Home: undefined, help: false };
  let bad: string | null = null;
  const reject = (what: string): void => {
    bad ??= what;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case 'doctor':
        if (i !== 0) reject(arg); // `gakuco-monit doctor ...` may pass its own name along
        break;
      case '--json':
        args.json = true;
        break;
      case '--ascii':
        args.ascii = true;
        break;
      case '--no-color':
      case '--color':
        break; // doctor prints no colour; accepted so the monitor's flags can be reused
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--lang': {
        const lang = value();
        if (lang === 'ja' || lang === 'en') args.lang = lang;
        else reject(`${flag} ${lang ?? ''}`.trim());
        break;
      }
      case '--pm2-home': {
        const home = value();
        if (home) args.pm2Home = resolve(home);
        else reject(flag);
        break;
      }
      default:
        reject(arg);
    }
  }
  return bad === null ? { ok: true, args } : { ok: false, bad, args };
}

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

export function parseDoctorArgs(argv: readonly string[]): ParsedDoctorArgs {
  const args: DoctorArgs = { lang: undefined, json: false, ascii: false, pm2Home: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case 'doctor':
        if (i === 0) break; // `gakuco-monit doctor ...` may pass its own name along
        return { ok: false, bad: arg, args };
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
        if (lang !== 'ja' && lang !== 'en') return { ok: false, bad: `${flag} ${lang ?? ''}`.trim(), args };
        args.lang = lang;
        break;
      }
      case '--pm2-home': {
        const home = value();
        if (!home) return { ok: false, bad: flag, args };
        args.pm2Home = resolve(home);
        break;
      }
      default:
        return { ok: false, bad: arg, args };
    }
  }
  return { ok: true, args };
}

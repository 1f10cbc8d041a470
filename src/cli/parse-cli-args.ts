import type { CliArgs, CliArgsResult } from './cli-args.js';

const MIN_INTERVAL_MS = 100;

/** Parses `gakuco-monit [options]` and `gakuco-monit doctor …` (both `--opt value` and `--opt=value`). */
export function parseCliArgs(argv: readonly string[]): CliArgsResult {
  const args: CliArgs = {
    command: 'monitor',
    rest: [],
    lang: undefined,
    once: false,
    json: false,
    watch: false,
    intervalMs: 1000,
    readOnly: false,
    ascii: false,
    noColor: false,
    pm2Home: undefined,
    help: false,
    version: false,
  };
  if (argv[0] === 'doctor') return { ok: true, args: { ...args, command: 'doctor', rest: argv.slice(1) } };
  for (let i = 0; i < argv.length; i += 1) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const option = eq === -1 ? raw : raw.slice(0, eq);
    const takeValue = (): string | undefined => (eq === -1 ? argv[++i] : raw.slice(eq + 1));
    switch (option) {
      case '--once':
        args.once = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--watch':
        args.watch = true;
        break;
      case '--read-only':
        args.readOnly = true;
        break;
      case '--ascii':
        args.ascii = true;
        break;
      case '--no-color':
      case '--no-colour':
        args.noColor = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--version':
      case '-v':
        args.version = true;
        break;
      case '--lang': {
        const value = takeValue();
        if (value !== 'ja' && value !== 'en') return { ok: false, option, value: value ?? '' };
        args.lang = value;
        break;
      }
      case '--interval': {
        const value = takeValue();
        const ms = Number(value);
        if (value === undefined || !Number.isInteger(ms) || ms < MIN_INTERVAL_MS) return { ok: false, option, value: value ?? '' };
        args.intervalMs = ms;
        break;
      }
      case '--pm2-home': {
        const value = takeValue();
        if (value === undefined || value === '') return { ok: false, option, value: value ?? '' };
        args.pm2Home = value;
        break;
      }
      default:
        return { ok: false, option: raw };
    }
  }
  return { ok: true, args };
}

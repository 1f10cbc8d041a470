// The one command-line parser of gakuco-monit and its subcommands (`doctor`, ...), on node:util parseArgs. A command
// lists its flags as data; adding one is one line in that list (src/cli/parse-cli-args.ts MONITOR_FLAGS, or
// src/doctor/args.ts DOCTOR_FLAGS), with a shared flag from here when two commands take it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface FlagNames {
  /** The long name without dashes, e.g. "pm2-home"; aliases are other long names. */
  name: string;
  aliases?: readonly string[];
  /** One letter, e.g. "h" for -h. */
  short?: string;
}

/** A flag: a switch (`--once`) or one that takes a value (`--lang en` or `--lang=en`). */
export type Flag<A> =
  | (FlagNames & { takesValue?: false; set(args: A): void })
  | (FlagNames & {
      takesValue: true;
      /** Applies the value; false when it is not a valid one (the caller words the error). */
      set(args: A, value: string): boolean;
    });

export type FlagsResult<A> =
  | { ok: true; args: A; positionals: string[] }
  /** The first problem: an unknown option (no value), or a bad or missing value ('' when missing). */
  | { ok: false; args: A; option: string; value?: string; positionals: string[] };

export function switchFlag<A>(name: string, set: (args: A) => void, more: Omit<FlagNames, 'name'> = {}): Flag<A> {
  return { name, ...more, set };
}

export function valueFlag<A>(name: string, set: (args: A, value: string) => boolean, more: Omit<FlagNames, 'name'> = {}): Flag<A> {
  return { name, ...more, takesValue: true, set };
}

/**
 * Reads every argument (so a valid --lang still words the error about a bad one) and reports the first problem.
 * Positionals are returned for the command to judge.
 */
export function parseFlags<A>(argv: readonly string[], flags: readonly Flag<A>[], args: A): FlagsResult<A> {
  const byName = new Map<string, Flag<A>>();
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const flag of flags) {
    for (const name of [flag.name, ...(flag.aliases ?? [])]) {
      byName.set(name, flag);
      options[name] = { type: flag.takesValue ? 'string' : 'boolean', ...(name === flag.name && flag.short ? { short: flag.short } : {}) };
    }
  }
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  let problem: { option: string; value?: string } | null = null;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const flag = byName.get(token.name);
    if (flag === undefined) {
      problem ??= { option: token.rawName };
    } else if (flag.takesValue) {
      if (token.value === undefined || !flag.set(args, token.value)) problem ??= { option: token.rawName, value: token.value ?? '' };
    } else if (token.value !== undefined) {
      problem ??= { option: token.rawName, value: token.value };
    } else {
      flag.set(args);
    }
  }
  return problem === null ? { ok: true, args, positionals } : { ok: false, args, positionals, ...problem };
}

// Flags more than one command takes.

export function langFlag<A extends { lang: string | undefined }>(): Flag<A> {
  return valueFlag('lang', (args, value) => {
    if (value !== 'ja' && value !== 'en') return false;
    args.lang = value;
    return true;
  });
}

/** --pm2-home DIR, made absolute (the monitor and doctor resolve it the same way). */
export function pm2HomeFlag<A extends { pm2Home: string | undefined }>(): Flag<A> {
  return valueFlag('pm2-home', (args, value) => {
    if (value === '') return false;
    args.pm2Home = resolve(value);
    return true;
  });
}

export function helpFlag<A extends { help: boolean }>(): Flag<A> {
  return switchFlag('help', (args) => void (args.help = true), { short: 'h' });
}

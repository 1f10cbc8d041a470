// `gakuco-monit doctor` arguments, on the CLI's one parser (src/cli/flags.ts). Pure: argv in, options or a usage
// error out.
import { helpFlag, langFlag, parseFlags, pm2HomeFlag, switchFlag, type Flag } from '../cli/flags.js';

export interface DoctorArgs {
  lang: string | undefined;
  json: boolean;
  ascii: boolean;
  pm2Home: string | undefined;
  help: boolean;
}

export type ParsedDoctorArgs = { ok: true; args: DoctorArgs } | { ok: false; bad: string; args: DoctorArgs };

/** doctor's flags: add one here, and its field to DoctorArgs. */
const DOCTOR_FLAGS: readonly Flag<DoctorArgs>[] = [
  langFlag(),
  pm2HomeFlag(),
  helpFlag(),
  switchFlag('json', (a) => void (a.json = true)),
  switchFlag('ascii', (a) => void (a.ascii = true)),
  // doctor prints no colour; accepted so the monitor's flags can be reused.
  switchFlag('no-color', () => {}, { aliases: ['no-colour', 'color'] }),
];

/** Reads every argument, so a valid --lang still applies to the message about an invalid one. */
export function parseDoctorArgs(argv: readonly string[]): ParsedDoctorArgs {
  const args: DoctorArgs = { lang: undefined, json: false, ascii: false, pm2Home: undefined, help: false };
  // `gakuco-monit doctor ...` may pass its own name along, first.
  const parsed = parseFlags(argv[0] === 'doctor' ? argv.slice(1) : argv, DOCTOR_FLAGS, args);
  if (!parsed.ok) return { ok: false, bad: `${parsed.option} ${parsed.value ?? ''}`.trim(), args };
  const stray = parsed.positionals[0];
  return stray === undefined ? { ok: true, args } : { ok: false, bad: stray, args };
}

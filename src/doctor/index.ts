// `gakuco-monit doctor`: the diagnostics as a checklist for a terminal, cron or an SSH one-liner. Reads the
// process list only when a daemon already answers; never starts one.
import { createDiagnosticsProvider, defaultPm2Home, pm2Program, type DiagnosticsOptions } from '../pm2-bridge/diagnostics/index.js';
import { readSnapshotOnce } from '../pm2-bridge/index.js';
import type { Snapshot } from '../pm2-bridge/types.js';
import { DOCTOR_MESSAGES } from '../i18n/doctor.js';
import { resolveLang } from '../i18n/resolve-lang.js';
import { parseDoctorArgs } from './args.js';
import { buildChecklist, EXIT_OK, EXIT_USAGE } from './checklist.js';
import { renderChecklistJson, renderChecklistText } from './render.js';

export { buildChecklist, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, type Checklist } from './checklist.js';

export interface DoctorIo {
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
  /** Options for the diagnostics (tests use a smaller log limit and their own startup directories). */
  diagnostics?: DiagnosticsOptions;
  readSnapshot?: typeof readSnapshotOnce;
}

/** Runs the doctor and returns its exit code: 0 all good, 1 errors, 2 warnings only, 64 bad arguments. */
export async function runDoctor(argv: string[], io: DoctorIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const parsed = parseDoctorArgs(argv);
  const lang = resolveLang(parsed.args.lang, env, parsed.args.ascii);
  const m = DOCTOR_MESSAGES[lang];
  if (!parsed.ok) {
    stderr.write(`${m.badArgument(parsed.bad)}\n${m.usage}\n`);
    return EXIT_USAGE;
  }
  if (parsed.args.help) {
    stdout.write(`${m.usage}\n`);
    return EXIT_OK;
  }
  const shellPm2Home = defaultPm2Home(env);
  const pm2Home = parsed.args.pm2Home ?? shellPm2Home;
  const provider = createDiagnosticsProvider({ shellPm2Home, pm2Program: pm2Program(env), ...io.diagnostics });
  const snapshot: Snapshot = await (io.readSnapshot ?? readSnapshotOnce)({
    pm2Home,
    diagnostics: provider,
    exactText: parsed.args.json,
  });
  const checklist = buildChecklist(snapshot, lang);
  stdout.write(parsed.args.json ? renderChecklistJson(checklist, lang) : renderChecklistText(checklist, lang, parsed.args.ascii));
  return checklist.exitCode;
}

// gakuco-monit: the PM2 monitor (interactive), --once / --json for scripts and SSH without a terminal, `doctor`, and `serve` (the resident agent).
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from './i18n/diagnostics.js';
import type { Messages } from './i18n/messages.js';
import { messagesFor } from './i18n/messages-for.js';
import type { HostsProblem } from './remote/hosts-file.js';
import { resolveLang } from './i18n/resolve-lang.js';
import { pm2Program } from './pm2-bridge/diagnostics/commands.js';
import { canRunInteractive } from './cli/can-run-interactive.js';
import { exitAfterFlush } from './cli/exit-after-flush.js';
import { leaveCiModeForInk } from './cli/ink-env.js';
import { onceText } from './cli/once-text.js';
import { parseCliArgs } from './cli/parse-cli-args.js';
import { snapshotJson } from './cli/snapshot-json.js';
import { showStartScreen, startScreenText } from './cli/start-screen.js';
import { keepYoungGenerationOnceShown, letYoungGenerationGrow } from './cli/v8-heap-flags.js';
import { resolvePm2Home } from './pm2-bridge/pm2-home.js';
import { hostsConnection } from './remote/hosts-connection.js';
import { formatClockTime } from './tui/format/clock-time.js';
import { makeDisplayOptions } from './tui/display/make-display-options.js';
import { asciiGlyphs, unicodeGlyphs } from './tui/format/glyphs.js';
import { hintEntries } from './tui/keys/hint-entries.js';
import { wantsAscii } from './tui/display/wants-ascii.js';
import { wantsColor } from './tui/display/wants-color.js';

const EXIT_USAGE = 64;
const EXIT_NO_TTY = 2;

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  const lang = resolveLang(parsed.ok ? parsed.args.lang : undefined, process.env, parsed.ok && parsed.args.ascii);
  const messages = messagesFor(lang);
  if (!parsed.ok) {
    process.stderr.write(
      `${parsed.value === undefined ? messages.cli.unknownOption(parsed.option) : messages.cli.badValue(parsed.option, parsed.value)}\n`,
    );
    return exitAfterFlush(EXIT_USAGE);
  }
  const args = parsed.args;
  if (args.command === 'doctor') {
    const { runDoctor } = await import('./doctor/index.js');
    return exitAfterFlush(await runDoctor(args.rest));
  }
  if (args.command === 'serve') {
    const { runServe } = await import('./agent/serve.js');
    return exitAfterFlush(await runServe(args.rest));
  }
  if (args.command === 'action') {
    const { runActionCommand } = await import('./cli/run-action.js');
    return exitAfterFlush(await runActionCommand(args.rest));
  }
  if (args.help) {
    const glyphs = wantsAscii(args.ascii, process.env.TERM) ? asciiGlyphs : unicodeGlyphs;
    process.stdout.write(`${messages.cli.usage}\n${messages.cli.keys(hintEntries(messages, glyphs, false).join(', '))}\n`);
    return exitAfterFlush(0);
  }
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  if (args.version) {
    process.stdout.write(`${version}\n`);
    return exitAfterFlush(0);
  }
  if (args.watch && !args.json) {
    process.stderr.write(`${messages.cli.watchNeedsJson}\n`);
    return exitAfterFlush(EXIT_USAGE);
  }
  if (args.watch) {
    if (args.hosts.length > 0 || args.context !== undefined) {
      process.stderr.write(`${messages.hosts.watchLocalOnly}\n`);
      return exitAfterFlush(EXIT_USAGE);
    }
    const { runWatch } = await import('./cli/run-watch.js');
    return runWatch(args, version);
  }
  const display = makeDisplayOptions({
    lang,
    ascii: wantsAscii(args.ascii, process.env.TERM),
    color: wantsColor(args.noColor, process.env),
    readOnly: args.readOnly,
    pm2: pm2Program(process.env),
  });

  const { hostsFilePath, resolveHosts } = await import('./remote/hosts-file.js');
  const resolved = resolveHosts(args, hostsFilePath(process.env));
  if (!resolved.ok) {
    process.stderr.write(`${hostsProblemText(resolved.problem, messages)}\n`);
    return exitAfterFlush(EXIT_USAGE);
  }
  const hosts = resolved.hosts;
  if (hosts.length > 0 && (args.once || args.json)) {
    const { runHostsOnce } = await import('./cli/run-hosts-once.js');
    return exitAfterFlush(await runHostsOnce(args, hosts, display));
  }

  if (args.once || args.json) {
    const { readSnapshotOnce, readSnapshotAndInsightsOnce } = await import('./pm2-bridge/index.js');
    const { createDiagnosticsProvider, defaultPm2Home } = await import('./pm2-bridge/diagnostics/index.js');
    try {
      const options = { pm2Home: args.pm2Home, exactText: args.json, diagnostics: createDiagnosticsProvider({ shellPm2Home: defaultPm2Home(process.env) }) };
      const { snapshot, insights } = args.json ? await readSnapshotAndInsightsOnce(options) : { snapshot: await readSnapshotOnce(options), insights: undefined };
      const width = process.stdout.isTTY ? process.stdout.columns : Number.POSITIVE_INFINITY;
      process.stdout.write(
        args.json
          ? snapshotJson(snapshot, insights)
          : onceText(snapshot, { width, messages, glyphs: display.glyphs, now: Date.now(), describeDiagnostic: (d) => formatDiagnostic(d, lang), pm2: display.pm2 }),
      );
      return exitAfterFlush(0);
    } catch (error) {
      process.stderr.write(`${messages.cli.loadFailed(error instanceof Error ? error.message : String(error))}\n`);
      return exitAfterFlush(1);
    }
  }

  if (!canRunInteractive(process.stdin, process.stdout)) {
    process.stderr.write(`${messages.cli.notTty}\n`);
    return exitAfterFlush(EXIT_NO_TTY);
  }
  leaveCiModeForInk(process.env);
  // The monitor's row one at once, before anything else loads (src/cli/start-screen.ts); Ink's first frame is a diff against it.
  const connection = hosts.length > 0 ? hostsConnection(hosts.map((host) => ({ host: host.name, state: { kind: 'connecting' } }))) : ({ kind: 'connecting', home: resolvePm2Home(args.pm2Home) } as const);
  const startScreen = showStartScreen(process.stdout, startScreenText({ connection, width: process.stdout.columns, clock: formatClockTime(Date.now()), display }));
  // Until the list is on screen, src/cli/v8-heap-flags.ts.
  letYoungGenerationGrow();
  // The source first (its chunk holds neither Ink nor React): it starts connecting to the daemon and asks for the
  // first list while the monitor's chunk loads and React mounts.
  const { createMonitorSource } = await import('./cli/monitor-source.js');
  const source = createMonitorSource(args, hosts);
  keepYoungGenerationOnceShown(source.bridge);
  // Then the list's rows on the start screen as soon as the bridge has them (a small chunk: no Ink, no React).
  const { drawListOnStartScreen, readMonitorConfigFile } = await import('./cli/start-list.js');
  const config = readMonitorConfigFile(args);
  const stopDrawing = drawListOnStartScreen(startScreen, source, config, display, process);
  const { runMonitor } = await import('./cli/run-monitor.js');
  stopDrawing();
  runMonitor(display, source, config, startScreen.handOver());
}

function hostsProblemText(problem: HostsProblem, messages: Messages): string {
  const h = messages.hosts;
  switch (problem.code) {
    case 'file-missing':
      return h.fileMissing(problem.path);
    case 'file-bad':
      return h.fileBad(problem.path, problem.problem);
    case 'unknown-context':
      return h.unknownContext(problem.name, problem.path);
    case 'no-hosts':
      return h.noHosts;
  }
}

void main();

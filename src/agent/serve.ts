// `gakuco-monit serve`: the resident agent. Watches the PM2 daemon through the bridge (never starting one, back
// by itself after `pm2 kill`), evaluates the alert rules on a timer, sends notices, and serves /metrics, /health,
// /history and /alerts. Meant to run under PM2 itself (ecosystem.config.js, app gakuco-monit-agent).
import { readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { hostname } from 'node:os';
import { AGENT_MESSAGES, type AgentMessages } from '../i18n/agent.js';
import { resolveLang } from '../i18n/resolve-lang.js';
import { createBridge, resolvePm2Home } from '../pm2-bridge/index.js';
import type { ListView } from '../pm2-bridge/types.js';
import { createDiagnosticsProvider, defaultPm2Home } from '../pm2-bridge/diagnostics/index.js';
import { isLoopbackHost } from '../shared/host-guard.js';
import { DEFAULT_CONFIG, parseAgentConfig, type AgentConfig } from './agent-config.js';
import { createTransitionLog, exceptionCounts, exportHistory } from './agent-history.js';
import { createAgentHttpServer } from './agent-http.js';
import { createAgentMetrics } from './metrics/agent-metrics.js';
import { deliver } from './notify/deliver.js';
import { toNotice } from './notify/notice.js';
import { createNotifier, type Outcome } from './notify/notifier.js';
import { sampleOf } from './rules/alert-sample.js';
import { EMPTY_RULE_STATE, evaluateRules, type Alert, type RuleState } from './rules/evaluate-rules.js';
import { parseServeArgs } from './serve-args.js';

const EXIT_USAGE = 64;
const EXIT_CONFIG = 78;
/** The PM2 list refresh, and so the history's sample interval; process events refresh at once besides. */
const REFRESH_MS = 2000;
/**
 * The agent's history: 10 min of raw samples, then 5 min buckets for 24 h (the monitor keeps 1 h raw and 1 min
 * buckets). /history hands a later monitor the same day at a coarser grain, for a fifth of the raw rings (60 apps:
 * 5.5 -> 1 MB) and a fifth of the buckets a day holds.
 */
const HISTORY = { rawSpanMs: 10 * 60_000, bucketMs: 5 * 60_000, coarseSpanMs: 24 * 3_600_000 };

type Loaded = { ok: true; config: AgentConfig } | { ok: false; lines: string[] };

function loadConfig(file: string | undefined, m: AgentMessages): Loaded {
  if (file === undefined) return { ok: true, config: DEFAULT_CONFIG };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, lines: [m.configProblem(file, { path: '', code: 'unreadable', expected: code })] };
  }
  const parsed = parseAgentConfig(text);
  return parsed.ok ? parsed : { ok: false, lines: parsed.problems.map((p) => m.configProblem(file, p)) };
}

/** Runs the agent; resolves with an exit code when it does not start (or --help / --check), else never. */
export async function runServe(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseServeArgs(argv);
  const early = AGENT_MESSAGES[resolveLang(parsed.ok ? parsed.args.lang : undefined, env)];
  if (!parsed.ok) {
    process.stderr.write(`${early.badArgument(parsed.bad)}\n`);
    return EXIT_USAGE;
  }
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${early.usage}\n`);
    return 0;
  }
  const loaded = loadConfig(args.config, early);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.lines.join('\n')}\n`);
    return EXIT_CONFIG;
  }
  const config = loaded.config;
  const m = AGENT_MESSAGES[resolveLang(args.lang ?? config.lang, env)];
  const host = args.host ?? config.host;
  const port = args.port ?? config.port;
  let apiKey = env.GAKUCO_AGENT_API_KEY?.trim() || null;
  if (apiKey === null && config.apiKeyFile !== null) {
    try {
      apiKey = readFileSync(config.apiKeyFile, 'utf8').trim() || null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      process.stderr.write(`${m.configProblem(config.apiKeyFile, { path: '', code: 'unreadable', expected: code })}\n`);
      return EXIT_CONFIG;
    }
  }
  if (!isLoopbackHost(host) && apiKey === null) {
    process.stderr.write(`${m.exposedWithoutKey(host)}\n`);
    return EXIT_CONFIG;
  }
  if (args.config !== undefined && config.receivers.length > 0 && (statSync(args.config).mode & 0o077) !== 0) {
    process.stderr.write(`${m.configWorldReadable(args.config)}\n`);
  }
  if (args.check) {
    process.stdout.write(`${m.configOk(args.config ?? '-')}\n`);
    return 0;
  }
  return startAgent({ config, host, port, apiKey, pm2Home: resolvePm2Home(args.pm2Home ?? env.PM2_HOME), m, env });
}

/** The agent's own memory, MB: what bench:agent and an operator look at first. */
function agentMemory(): Record<string, number> {
  const m = process.memoryUsage();
  const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
}

interface StartOptions {
  config: AgentConfig;
  host: string;
  port: number;
  apiKey: string | null;
  pm2Home: string;
  m: AgentMessages;
  env: NodeJS.ProcessEnv;
}

function startAgent({ config, host, port, apiKey, pm2Home, m, env }: StartOptions): Promise<number> {
  // A resident process that holds ~10 MB and makes a few MB of garbage per list refresh: V8 grows the heap less
  // ahead of what lives (its heuristics read this flag at each collection).
  setFlagsFromString('--optimize-for-size');
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const machine = hostname();
  const bridge = createBridge({
    pm2Home,
    refreshIntervalMs: REFRESH_MS,
    readOnly: true,
    // The agent shows no logs: keep the bridge's log buffers small.
    logLinesPerService: 20,
    historyLines: 0,
    logBytesBudget: 1024 * 1024,
    diagnostics: createDiagnosticsProvider({ shellPm2Home: defaultPm2Home(env) }),
    diagnosticsIntervalMs: 30_000,
    history: HISTORY,
  });
  const metrics = createAgentMetrics();
  const transitions = createTransitionLog();
  const outcomes = new Map<string, Record<Outcome, number>>(config.receivers.map((r) => [r.name, { sent: 0, failed: 0, dropped: 0 }]));
  const notifier = createNotifier({
    receivers: config.receivers,
    settings: config.notify,
    deliver,
    onOutcome(receiver, notice, outcome, detail) {
      metrics.countNotification(receiver, outcome);
      const counts = outcomes.get(receiver);
      if (counts) counts[outcome] += 1;
      log(m.delivery(receiver, notice.status, notice.key, detail ? `${outcome} (${detail})` : outcome));
    },
  });

  let state: RuleState = EMPTY_RULE_STATE;
  /** Bumped when the firing set changes: with the snapshot's version, says when /metrics must be rendered anew. */
  let alertsVersion = 0;
  let rendered: { list: ListView; alerts: number; insights: number; body: string } | null = null;
  let firing: Alert[] = [];
  let pending: Alert[] = [];
  const evaluate = (): void => {
    const at = Date.now();
    const step = evaluateRules(state, sampleOf(bridge.getList(), at, exceptionCounts(bridge)), config.rules);
    state = step.state;
    firing = step.firing;
    pending = [...state.alerts.values()].filter((a) => a.firedAt === null);
    transitions.add(step.transitions);
    if (step.transitions.length > 0) alertsVersion += 1;
    for (const t of step.transitions) {
      const summary = m.alertLine(t.kind, t.alert, machine);
      log(summary);
      notifier.notify(toNotice(t, machine, summary));
    }
  };
  const timer = setInterval(evaluate, config.evaluateIntervalMs);

  const server = createAgentHttpServer({
    host,
    allowedHosts: config.allowedHosts,
    apiKey,
    onError: (what) => log(`internal error: ${what}`),
    routes: {
      async metrics() {
        // The data changes once per refresh (or alert transition): scrapes in between get the same text.
        const list = bridge.getList();
        const insights = bridge.getInsights().version;
        if (rendered === null || rendered.list !== list || rendered.alerts !== alertsVersion || rendered.insights !== insights) {
          const body = await metrics.render({ list, firing, now: Date.now(), exceptionsOf: exceptionCounts(bridge) });
          rendered = { list, alerts: alertsVersion, insights, body };
        }
        return { contentType: metrics.contentType, body: rendered.body };
      },
      health() {
        const snapshot = bridge.getSnapshot();
        const daemon = snapshot.connection.kind;
        return {
          status: daemon === 'connected' ? 'ok' : 'degraded',
          daemon,
          services: snapshot.services.length,
          refreshedAt: snapshot.refreshedAt,
          firing: firing.length,
          receivers: [...outcomes].map(([name, counts]) => ({ name, ...counts })),
          agent: agentMemory(),
        };
      },
      history: () => exportHistory(bridge.getList(), bridge, REFRESH_MS),
      alerts: () => ({ firing, pending, transitions: transitions.list() }),
    },
  });

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (code: number): void => {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      notifier.close();
      server.close();
      server.closeAllConnections();
      const bridgeClosed = bridge.close().catch(() => undefined);
      const deadline = new Promise((r) => setTimeout(r, 2000).unref());
      void Promise.race([bridgeClosed, deadline]).then(() => resolve(code));
    };
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(`${m.listenFailed(host, port, error.code ?? error.message)}\n`);
      stop(1);
    });
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      log(m.listening(`http://${shown}:${bound}/metrics`, pm2Home, config.receivers.length));
      process.send?.('ready');
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        log(m.stopping);
        stop(0);
      });
    }
  });
}

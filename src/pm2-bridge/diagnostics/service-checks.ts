// Per-service checks: facts in, findings out. No I/O here; gather.ts collects the facts.
import type { Diagnostic, Service } from '../types.js';
import { diagnostic, HINT_PREFIX } from './codes.js';
import type { Pm2CommandBuilder } from './commands.js';
import { recreateCommand, shellQuote } from './commands.js';
import {
  effectiveHost,
  isLoopbackHost,
  isSet,
  missingCredentials,
  type ServiceRequirements,
} from './requirements.js';

/** What gather.ts found out about one service. */
export interface ServiceFacts {
  /** Whether the script file exists; null when it could not be checked (permissions, no path). */
  scriptExists: boolean | null;
  /** The nearest directory above the script with a package.json that has a "build" script, else null. */
  buildProjectDir: string | null;
  /** Regular log files of the service with their sizes. */
  logFiles: readonly { path: string; bytes: number }[];
  /** Restarts PM2 forced by max_memory_restart since the service was created (from pm2.log). */
  memoryRestarts: number;
  /** Restarts within the restart window (tracked samples and pm2.log starts, whichever saw more). */
  recentRestarts: number;
  /** The error-log lines that explain a restart loop (errorExcerpt), short; empty unless a loop was suspected. */
  lastErrorLines: readonly string[];
  /** The service's cwd when an ecosystem.config.js is there (fixes that re-read it start with `cd` there). */
  ecosystemDir?: string | null;
}

export interface ServiceCheckContext {
  now: number;
  pm2: Pm2CommandBuilder;
  requirements: Readonly<Record<string, ServiceRequirements>>;
  logSizeLimitBytes: number;
  logrotateInstalled: boolean;
  restartWindowMs: number;
  /** More restarts than this inside the window is a loop. */
  maxRestartsInWindow: number;
  /** An online service gets this long after its start before "port not listening" is reported. */
  portGraceMs: number;
  /** Fraction of max_memory_restart above which memory is reported. */
  memoryWarnRatio: number;
}

const BUILD_OUTPUT_DIR = /(^|[\\/])(dist|build)[\\/]/;

export function checkScript(service: Service, facts: ServiceFacts, ctx: ServiceCheckContext): Diagnostic[] {
  if (facts.scriptExists !== false) return [];
  const params = { name: service.name, script: service.script };
  if (BUILD_OUTPUT_DIR.test(service.script) && facts.buildProjectDir !== null) {
    return [diagnostic('script-not-built', { ...params, project: facts.buildProjectDir },
      `cd ${shellQuote(facts.buildProjectDir)} && npm run build && ${ctx.pm2(`restart ${shellQuote(service.name)}`)}`)];
  }
  const recreate = recreateCommand(ctx.pm2, service.name, facts.ecosystemDir ?? null);
  return [diagnostic('script-missing', { ...params, recreate }, `${HINT_PREFIX}script-path`)];
}

/** The env file the MCP servers read their secrets from (src/servers/shared/env-file.ts): MCP_ENV_FILE or the default. */
export const DEFAULT_ENV_FILE_TEXT = '~/.config/gakuco-monit/mcp.env';

export function checkConfig(service: Service, ctx: ServiceCheckContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const required = ctx.requirements[service.name];
  // The one way to set credentials: the env file, which the server reads at every start, then a plain restart.
  const envFileEntry = service.env.find((e) => e.key === 'MCP_ENV_FILE' && e.value.trim() !== '');
  const envFile = envFileEntry?.value.trim() ?? DEFAULT_ENV_FILE_TEXT;
  const restart = ctx.pm2(`restart ${shellQuote(service.name)}`);
  const fromHealth = service.portCheck?.upstreamConfigured ?? null;
  // The service knows best what it uses (a token file, a key file): trust /health when it answers. With an env file
  // the secrets never reach the PM2 env, so its names tell nothing.
  if (fromHealth !== true) {
    const fromEnv = required && !envFileEntry ? missingCredentials(service.env, required.credentials) : null;
    if (fromEnv !== null || fromHealth === false) {
      findings.push(diagnostic('config-missing', {
        name: service.name,
        missing: fromEnv?.missing.join(', ') ?? '',
        alternatives: fromEnv?.alternatives.join(' / ') ?? '',
        source: fromHealth === false ? 'health' : 'env',
        restart,
        envFile,
      }, `${HINT_PREFIX}set-env`));
    }
  }
  if (required?.apiKeyWhenExposed && !envFileEntry) {
    const host = effectiveHost(service.env);
    if (!isLoopbackHost(host) && !isSet(service.env, 'MCP_API_KEY')) {
      findings.push(diagnostic('api-key-missing', {
        name: service.name, host, missing: 'MCP_API_KEY', restart, envFile,
      }, `${HINT_PREFIX}set-api-key`));
    }
  }
  return findings;
}

export function checkPort(service: Service, ctx: ServiceCheckContext, ecosystemDir: string | null = null): Diagnostic[] {
  const check = service.portCheck;
  if (service.port === null || check === null) return [];
  const restart = ctx.pm2(`restart ${shellQuote(service.name)}`);
  if (check.conflict !== null && check.conflict.pid !== service.pid) {
    // A changed PORT is read only when PM2 creates the app again; a plain restart is enough once the port is free.
    const recreate = recreateCommand(ctx.pm2, service.name, ecosystemDir);
    return [diagnostic('port-conflict', {
      name: service.name, port: service.port, pid: check.conflict.pid, command: check.conflict.command, restart, recreate,
    }, `${HINT_PREFIX}free-port`)];
  }
  const settled = service.startedAt === null || ctx.now - service.startedAt >= ctx.portGraceMs;
  if (service.status === 'online' && check.listening === false && settled) {
    return [diagnostic('port-not-listening', { name: service.name, port: service.port },
      ctx.pm2(`logs ${shellQuote(service.name)} --err --lines 50`))];
  }
  return [];
}

export function checkMemory(service: Service, facts: ServiceFacts, ctx: ServiceCheckContext): Diagnostic[] {
  const limit = service.maxMemoryRestart;
  if (limit === null || limit <= 0) return [];
  const findings: Diagnostic[] = [];
  if (service.status === 'online' && service.memory > limit * ctx.memoryWarnRatio) {
    findings.push(diagnostic('memory-high', {
      name: service.name, memory: service.memory, limit, percent: Math.round((service.memory / limit) * 100),
    }, `${HINT_PREFIX}raise-memory-limit`));
  }
  if (facts.memoryRestarts > 0) {
    findings.push(diagnostic('memory-restarts', { name: service.name, count: facts.memoryRestarts, limit },
      `${HINT_PREFIX}raise-memory-limit`));
  }
  return findings;
}

/**
 * PM2 counts unstable restarts (up before min_uptime) only during its first min_uptime x max_restarts after
 * creation, and once max_restarts is reached it marks the app errored and sets the count back to 0: an errored
 * app that has restarted at all is a loop PM2 gave up on.
 */
export function isRestartLoopSuspected(service: Service, recentRestarts: number, ctx: ServiceCheckContext): boolean {
  return service.unstableRestarts > 0 ||
    recentRestarts > ctx.maxRestartsInWindow ||
    (service.status === 'errored' && service.restarts > 0);
}

export function checkRestarts(service: Service, facts: ServiceFacts, ctx: ServiceCheckContext): Diagnostic[] {
  if (!isRestartLoopSuspected(service, facts.recentRestarts, ctx)) return [];
  return [diagnostic('restart-loop', {
    name: service.name,
    status: service.status,
    restarts: service.restarts,
    unstable: service.unstableRestarts,
    recent: facts.recentRestarts,
    minutes: Math.round(ctx.restartWindowMs / 60_000),
    lastErrors: facts.lastErrorLines.join('\n'),
  }, ctx.pm2(`logs ${shellQuote(service.name)} --err --lines 50`))];
}

export function checkLogs(service: Service, facts: ServiceFacts, ctx: ServiceCheckContext): Diagnostic[] {
  const fix = ctx.logrotateInstalled ? ctx.pm2(`flush ${shellQuote(service.name)}`) : ctx.pm2('install pm2-logrotate');
  return facts.logFiles
    .filter((file) => file.bytes > ctx.logSizeLimitBytes)
    .map((file) => diagnostic('log-too-large', {
      name: service.name, file: file.path, bytes: file.bytes, limit: ctx.logSizeLimitBytes,
      logrotate: ctx.logrotateInstalled ? 'installed' : 'missing',
    }, fix));
}

export function checkService(service: Service, facts: ServiceFacts, ctx: ServiceCheckContext): Diagnostic[] {
  return [
    ...checkScript(service, facts, ctx),
    ...checkConfig(service, ctx),
    ...checkPort(service, ctx, facts.ecosystemDir ?? null),
    ...checkMemory(service, facts, ctx),
    ...checkRestarts(service, facts, ctx),
    ...checkLogs(service, facts, ctx),
  ];
}

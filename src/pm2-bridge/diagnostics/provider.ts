// The DiagnosticsProvider the bridge's store calls: gathers the facts for one pass, runs the pure checks, and
// keeps the restart samples between passes. Never throws; a fact that cannot be read yields no finding.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic, DiagnosticsProvider, DiagnosticsReport, KnownDaemonFacts, Service } from '../types.js';
import { defaultPm2Home, pm2CommandBuilder, pm2Program } from './commands.js';
import {
  daemonAnswers,
  defaultStartupDirs,
  fileExists,
  findBuildProject,
  findStartupUnit,
  errorExcerpt,
  readPm2Modules,
  readSavedList,
  readTail,
  regularFileSizes,
} from './gather.js';
import { countMemoryRestarts, countStarts, groupByPmId, parsePm2Log, type Pm2LogEvent } from './pm2-log.js';
import { SERVICE_REQUIREMENTS, type ServiceRequirements } from './requirements.js';
import { RestartHistory } from './restart-history.js';
import { checkService, isRestartLoopSuspected, type ServiceCheckContext, type ServiceFacts } from './service-checks.js';
import { checkSetup } from './setup-checks.js';

/** The seed's pm2-logrotate max_size. */
export const SEED_ROTATION_BYTES = 10 * 1024 * 1024;

export interface DiagnosticsOptions {
  /** Log files above this many bytes are reported. Default 10 MiB (the seed's `max_size 10M`). */
  logSizeLimitBytes?: number;
  /** Default 10 minutes. */
  restartWindowMs?: number;
  /** More restarts than this within the window is a restart loop. Default 5. */
  maxRestartsInWindow?: number;
  /** Default 0.8 (80% of max_memory_restart). */
  memoryWarnRatio?: number;
  /** Time after a start before an online service must listen on its port. Default 10 s. */
  portGraceMs?: number;
  /** Configuration each service needs, by PM2 app name. Default SERVICE_REQUIREMENTS. */
  requirements?: Readonly<Record<string, ServiceRequirements>>;
  /** Directories searched for a `pm2 startup` unit. Default: the systemd, init.d, rc.d and launchd places. */
  startupDirs?: readonly string[];
  /** How many error-log lines a restart-loop finding carries. Default 5. */
  errorLines?: number;
  /** The PM2 home a plain `pm2` in the operator's shell uses; fixes for another home name it. */
  shellPm2Home?: string;
  /** How fixes call pm2: `pm2`, or `npx pm2` when pm2 is not on PATH. Default: looked up on PATH once. */
  pm2Program?: string;
  now?: () => number;
}

const PM2_LOG_TAIL_BYTES = 1024 * 1024;
const ERROR_LOG_TAIL_BYTES = 16 * 1024;
const ERROR_LINE_MAX_CHARS = 200;

export function createDiagnosticsProvider(options: DiagnosticsOptions = {}): DiagnosticsProvider {
  const restartWindowMs = options.restartWindowMs ?? 10 * 60_000;
  const history = new RestartHistory(restartWindowMs);
  const now = options.now ?? Date.now;
  const program = options.pm2Program ?? pm2Program();
  // pm2.log changes only when pm2 does something: parse its tail again only when its size or mtime moved.
  let pm2Log: { path: string; size: number; mtimeMs: number; events: Map<number, Pm2LogEvent[]> } | null = null;

  async function pm2LogEvents(pm2Home: string): Promise<Map<number, Pm2LogEvent[]>> {
    const path = join(pm2Home, 'pm2.log');
    const info = await stat(path).catch(() => null);
    if (info === null) return new Map();
    if (pm2Log?.path === path && pm2Log.size === info.size && pm2Log.mtimeMs === info.mtimeMs) return pm2Log.events;
    const events = groupByPmId(parsePm2Log(await readTail(path, PM2_LOG_TAIL_BYTES)));
    pm2Log = { path, size: info.size, mtimeMs: info.mtimeMs, events };
    return events;
  }

  async function diagnose(services: readonly Service[], pm2Home: string, known: KnownDaemonFacts): Promise<DiagnosticsReport> {
    const at = now();
    const pm2 = pm2CommandBuilder(pm2Home, options.shellPm2Home ?? defaultPm2Home(), program);
    const [answers, modules, saved, startupUnit, events] = await Promise.all([
      // The bridge's link knows whether the daemon answers; connecting to rpc.sock on every pass costs the daemon
      // an accept and a socket set-up for nothing new (12 a minute at the 5 s interval).
      known.daemonAnswers ?? daemonAnswers(pm2Home),
      readPm2Modules(pm2Home),
      readSavedList(pm2Home),
      findStartupUnit(pm2Home, options.startupDirs ?? defaultStartupDirs()),
      pm2LogEvents(pm2Home),
    ]);
    const logrotateInstalled = modules.installed.has('pm2-logrotate');
    const apps = services.filter((s) => !modules.installed.has(s.name));

    const setup = checkSetup({
      pm2Home,
      daemonAnswers: answers,
      logrotate: logrotateInstalled
        ? {
            installed: true,
            running: answers ? services.some((s) => s.name === 'pm2-logrotate' && s.status === 'online') : null,
            settings: modules.settings.get('pm2-logrotate') ?? {},
          }
        : { installed: false },
      // PM2 restores modules from module_conf.json, not from the saved list: compare apps only.
      saved: saved.kind === 'ok' ? { kind: 'ok', names: saved.names.filter((name) => !modules.installed.has(name)) } : saved,
      runningNames: apps.map((s) => s.name),
      startupUnit,
    }, pm2);

    const ctx: ServiceCheckContext = {
      now: at,
      pm2,
      requirements: options.requirements ?? SERVICE_REQUIREMENTS,
      logSizeLimitBytes: options.logSizeLimitBytes ?? SEED_ROTATION_BYTES,
      logrotateInstalled,
      restartWindowMs,
      maxRestartsInWindow: options.maxRestartsInWindow ?? 5,
      portGraceMs: options.portGraceMs ?? 10_000,
      memoryWarnRatio: options.memoryWarnRatio ?? 0.8,
    };
    const perService = await Promise.all(apps.map(async (service) => {
      const facts = await gatherServiceFacts(service, events.get(service.pmId) ?? [], ctx, history, options.errorLines ?? 5);
      return [service.pmId, checkService(service, facts, ctx)] as const;
    }));
    history.retain(new Set(apps.map(historyKey)));
    return { services: new Map<number, readonly Diagnostic[]>(perService), setup };
  }

  return {
    async diagnose(services, pm2Home, known = {}) {
      try {
        return await diagnose(services, pm2Home, known);
      } catch {
        // A bug here must not take the monitor down: no findings is the honest fallback.
        return { services: new Map(), setup: [] };
      }
    },
  };
}

function historyKey(service: Service): string {
  return `${service.pmId}:${service.name}`;
}

async function gatherServiceFacts(
  service: Service,
  events: readonly Pm2LogEvent[],
  ctx: ServiceCheckContext,
  history: RestartHistory,
  errorLineCount: number,
): Promise<ServiceFacts> {
  const scriptPath = service.script === '' || isAbsolute(service.script)
    ? service.script
    : resolve(service.cwd, service.script);
  const scriptExists = await fileExists(scriptPath);
  const buildProjectDir = scriptExists === false ? await findBuildProject(dirname(scriptPath)) : null;
  const logFiles = await regularFileSizes([service.outLogPath, service.errLogPath]);

  // pm2.log dates have whole seconds: compare from the start of the second the service was created in.
  const createdAt = service.createdAt === null ? 0 : Math.floor(service.createdAt / 1000) * 1000;
  const memoryRestarts = countMemoryRestarts(events, service.pmId, createdAt);

  const windowStart = Math.max(createdAt, ctx.now - ctx.restartWindowMs);
  const startsInWindow = countStarts(events, service.name, service.pmId, windowStart);
  // The first start of a service created inside the window is not a restart.
  const restartsFromLog = Math.max(0, startsInWindow - (createdAt >= ctx.now - ctx.restartWindowMs ? 1 : 0));
  const restartsTracked = history.record(historyKey(service), ctx.now, service.restarts);
  const recentRestarts = Math.max(restartsFromLog, restartsTracked);

  const lastErrorLines = isRestartLoopSuspected(service, recentRestarts, ctx) && service.errLogPath
    ? errorExcerpt(await readTail(service.errLogPath, ERROR_LOG_TAIL_BYTES), errorLineCount, ERROR_LINE_MAX_CHARS)
    : [];
  const ecosystemDir = service.cwd !== '' && (await fileExists(join(service.cwd, 'ecosystem.config.js'))) === true ? service.cwd : null;
  return { scriptExists, buildProjectDir, logFiles, memoryRestarts, recentRestarts, lastErrorLines, ecosystemDir };
}

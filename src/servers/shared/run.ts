// The whole life of one MCP server process, as PM2 runs it: settings from the environment, listen, tell PM2 it is
// ready, publish metrics, and on SIGINT/SIGTERM shut down cleanly (stop accepting, close sessions, release the
// upstream, exit 0) well inside ecosystem.config.js's kill_timeout.
//   await runFromEnv(createNotionService(configFromEnv(process.env)));
import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import type { ServiceDefinition } from './service.js';
import { startMcpHttpServer, type RunningMcpServer } from './http-server.js';
import { runConfigFromEnv } from './run-config.js';
import { publishToPm2, type ServerActions } from './pm2-metrics.js';
import { loadSdkKit } from './sdk-kit.js';
import { toolFilterFromEnv } from './tool-filter.js';
import { loadServiceEnv, type ServiceEnvSpec } from './env-file.js';
import { defaultSessionKeyFile, readOrCreateSessionKeyFile } from './session-key-file.js';

/**
 * ecosystem.config.js gives PM2 a kill_timeout above this: if shutdown hangs, exit anyway before SIGKILL. A cluster
 * worker may take up to ~6 s (its idle keep-alive connections drain: http-server.ts).
 */
export const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * The environment a server's settings come from: the process environment with the server's own names from the env
 * file laid over it (env-file.ts). An unsafe or unreadable file ends the process with exit code 1 and says why.
 */
export function serviceEnvOrExit(name: string, spec: ServiceEnvSpec, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const loaded = loadServiceEnv(spec, env);
  if (!loaded.ok) {
    process.stderr.write(`${name}: ${loaded.message}\n`);
    process.exit(1);
  }
  const names = loaded.fromFile.length > 0 ? loaded.fromFile.join(', ') : 'none of its settings';
  process.stdout.write(`${name}: env file ${loaded.file}: ${names}\n`);
  return loaded.env;
}

/**
 * envSpec: the server's names in the env file, for the PM2 action "re-read credentials" (reads the file again and
 * hands the upstream credentials to the service: def.reconfigure).
 */
export async function runFromEnv(
  def: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
  envSpec?: ServiceEnvSpec,
): Promise<RunningMcpServer> {
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const parsed = runConfigFromEnv(env, def.defaultPort);
  if (!parsed.ok) {
    process.stderr.write(`${def.name}: ${parsed.message}\n`);
    process.exit(1);
  }
  const { config } = parsed;
  for (const warning of config.warnings) process.stderr.write(`${def.name}: ${warning}\n`);

  let running: RunningMcpServer;
  try {
    running = await startMcpHttpServer(def, {
      host: config.host,
      port: config.port,
      apiKey: config.apiKey,
      allowedHosts: config.allowedHosts,
      maxSessions: config.maxSessions,
      sessionIdleMs: config.sessionIdleMs,
      rateLimit: config.rateLimit,
      subscriptionPollMs: config.subscriptionPollMs,
      toolFilter: toolFilterFromEnv(env),
      sessionSecret: sessionSecret(def, config.apiKey, env),
      drainIdleConnections: cluster.isWorker,
      log: say,
      errorLog: (line) => void process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (another process, or an old instance still running)`
        : code === 'EACCES'
          ? `no permission to listen on port ${config.port}`
          : code === 'EADDRNOTAVAIL'
            ? `HOST ${config.host} is not an address of this machine`
            : String((error as Error).message);
    process.stderr.write(`${def.name}: cannot listen on ${config.host}:${config.port}: ${reason}\n`);
    process.exit(1);
  }

  const upstream = def.upstream();
  say(
    `${def.name} ${def.version} listening on ${running.url}/mcp ` +
      `(${config.apiKey === null ? 'no API key' : 'API key required'}` +
      `${upstream.configured ? '' : `; upstream not configured, missing ${upstream.missing.join(', ')}`})`,
  );
  // Set now, not as a node flag: from the start it costs ~90 ms of start-up CPU; from here on it keeps the heap
  // small (bench/servers.mjs: RSS after 300 abandoned sessions about +20 MB instead of +45 MB). It only changes
  // V8's heap-sizing heuristics.
  setFlagsFromString('--optimize-for-size');
  publishToPm2(def.metrics, serverActions(def, running, envSpec), say);
  installShutdown(def, running, say);
  // With wait_ready in ecosystem.config.js, PM2 counts the app as online only from here.
  process.send?.('ready');
  // The port answers already; now load the SDK and the tools, so that the first session does not wait for them.
  setImmediate(() => {
    Promise.all([loadSdkKit(), def.prepare?.()])
      .then(() => running.loadTools())
      .catch((error: unknown) => {
        process.stderr.write(`${def.name}: cannot load the MCP SDK or the tools: ${(error as Error).message}\n`);
      });
  });
  return running;
}

function serverActions(def: ServiceDefinition, running: RunningMcpServer, envSpec: ServiceEnvSpec | undefined): ServerActions {
  return {
    closeIdleSessions(idleSeconds) {
      const closed = running.closeIdleSessions(idleSeconds * 1000);
      return { ok: true, closed, open: running.sessionCount() };
    },
    async rereadCredentials() {
      if (envSpec === undefined || def.reconfigure === undefined) return { ok: false, error: 'this server has no credentials to re-read' };
      const loaded = loadServiceEnv(envSpec, process.env);
      if (!loaded.ok) return { ok: false, error: loaded.message };
      await def.reconfigure(loaded.env);
      const upstream = def.upstream();
      return { ok: true, file: loaded.file, fromFile: loaded.fromFile, configured: upstream.configured, missing: upstream.missing };
    },
  };
}

function installShutdown(def: ServiceDefinition, running: RunningMcpServer, say: (line: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    say(`${def.name}: ${signal} received, shutting down`);
    const deadline = setTimeout(() => {
      process.stderr.write(`${def.name}: shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms, exiting anyway\n`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    void (async () => {
      await running.close();
      await def.close?.().catch((error: unknown) => {
        process.stderr.write(`${def.name}: error while closing upstream: ${(error as Error).name}\n`);
      });
      say(`${def.name}: stopped (${running.healthProbes()} health probes answered)`);
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** With MCP_API_KEY, ids are keyed from it; without, from the 0600 key file (or, if unusable, this process only). */
function sessionSecret(def: ServiceDefinition, apiKey: string | null, env: NodeJS.ProcessEnv): string | Buffer | undefined {
  if (apiKey !== null) return apiKey;
  const file = readOrCreateSessionKeyFile(defaultSessionKeyFile(env));
  if (file.ok) return file.secret;
  process.stderr.write(`${def.name}: warning: ${file.message}; sessions will not survive a restart\n`);
  return undefined;
}

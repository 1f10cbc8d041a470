// PM2 apps for the two MCP servers: `pm2 start ecosystem.config.js [--env production|test]`.
//
// pm2 loads this file with require(); in this "type": "module" package that works only with a named `apps`
// export (Node >= 20.19 can require() an ES module without top-level await). Paths are resolved from this file,
// so it works from any directory and any checkout.
//
// Secrets are never set here and never pass through PM2: each server reads its own from the env file
// ~/.config/gakuco-monit/mcp.env (or $MCP_ENV_FILE, chmod 600) when it starts (src/servers/shared/env-file.ts), so
// they stay out of `pm2 env`, `pm2 save`'s dump.pm2 and the other app, and a plain `pm2 restart <app>` applies a
// changed file. Only the file's path goes to the apps. pm2 copies the whole shell environment into every app, so
// secrets exported in this shell are removed here (with a warning) before pm2 sees them.
//
// Overrides (all optional): NOTION_MCP_PORT / GCAL_MCP_PORT (ports in every env), MCP_HOST (default 127.0.0.1),
// MCP_LOG_DIR (default ./logs), MCP_ENV_FILE (the env file), MCP_INSTANCES (see below).
//
// The resident agent (`gakuco-monit serve`: /metrics for Prometheus, alert notices, history; docs/agent.md) is an
// optional third app, off unless GAKUCO_AGENT=1: `GAKUCO_AGENT=1 pm2 start ecosystem.config.js --only gakuco-monit-agent`
// starts it alone. GAKUCO_AGENT_PORT (default 9209) and GAKUCO_AGENT_CONFIG (its JSON config file) override.
//
// Cluster mode: MCP_INSTANCES=N (or "max", one per core) runs each server as N workers (exec_mode "cluster") on the
// same port; `pm2 reload <app>` then replaces them one by one with no call lost. Sessions work across workers
// (any worker rebuilds a session from its id), so any mix of connections and workers is fine. Unset or 1: one
// process in fork mode. The tool-call rate limit (MCP_RATE_LIMIT) is per worker.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const logDir = process.env.MCP_LOG_DIR || join(root, 'logs');
const envFile = resolve(process.env.MCP_ENV_FILE || join(homedir(), '.config', 'gakuco-monit', 'mcp.env'));

const SECRET_NAMES = [
  'NOTION_TOKEN',
  'GOOGLE_CLIENT_ID',
  'GOOGLE_CLIENT_SECRET',
  'GOOGLE_REFRESH_TOKEN',
  'MCP_API_KEY',
  'NOTION_MCP_API_KEY',
  'GCAL_MCP_API_KEY',
  'GAKUCO_AGENT_API_KEY',
];
const exported = SECRET_NAMES.filter((name) => process.env[name] !== undefined);
for (const name of exported) delete process.env[name];
if (exported.length > 0) {
  process.stderr.write(
    `ecosystem.config.js: ignoring ${exported.join(', ')} from this shell (pm2 would copy it into every app and ` +
      `dump.pm2); the servers read their secrets from ${envFile}. Put them there and unset them in the shell.\n`,
  );
}

function port(overrideName, fallback) {
  const value = Number(process.env[overrideName]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** { instances, exec_mode } from MCP_INSTANCES: a number >= 2 or "max" means cluster mode. */
function processModel() {
  const text = (process.env.MCP_INSTANCES ?? '').trim();
  if (text === 'max') return { instances: 'max', exec_mode: 'cluster' };
  const count = Number(text);
  return Number.isInteger(count) && count >= 2 ? { instances: count, exec_mode: 'cluster' } : { instances: 1, exec_mode: 'fork' };
}

/** What every resident app here shares: restart policy, the ready signal, log files under MCP_LOG_DIR. */
function residentApp(name) {
  return {
    name,
    cwd: root,
    interpreter: 'node',
    autorestart: true,
    watch: false,
    // A crash loop (bad PORT, port taken, no key on a public HOST) backs off and ends as "errored".
    min_uptime: '5s',
    max_restarts: 10,
    exp_backoff_restart_delay: 200,
    // The app says "ready" once it listens; on SIGINT it closes what it holds and exits 0 (servers: within 8 s, run.ts;
    // a fork-mode server in well under 1 s, a cluster worker once its idle keep-alive connections drain, up to ~6 s).
    wait_ready: true,
    listen_timeout: 10_000,
    kill_timeout: 10_000,
    error_file: join(logDir, `${name}-error.log`),
    out_file: join(logDir, `${name}-out.log`),
    log_date_format: 'YYYY-MM-DD HH:mm:ss',
    // Without it pm2 appends the pm_id (notion-mcp-out-0.log): keep the names the files are documented under.
    merge_logs: true,
  };
}

function mcpApp({ name, entry, port: ports }) {
  const shared = { HOST: process.env.MCP_HOST || '127.0.0.1', MCP_ENV_FILE: envFile };
  return {
    ...residentApp(name),
    script: join(root, entry),
    ...processModel(),
    max_memory_restart: '200M',
    env: { NODE_ENV: 'development', PORT: ports.dev, ...shared },
    env_production: { NODE_ENV: 'production', PORT: ports.dev, ...shared },
    env_test: { NODE_ENV: 'test', PORT: ports.test, ...shared },
  };
}

/** The agent, when GAKUCO_AGENT=1: one fork-mode process that watches this PM2 daemon (it never starts one). */
function agentApps() {
  if (process.env.GAKUCO_AGENT !== '1') return [];
  const config = process.env.GAKUCO_AGENT_CONFIG ? ['--config', resolve(process.env.GAKUCO_AGENT_CONFIG)] : [];
  return [
    {
      ...residentApp('gakuco-monit-agent'),
      script: join(root, 'dist/cli.js'),
      args: ['serve', '--port', String(port('GAKUCO_AGENT_PORT', 9209)), ...config],
      instances: 1,
      exec_mode: 'fork',
      max_memory_restart: '150M',
      env: { NODE_ENV: 'production' },
    },
  ];
}

export const apps = [
  mcpApp({
    name: 'notion-mcp',
    entry: 'dist/servers/notion/index.js',
    port: { dev: port('NOTION_MCP_PORT', 3001), test: port('NOTION_MCP_PORT', 3101) },
  }),
  mcpApp({
    name: 'google-calendar-mcp',
    entry: 'dist/servers/google-calendar/index.js',
    port: { dev: port('GCAL_MCP_PORT', 3002), test: port('GCAL_MCP_PORT', 3102) },
  }),
  ...agentApps(),
];

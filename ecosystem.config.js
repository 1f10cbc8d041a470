// PM2 apps for the two MCP servers: `pm2 start ecosystem.config.js [--env production|test]`.
//
// pm2 loads this file with require(); in this "type": "module" package that works only with a named `apps`
// export (Node >= 20.19 can require() an ES module without top-level await). Paths are resolved from this file,
// so it works from any directory and any checkout.
//
// Secrets come only from the environment of the shell that runs pm2, or from the optional env file
// ~/.config/gakuco-monit/mcp.env (or $MCP_ENV_FILE; the shell wins over the file). Unset stays unset: the servers
// start without them, /health reports what is missing and the tools say how to set it.
//
// Overrides (all optional): NOTION_MCP_PORT / GCAL_MCP_PORT (ports in every env), MCP_HOST (default 127.0.0.1),
// MCP_LOG_DIR (default ./logs), NOTION_MCP_API_KEY / GCAL_MCP_API_KEY (per-app keys instead of MCP_API_KEY).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const logDir = process.env.MCP_LOG_DIR || join(root, 'logs');

const envFile = process.env.MCP_ENV_FILE || join(homedir(), '.config', 'gakuco-monit', 'mcp.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

/** The named variables that are set in process.env, and nothing for those that are not. */
function fromEnv(names) {
  const picked = {};
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

/** An app's key: its own (NOTION_MCP_API_KEY / GCAL_MCP_API_KEY) or the shared MCP_API_KEY. */
function apiKey(ownName) {
  const value = process.env[ownName] || process.env.MCP_API_KEY;
  return value ? { MCP_API_KEY: value } : {};
}

function port(overrideName, fallback) {
  const value = Number(process.env[overrideName]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function mcpApp({ name, entry, port: ports, secrets, keyName }) {
  const shared = { HOST: process.env.MCP_HOST || '127.0.0.1', ...apiKey(keyName), ...fromEnv(secrets) };
  return {
    name,
    script: join(root, entry),
    cwd: root,
    interpreter: 'node',
    instances: 1,
    exec_mode: 'fork',
    autorestart: true,
    watch: false,
    max_memory_restart: '200M',
    // A crash loop (bad PORT, port taken, no key on a public HOST) backs off and ends as "errored".
    min_uptime: '5s',
    max_restarts: 10,
    exp_backoff_restart_delay: 200,
    // The server says "ready" once it listens; on SIGINT it closes sessions and exits 0 within 4 s (run.ts).
    wait_ready: true,
    listen_timeout: 10_000,
    kill_timeout: 5_000,
    env: { NODE_ENV: 'development', PORT: ports.dev, ...shared },
    env_production: { NODE_ENV: 'production', PORT: ports.dev, ...shared },
    env_test: { NODE_ENV: 'test', PORT: ports.test, ...shared },
    error_file: join(logDir, `${name}-error.log`),
    out_file: join(logDir, `${name}-out.log`),
    log_date_format: 'YYYY-MM-DD HH:mm:ss',
    // Without it pm2 appends the pm_id (notion-mcp-out-0.log): keep the names the files are documented under.
    merge_logs: true,
  };
}

export const apps = [
  mcpApp({
    name: 'notion-mcp',
    entry: 'dist/servers/notion/index.js',
    port: { dev: port('NOTION_MCP_PORT', 3001), test: port('NOTION_MCP_PORT', 3101) },
    keyName: 'NOTION_MCP_API_KEY',
    secrets: ['NOTION_TOKEN', 'NOTION_VERSION'],
  }),
  mcpApp({
    name: 'google-calendar-mcp',
    entry: 'dist/servers/google-calendar/index.js',
    port: { dev: port('GCAL_MCP_PORT', 3002), test: port('GCAL_MCP_PORT', 3102) },
    keyName: 'GCAL_MCP_API_KEY',
    secrets: [
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
      'GOOGLE_REFRESH_TOKEN',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'GOOGLE_SERVICE_ACCOUNT_SUBJECT',
      'GOOGLE_TOKEN_FILE',
      'GCAL_TIME_ZONE',
    ],
  }),
];

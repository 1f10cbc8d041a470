#!/usr/bin/env bash
# (Re)starts both MCP servers under PM2 from ecosystem.config.js, shows their status and saves the process list
# (so `pm2 resurrect` / the boot-time startup brings them back). Works from any directory. Uses $PM2_CLI, else pm2
# from PATH, else the project's node_modules/.bin/pm2.
#   scripts/start-mcp-servers.sh                    # env (development)
#   scripts/start-mcp-servers.sh --env production   # env_production
set -euo pipefail

# shellcheck source=lib/pm2-cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pm2-cli.sh"
cd "$root"

env_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --env) [ $# -ge 2 ] || { echo "--env needs a value (production, test)" >&2; exit 2; }; env_args=(--env "$2"); shift 2 ;;
    --env=*) env_args=(--env "${1#--env=}"); shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: $0 [--env production|test])" >&2; exit 2 ;;
  esac
done

for entry in dist/servers/notion/index.js dist/servers/google-calendar/index.js; do
  if [ ! -f "$entry" ]; then
    echo "$entry is missing: run npm run build first" >&2
    exit 1
  fi
done
mkdir -p logs

"${pm2[@]}" delete notion-mcp google-calendar-mcp >/dev/null 2>&1 || true
"${pm2[@]}" start ecosystem.config.js "${env_args[@]}"
"${pm2[@]}" status
"${pm2[@]}" save

# Sourced by the scripts: sets the array `pm2` to the pm2 CLI to use ($PM2_CLI, else pm2 from PATH, else the
# project's node_modules/.bin/pm2) and `root` to the project root, or exits with a clear message.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -n "${PM2_CLI:-}" ]; then
  pm2=("$PM2_CLI")
elif command -v pm2 >/dev/null 2>&1; then
  pm2=(pm2)
elif [ -x "$root/node_modules/.bin/pm2" ]; then
  pm2=("$root/node_modules/.bin/pm2")
else
  echo "pm2 not found: install it (npm install -g pm2) or run npm install in $root" >&2
  exit 1
fi

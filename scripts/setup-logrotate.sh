#!/usr/bin/env bash
# Installs the pm2-logrotate module and sets the rotation the operations guide uses: rotate at 10 MB or daily,
# keep 5 files. `pm2 install` downloads the module from the npm registry: it needs network access.
set -euo pipefail

# shellcheck source=lib/pm2-cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pm2-cli.sh"

if ! "${pm2[@]}" install pm2-logrotate; then
  echo "pm2 install pm2-logrotate failed. It downloads the module from the npm registry, so it needs network" >&2
  echo "access (and a proxy set in npm config, if you use one). Check the connection and run this script again." >&2
  exit 1
fi
"${pm2[@]}" set pm2-logrotate:max_size 10M
"${pm2[@]}" set pm2-logrotate:retain 5
# Daily: current pm2-logrotate (2.x) reads a cron in rotateInterval. The guide's interval_unit DD / interval 1 are
# the settings of old 1.x releases; set too, so either version rotates daily.
"${pm2[@]}" set pm2-logrotate:rotateInterval '0 0 * * *'
"${pm2[@]}" set pm2-logrotate:interval_unit DD
"${pm2[@]}" set pm2-logrotate:interval 1
echo "pm2-logrotate: max_size 10M, retain 5, rotate daily at midnight"

// Writes BENCH_FLOOD_RATE (default 1000) log lines per second, each `#<seq> @<epoch ms> ...`, so a monitor's screen
// tells how old its newest visible line is. While the file BENCH_FLOOD_PAUSE exists it writes nothing (idle).
'use strict';
const fs = require('node:fs');

const rate = Number(process.env.BENCH_FLOOD_RATE || 1000);
const pauseFile = process.env.BENCH_FLOOD_PAUSE || '';
const payload = 'flood payload: request handled in 3 ms status=200 path=/api/items?page=2';
let seq = 0;
let paused = false;
let written = 0;
let since = Date.now();

setInterval(() => {
  paused = pauseFile !== '' && fs.existsSync(pauseFile);
  if (paused) {
    written = 0;
    since = Date.now();
  }
}, 100);

setInterval(() => {
  if (paused) return;
  const due = Math.floor(((Date.now() - since) * rate) / 1000) - written;
  if (due <= 0) return;
  let chunk = '';
  for (let i = 0; i < due; i++) {
    seq++;
    chunk += `#${String(seq).padStart(7, '0')} @${Date.now()} ${payload}\n`;
  }
  written += due;
  process.stdout.write(chunk);
}, 10);

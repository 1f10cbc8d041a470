// A quiet worker: one log line every BENCH_QUIET_MS (default 2000) ms.
'use strict';
const every = Number(process.env.BENCH_QUIET_MS || 2000);
let n = 0;
setInterval(() => {
  n++;
  console.log(`worker tick ${n}`);
}, every);

/**
 * Exits once everything written to stdout and stderr has left the process (writes to a pipe are asynchronous, and
 * a plain process.exit() can cut them off). Exiting at all is needed: pm2's client can leave timers behind.
 */
export function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

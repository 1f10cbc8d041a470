// node bench/screen-changes.mjs FILE.out [--cols 120 --rows 40 --tail 2000]
// Where a monitor's idle terminal bytes go, row by row: replays what it wrote (bench:tui --keepPipes DIR) through
// the monitor's own virtual terminal, and attributes each byte of the last --tail bytes before it left the
// alternate screen (its idle window: bench:tui's idle B/s times the window) to the screen row the cursor was on,
// with the last change seen on that row.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cols: { type: 'string', default: '120' }, rows: { type: 'string', default: '40' }, tail: { type: 'string', default: '2000' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: node bench/screen-changes.mjs FILE.out [--cols 120 --rows 40 --tail 2000]');
  process.exit(2);
}
const entry = fileURLToPath(new URL('../src/tui/terminal/virtual-terminal.ts', import.meta.url));
const bundled = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
const { VirtualTerminal } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const ESC = '\u001b';
const all = readFileSync(file, 'latin1');
const leave = all.lastIndexOf(`${ESC}[?1049l`);
const end = leave === -1 ? all.length : leave;
const tail = Number(values.tail);
const cols = Number(values.cols);
const rows = Number(values.rows);
const vt = new VirtualTerminal(rows, cols);
const decode = (s) => Buffer.from(s, 'latin1').toString('utf8');
// Cut where the tail starts, at the next cursor move so no sequence is split.
let from = Math.max(0, end - tail);
const MOVE = `${ESC}\\[[\\d;]*[HfABCDEFG]`;
const move = new RegExp(MOVE, 'g');
move.lastIndex = from;
const firstMove = move.exec(all);
from = firstMove ? Math.min(firstMove.index, end) : end;
vt.write(decode(all.slice(0, from)));
const rowText = (r) => vt.grid.chars.slice(r * cols, (r + 1) * cols).join('').trimEnd();
const perRow = new Map();
const segments = all.slice(from, end).split(new RegExp(`(?=${MOVE})`));
let total = 0;
for (const segment of segments) {
  const m = new RegExp(`^${MOVE}`).exec(segment);
  if (m) vt.write(decode(m[0]));
  const row = vt.row;
  const before = rowText(row);
  vt.write(decode(segment.slice(m ? m[0].length : 0)));
  const e = perRow.get(row) ?? { bytes: 0, writes: 0, example: '' };
  e.bytes += segment.length;
  e.writes += 1;
  const after = rowText(row);
  if (after !== before) e.example = `${before}\n          -> ${after}`;
  perRow.set(row, e);
  total += segment.length;
}
console.log(`${file}: last ${total} bytes before the monitor quit, by screen row`);
for (const [r, e] of [...perRow].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`row ${String(r).padStart(2)}: ${String(e.bytes).padStart(5)} B (${((100 * e.bytes) / total).toFixed(0)} %) in ${e.writes} writes\n          ${e.example}`);
}

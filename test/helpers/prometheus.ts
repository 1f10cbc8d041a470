// A real Prometheus server (Debian's `prometheus` package) for one test file: its own config and storage in a temp
// dir, a free loopback port, ended by pid. The package's own service is never used.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { waitFor } from './pm2-home.js';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

export const PROMETHEUS_BIN = onPath('prometheus');
export const PROMTOOL_BIN = onPath('promtool');

/** Missing tools skip the tests that need them, except in CI (.ci/run installs them): there it is a failure. */
export function prometheusMissing(file: string): boolean {
  if (PROMETHEUS_BIN && PROMTOOL_BIN) return false;
  if (process.env.GAKUCO_CI === '1') throw new Error(`${file}: prometheus/promtool missing in CI (.ci/run installs them)`);
  console.warn(`${file} skipped: prometheus is not installed (apt-get install prometheus)`);
  return true;
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PrometheusServer {
  url: string;
  query(expr: string): Promise<PromSample[]>;
  stop(): Promise<void>;
}

/** `promtool <args>`: its exit code and output (promtool check metrics reads stdin). */
export function promtool(args: string[], input?: string): { code: number; output: string } {
  try {
    const output = execFileSync(PROMTOOL_BIN!, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Starts Prometheus scraping `targets` every second (with a bearer key file when given). */
export async function startPrometheus(targets: string[], options: { keyFile?: string } = {}): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gakuco-prom-'));
  const port = await freePort();
  const auth = options.keyFile ? `    authorization:\n      type: Bearer\n      credentials_file: ${options.keyFile}\n` : '';
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\nscrape_configs:\n  - job_name: gakuco-monit\n${auth}    static_configs:\n      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]\n`,
  );
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN!,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => (await fetch(`${url}/-/ready`)).ok, `prometheus ready (${stderr})`, 20_000, 200);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    async query(expr) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await res.json()) as { status: string; data?: { result: PromSample[] }; error?: string };
      if (body.status !== 'success') throw new Error(`query ${expr}: ${body.error ?? res.status}`);
      return body.data!.result;
    },
    stop,
  };
}

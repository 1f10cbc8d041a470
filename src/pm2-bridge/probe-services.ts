// One probe round over a list of services: each distinct port is checked once (cluster instances share theirs),
// then each service gets its own conflict check (who holds the port, if not the service).
import { findPortConflict } from './port-owner.js';
import { probePort, type ProbeOptions } from './probe.js';
import { readDaemonPid } from './daemon-files.js';
import type { PortCheck, Service } from './types.js';

export async function probeServices(
  services: readonly Service[],
  home: string,
  options: ProbeOptions = {},
): Promise<Map<number, PortCheck>> {
  const withPort = services.filter((s): s is Service & { port: number } => s.port !== null);
  const ports = [...new Set(withPort.map((s) => s.port))];
  const checks = new Map(await Promise.all(ports.map(async (port) => [port, await probePort(port, options)] as const)));
  const daemonPid = readDaemonPid(home);
  const results = new Map<number, PortCheck>();
  await Promise.all(
    withPort.map(async (service) => {
      const check = checks.get(service.port);
      if (!check) return;
      const conflict = check.listening ? await findPortConflict(service.port, service, daemonPid).catch(() => null) : null;
      results.set(service.pmId, { ...check, conflict });
    }),
  );
  return results;
}

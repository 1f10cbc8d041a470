// What the rule evaluator looks at: one moment of the PM2 setup, reduced to the fields the rules read.
import type { ListView, PortCheck, ServiceStatus } from '../../pm2-bridge/types.js';

export interface ServiceSample {
  pmId: number;
  name: string;
  status: ServiceStatus;
  restarts: number;
  /** Bytes. */
  memory: number;
  maxMemoryRestart: number | null;
  port: number | null;
  /** null while the port was not checked yet (or the service has no port). */
  listening: boolean | null;
  health: PortCheck['health'] | null;
  /** Uncaught exceptions seen for this service so far (a count that only grows while it is listed). */
  exceptions: number;
}

export interface AlertSample {
  at: number;
  /** 'unknown' while connecting or while the list call fails: service rules hold their state then. */
  daemon: 'up' | 'down' | 'unknown';
  services: readonly ServiceSample[];
}

/** The sample of the bridge's list view; `exceptionsOf` gives a service's exception count when a source knows it. */
export function sampleOf(list: Pick<ListView, 'connection' | 'services'>, at: number, exceptionsOf: (pmId: number) => number = () => 0): AlertSample {
  const kind = list.connection.kind;
  const daemon = kind === 'connected' ? 'up' : kind === 'no-daemon' ? 'down' : 'unknown';
  return {
    at,
    daemon,
    services: list.services.map((s) => ({
      pmId: s.pmId,
      name: s.name,
      status: s.status,
      restarts: s.restarts,
      memory: s.memory,
      maxMemoryRestart: s.maxMemoryRestart,
      port: s.port,
      listening: s.portCheck?.listening ?? null,
      health: s.portCheck?.health ?? null,
      exceptions: exceptionsOf(s.pmId),
    })),
  };
}

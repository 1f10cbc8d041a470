// Everything the models need from a PM2 home, as one object passed in: the real one talks to pm2's sockets and
// reads its files; unit tests pass a scripted fake (test/fakes/fake-daemon.ts).
import { openBus, type BusHandle, type BusHandlers } from '../bus.js';
import { connectDaemon, pingDaemon, type DaemonConnection } from '../client.js';
import { readDaemonEnv, readDaemonPid } from '../daemon-files.js';

export interface DaemonAccess {
  /** True when something answers on the home's RPC socket. Never starts a daemon (nor do the others). */
  ping(home: string, timeoutMs: number): Promise<boolean>;
  /** The RPC link to the daemon of `home`, null when none answers. */
  connect(home: string, timeoutMs: number): Promise<DaemonConnection | null>;
  /** The daemon's event bus, null when it does not connect. */
  openBus(home: string, handlers: BusHandlers, timeoutMs: number): Promise<BusHandle | null>;
  /** The daemon's pid from its pid file, null when none. */
  readPid(home: string): number | null;
  /** The daemon's own environment (what its apps inherit), empty when unreadable. */
  readEnv(home: string): Promise<ReadonlyMap<string, string>>;
}

export const realDaemon: DaemonAccess = {
  ping: pingDaemon,
  connect: connectDaemon,
  openBus,
  readPid: readDaemonPid,
  readEnv: readDaemonEnv,
};

// Real OpenSSH servers on 127.0.0.1 for the multi-host tests: keys made in a temp dir, `/usr/sbin/sshd -D -f cfg`
// run by the test (never the system's service), loopback only, each "host" its own port whose SetEnv picks a
// PM2_HOME. The client side gets its own ssh config and known_hosts in the same dir (never ~/.ssh).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { waitFor } from './pm2-home.js';

export const SSHD = '/usr/sbin/sshd';

/** Why the sshd tests cannot run here, or null when they can. */
export function sshdMissing(): string | null {
  if (!existsSync(SSHD)) return `${SSHD} is missing (apt-get install openssh-server)`;
  try {
    execFileSync('ssh', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'the ssh client is missing (apt-get install openssh-client)';
  }
  return null;
}

export interface TestHost {
  /** The Host alias in the client config. */
  alias: string;
  port: number;
  /** Starts (or starts again, on the same port) this host's sshd and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills this host's sshd and every session it serves (the remote commands included): the host is gone. */
  kill(): void;
  /** The pid of this host's sshd listener while it runs (its sessions and remote commands are below it). */
  pid(): number | undefined;
}

export interface SshLab {
  dir: string;
  /** The client's config file: pass it with `ssh -F`. */
  config: string;
  /** A host whose sshd sets PM2_HOME=`pm2Home` for every session. */
  addHost(alias: string, pm2Home: string): Promise<TestHost>;
  /** A Host alias for `of`'s port whose known_hosts entry holds another key: ssh refuses it. */
  addWrongKeyAlias(alias: string, of: TestHost): void;
  cleanup(): void;
}

function keygen(file: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'gakuco-test', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

/** The pids of `pid` and all its descendants (from /proc), children first. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) walk(child);
    out.push(p);
  };
  walk(pid);
  return out;
}

export function createSshLab(): SshLab {
  const dir = mkdtempSync(join(tmpdir(), 'gakuco-sshd-'));
  // sshd checks for its privilege separation directory; the package makes it only when its service starts.
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const userKey = join(dir, 'id_ed25519');
  writeFileSync(join(dir, 'authorized_keys'), `${keygen(userKey)}\n`, { mode: 0o600 });
  const config = join(dir, 'ssh_config');
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(config, '');
  writeFileSync(knownHosts, '');
  const user = userInfo().username;
  const servers = new Set<ChildProcess>();

  const clientEntry = (alias: string, port: number) =>
    [
      `Host ${alias}`,
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      `  User ${user}`,
      `  IdentityFile ${userKey}`,
      '  IdentitiesOnly yes',
      `  HostKeyAlias ${alias}`,
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '  LogLevel ERROR',
      '',
    ].join('\n');
  const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, 'utf8') + text);

  return {
    dir,
    config,
    async addHost(alias, pm2Home) {
      const port = await freePort();
      const hostKey = join(dir, `host_${alias}`);
      const hostPub = keygen(hostKey);
      const cfg = join(dir, `sshd_${alias}.conf`);
      writeFileSync(
        cfg,
        [
          `Port ${port}`,
          'ListenAddress 127.0.0.1',
          `HostKey ${hostKey}`,
          `PidFile ${join(dir, `sshd_${alias}.pid`)}`,
          `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
          // The temp dir's modes are not what StrictModes wants of a home directory.
          'StrictModes no',
          'PubkeyAuthentication yes',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'PermitRootLogin prohibit-password',
          'UsePAM no',
          `SetEnv PM2_HOME=${pm2Home} LANG=C.UTF-8`,
          'LogLevel ERROR',
          '',
        ].join('\n'),
      );
      append(knownHosts, `${alias} ${hostPub.split(' ').slice(0, 2).join(' ')}\n`);
      append(config, clientEntry(alias, port));
      let server: ChildProcess | null = null;
      const host: TestHost = {
        alias,
        port,
        async start() {
          const child = spawn(SSHD, ['-D', '-e', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
          server = child;
          servers.add(child);
          await waitFor(
            () => {
              if (child.exitCode !== null) throw new Error(`sshd for ${alias} exited ${child.exitCode}: ${err}`);
              try {
                execFileSync('ssh', ['-F', config, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=2', alias, 'true'], { stdio: 'ignore', timeout: 5000 });
                return true;
              } catch {
                return false;
              }
            },
            `sshd ${alias} on 127.0.0.1:${port}`,
            15_000,
            100,
          );
        },
        kill() {
          if (server?.pid === undefined || server.exitCode !== null) return;
          for (const pid of processTree(server.pid)) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
          servers.delete(server);
          server = null;
        },
        pid: () => (server?.exitCode === null ? server.pid : undefined),
      };
      await host.start();
      return host;
    },
    addWrongKeyAlias(alias, of) {
      const other = keygen(join(dir, `wrong_${alias}`));
      append(knownHosts, `${alias} ${other.split(' ').slice(0, 2).join(' ')}\n`);
      append(config, clientEntry(alias, of.port));
    },
    cleanup() {
      for (const server of servers) {
        if (server.pid === undefined) continue;
        for (const pid of processTree(server.pid)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

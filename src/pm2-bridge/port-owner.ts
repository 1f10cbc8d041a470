// Who holds a listening TCP port, on Linux: /proc/net/tcp{,6} give the socket inode of the listener, the
// /proc/PID/fd links name the process holding it. Elsewhere (or without permission) the answer is "unknown" (null).
import { readFile, readdir, readlink } from 'node:fs/promises';
import type { PortOwner } from './types.js';

const LISTEN = '0A';

/** Socket inodes listening on `port`, from the text of /proc/net/tcp or /proc/net/tcp6. */
export function parseListeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const local = fields[1];
    if (!local || fields[3] !== LISTEN) continue;
    const localPort = parseInt(local.slice(local.lastIndexOf(':') + 1), 16);
    const inode = fields[9];
    if (localPort === port && inode && inode !== '0') inodes.push(inode);
  }
  return inodes;
}

export async function listeningInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const inode of parseListeningInodes(await readFile(file, 'utf8'), port)) inodes.add(inode);
    } catch {
      // no such table (no IPv6) or not Linux
    }
  }
  return inodes;
}

async function allPids(): Promise<number[]> {
  try {
    return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
}

async function holdsInode(pid: number, inodes: Set<string>): Promise<boolean> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      const target = await readlink(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return true;
    } catch {
      // the fd closed meanwhile
    }
  }
  return false;
}

export async function commandOf(pid: number): Promise<string> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    const command = cmdline.split('\0').filter(Boolean).join(' ');
    if (command) return command;
  } catch {
    // gone
  }
  try {
    return (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
  } catch {
    return '';
  }
}

/** pid -> parent pid for every visible process. */
export async function parentMap(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  await Promise.all(
    (await allPids()).map(async (pid) => {
      try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (Number.isInteger(ppid)) parents.set(pid, ppid);
      } catch {
        // gone
      }
    }),
  );
  return parents;
}

/** True when `pid` is `ancestor` or one of its descendants. */
export function isSelfOrDescendant(pid: number, ancestor: number, parents: ReadonlyMap<number, number>): boolean {
  let current: number | undefined = pid;
  for (let hops = 0; current !== undefined && current > 1 && hops < 64; hops += 1) {
    if (current === ancestor) return true;
    current = parents.get(current);
  }
  return false;
}

/**
 * The process listening on `port` (the first found), or null when nothing listens or its holder is not visible.
 * `preferPids` are looked at first (cheap when the expected owner holds it).
 */
export async function findPortOwner(port: number, preferPids: readonly number[] = []): Promise<PortOwner | null> {
  const inodes = await listeningInodes(port);
  if (inodes.size === 0) return null;
  const preferred = preferPids.filter((pid) => pid > 0);
  for (const pid of preferred) if (await holdsInode(pid, inodes)) return { pid, command: await commandOf(pid) };
  for (const pid of await allPids()) {
    if (preferred.includes(pid)) continue;
    if (await holdsInode(pid, inodes)) return { pid, command: await commandOf(pid) };
  }
  return null;
}

/**
 * The process holding the port of a service when it is not the service: not its pid, nor a descendant of it
 * (a wrapper's child), nor the PM2 daemon for a cluster-mode service (the cluster primary holds the listener).
 * Null when there is no conflict or the holder cannot be seen.
 */
export async function findPortConflict(
  port: number,
  service: { pid: number; execMode: 'fork' | 'cluster' },
  daemonPid: number | null,
): Promise<PortOwner | null> {
  const allowed = [service.pid, ...(service.execMode === 'cluster' && daemonPid ? [daemonPid] : [])];
  const owner = await findPortOwner(port, allowed);
  if (!owner) return null;
  if (allowed.includes(owner.pid)) return null;
  if (service.pid > 0 && isSelfOrDescendant(owner.pid, service.pid, await parentMap())) return null;
  return owner;
}

// DNS-rebinding protection: a browser page on evil.example that resolves its name to 127.0.0.1 sends
// `Host: evil.example` and `Origin: http://evil.example`. Only requests naming this machine pass, key or no key.
import { hostname as osHostname, networkInterfaces } from 'node:os';
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export function isLoopbackHost(host: string): boolean {
  const name = stripBrackets(host.toLowerCase());
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

function isWildcardHost(host: string): boolean {
  const name = stripBrackets(host);
  return name === '0.0.0.0' || name === '::' || name === '';
}

function stripBrackets(name: string): string {
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

/**
 * The host names a request may use: loopback names, the bound host, `extra` (e.g. a reverse proxy's name) and, when
 * bound to all interfaces, this machine's name and interface addresses.
 */
export function allowedHostnames(boundHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  for (const name of [boundHost, ...extra]) {
    if (name && !isWildcardHost(name)) names.add(stripBrackets(name.toLowerCase()));
  }
  if (isWildcardHost(boundHost)) {
    names.add(osHostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) names.add(address.address.toLowerCase());
    }
  }
  return names;
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower case, or null if malformed. */
export function hostnameOfHostHeader(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(trimmed);
  if (v6) return v6[1]!;
  const plain = /^([a-z0-9._-]+)(?::\d{1,5})?$/.exec(trimmed);
  return plain ? plain[1]! : null;
}

/** Why the request is refused, or null when its Host (and Origin, if any) name this machine. */
export function rebindingRefusal(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): string | null {
  const host = headers.host;
  const name = typeof host === 'string' ? hostnameOfHostHeader(host) : null;
  if (name === null || !allowed.has(name)) return 'Forbidden: Host header not allowed';
  const origin = headers.origin;
  if (typeof origin === 'string') {
    let originName: string;
    try {
      originName = stripBrackets(new URL(origin).hostname.toLowerCase());
    } catch {
      return 'Forbidden: Origin not allowed';
    }
    if (!allowed.has(originName)) return 'Forbidden: Origin not allowed';
  }
  return null;
}

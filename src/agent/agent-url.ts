// Where the monitor looks for the resident agent's history (--agent URL, or none). The same ideas as the agent's own
// Host guard: plain http only to this machine (127.0.0.0/8, ::1, localhost), so GAKUCO_AGENT_API_KEY never crosses
// a network in clear; https anywhere; no credentials or path in the URL (the key is given by its variable only).
import { DEFAULT_PORT } from './agent-config.js';

export const DEFAULT_AGENT_URL = `http://127.0.0.1:${DEFAULT_PORT}`;

const LOOPBACK = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The agent's base URL from --agent; null for `none`/`off` (no agent asked); undefined when it is not a valid one. */
export function parseAgentUrl(value: string): string | null | undefined {
  const text = value.trim();
  if (text === 'none' || text === 'off') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return undefined;
  return `${url.protocol}//${url.host}`;
}

// What the servers echo from an upstream (error messages, client log lines) passes through here first, the one way
// for both: the server's own secrets (known values, e.g. NOTION_TOKEN) and anything shaped like an OAuth token or
// key are replaced with [redacted].

const MASK = '[redacted]';

export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) if (secret.length >= 4) out = out.split(secret).join(MASK);
  return out
    .replace(/ya29\.[\w.-]+/g, MASK)
    .replace(/1\/\/[\w.-]{10,}/g, MASK)
    .replace(/(bearer\s+)[\w.~+/-]+=*/gi, `$1${MASK}`)
    .replace(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, MASK)
    .replace(/((?:access|refresh|id)_token|client_secret|private_key)(["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gi, `$1$2${MASK}`);
}

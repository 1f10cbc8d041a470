/**
 * One word for a POSIX shell: ssh joins its command words with spaces and the remote shell splits them again, so
 * every argument that is data (a name, a path) goes through here. Plain words stay as they are.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

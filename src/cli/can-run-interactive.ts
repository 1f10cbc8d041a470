/** The interactive monitor needs a keyboard in raw mode and a screen: both stdin and stdout a TTY. */
export function canRunInteractive(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): boolean {
  return stdin.isTTY === true && typeof stdin.setRawMode === 'function' && stdout.isTTY === true;
}

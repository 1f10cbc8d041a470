// CSI and OSC sequences, then C0 controls other than tab.
// eslint-disable-next-line no-control-regex
const escapes = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|[\u0000-\u0008\u000a-\u001f\u007f]/g;

/**
 * A log line made safe to draw: a service's own colours, cursor moves and control characters are removed (they
 * would corrupt the screen), tabs become spaces.
 */
export function sanitizeLine(text: string): string {
  return text.replace(escapes, '').replace(/\t/g, '    ');
}

/**
 * Every non-letter symbol the monitor draws. The unicode set uses East-Asian *ambiguous* characters (one cell in
 * most terminals, two where "ambiguous = wide"); `--ascii` swaps in plain ASCII so such terminals stay aligned.
 */
export interface Glyphs {
  ellipsis: string;
  rule: string;
  selected: string;
  online: string;
  stopped: string;
  errored: string;
  pending: string;
  other: string;
  up: string;
  down: string;
  left: string;
  right: string;
  separator: string;
  /** One severity scale for the monitor, `--once` and doctor: an error, a warning, a passed check (or info). */
  severityError: string;
  severityWarning: string;
  severityOk: string;
  /** Beside a service's name: something happened to it since the operator last selected it. */
  unseen: string;
}

export const unicodeGlyphs: Glyphs = {
  ellipsis: '…',
  rule: '─',
  selected: '▶',
  online: '●',
  stopped: '○',
  errored: '✖',
  pending: '◌',
  other: '·',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  separator: '│',
  severityError: '✘',
  severityWarning: '!',
  severityOk: '✔',
  unseen: '•',
};

export const asciiGlyphs: Glyphs = {
  ellipsis: '...',
  rule: '-',
  selected: '>',
  online: '+',
  stopped: '-',
  errored: 'x',
  pending: '~',
  other: '.',
  up: 'Up',
  down: 'Dn',
  left: 'Left',
  right: 'Right',
  separator: '|',
  severityError: 'x',
  severityWarning: '!',
  severityOk: 'ok',
  unseen: '!',
};

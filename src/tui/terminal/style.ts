// Cell styles: what an SGR sequence (ESC [ ... m) leaves in effect, interned as small integers so a screen grid
// compares styles with `===`, and the shortest SGR that turns one style into another.

export const FLAG_BOLD = 1;
export const FLAG_DIM = 2;
export const FLAG_ITALIC = 4;
export const FLAG_UNDERLINE = 8;
export const FLAG_BLINK = 16;
export const FLAG_INVERSE = 32;
export const FLAG_HIDDEN = 64;
export const FLAG_STRIKE = 128;
export const FLAG_OVERLINE = 256;

/** `fg` / `bg` hold the SGR parameters that set the colour ('31', '38;5;208', '48;2;1;2;3'), or '' for default. */
export interface Style {
  readonly flags: number;
  readonly fg: string;
  readonly bg: string;
}

export const DEFAULT_STYLE: Style = { flags: 0, fg: '', bg: '' };
/** Id of the default style in every StyleTable. */
export const DEFAULT_STYLE_ID = 0;

const FLAG_ON: ReadonlyArray<readonly [number, string]> = [
  [FLAG_BOLD, '1'],
  [FLAG_DIM, '2'],
  [FLAG_ITALIC, '3'],
  [FLAG_UNDERLINE, '4'],
  [FLAG_BLINK, '5'],
  [FLAG_INVERSE, '7'],
  [FLAG_HIDDEN, '8'],
  [FLAG_STRIKE, '9'],
  [FLAG_OVERLINE, '53'],
];

/** Off codes; 22 ends bold and dim together. */
const FLAG_OFF: ReadonlyArray<readonly [number, string]> = [
  [FLAG_BOLD | FLAG_DIM, '22'],
  [FLAG_ITALIC, '23'],
  [FLAG_UNDERLINE, '24'],
  [FLAG_BLINK, '25'],
  [FLAG_INVERSE, '27'],
  [FLAG_HIDDEN, '28'],
  [FLAG_STRIKE, '29'],
  [FLAG_OVERLINE, '55'],
];

/** Interns styles: equal styles get the same id, so cells compare styles by number. */
export class StyleTable {
  private readonly byKey = new Map<string, number>();
  private readonly styles: Style[] = [];
  private readonly transitions = new Map<number, string>();

  constructor() {
    this.intern(DEFAULT_STYLE);
  }

  intern(style: Style): number {
    const key = `${style.flags}|${style.fg}|${style.bg}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.byKey.set(key, id);
    }
    return id;
  }

  get(id: number): Style {
    return this.styles[id] ?? DEFAULT_STYLE;
  }

  /** The SGR sequence that changes the terminal from style `from` to style `to` ('' when equal). Cached. */
  transition(from: number, to: number): string {
    if (from === to) return '';
    const key = from * 65_536 + to;
    let sequence = this.transitions.get(key);
    if (sequence === undefined) {
      sequence = sgrTransition(this.get(from), this.get(to));
      if (this.transitions.size < 100_000) this.transitions.set(key, sequence);
    }
    return sequence;
  }
}

/** Applies the parameters of one SGR sequence (the text between `ESC [` and `m`) to a style. */
export function applySgr(style: Style, params: string): Style {
  let { flags, fg, bg } = style;
  const parts = params === '' ? ['0'] : params.split(';');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    // Colon sub-parameters (4:3 curly underline, 38:2::r:g:b) carry their own arguments.
    const code = Number(part.includes(':') ? part.slice(0, part.indexOf(':')) : part || '0');
    if (code === 0) {
      flags = 0;
      fg = '';
      bg = '';
    } else if (code === 38 || code === 48 || code === 58) {
      let value: string;
      if (part.includes(':')) {
        value = part;
      } else if (parts[i + 1] === '5') {
        value = `${code};5;${parts[i + 2] ?? '0'}`;
        i += 2;
      } else if (parts[i + 1] === '2') {
        value = `${code};2;${parts[i + 2] ?? '0'};${parts[i + 3] ?? '0'};${parts[i + 4] ?? '0'}`;
        i += 4;
      } else {
        continue;
      }
      if (code === 38) fg = value;
      else if (code === 48) bg = value;
      // 58 (underline colour) is not kept: it never changes which characters are shown.
    } else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
      fg = String(code);
    } else if (code === 39) {
      fg = '';
    } else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
      bg = String(code);
    } else if (code === 49) {
      bg = '';
    } else if (code === 21) {
      flags |= FLAG_UNDERLINE;
    } else if (code === 22) {
      flags &= ~(FLAG_BOLD | FLAG_DIM);
    } else {
      const on = FLAG_ON.find(([, c]) => c === String(code));
      if (on) {
        flags |= on[0];
        continue;
      }
      const off = FLAG_OFF.find(([, c]) => c === String(code));
      if (off) flags &= ~off[0];
    }
  }
  return { flags, fg, bg };
}

/** The shorter of: turning off only what goes away, or a reset followed by everything `to` has. */
export function sgrTransition(from: Style, to: Style): string {
  const incremental: string[] = [];
  let flagsNow = from.flags;
  for (const [mask, code] of FLAG_OFF) {
    if (flagsNow & mask & ~to.flags) {
      incremental.push(code);
      flagsNow &= ~mask;
    }
  }
  for (const [flag, code] of FLAG_ON) {
    if (to.flags & flag && !(flagsNow & flag)) incremental.push(code);
  }
  if (to.fg !== from.fg) incremental.push(to.fg === '' ? '39' : to.fg);
  if (to.bg !== from.bg) incremental.push(to.bg === '' ? '49' : to.bg);

  const reset: string[] = [];
  for (const [flag, code] of FLAG_ON) if (to.flags & flag) reset.push(code);
  if (to.fg !== '') reset.push(to.fg);
  if (to.bg !== '') reset.push(to.bg);

  const viaIncremental = `\u001B[${incremental.join(';')}m`;
  const viaReset = reset.length === 0 ? '\u001B[m' : `\u001B[0;${reset.join(';')}m`;
  if (incremental.length === 0) return '';
  return viaReset.length < viaIncremental.length ? viaReset : viaIncremental;
}

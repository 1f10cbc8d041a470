// The one place where text from PM2 and apps is made safe for a terminal. Names, env, paths, metrics, exit reasons,
// port owners' command lines, findings and log lines can hold anything an app (or whoever named it) chose: escape
// sequences that retitle the window (OSC 0), write the clipboard (OSC 52), switch screens or wipe the frame, C1
// controls that act as ESC on some terminals, bidi overrides that make text read differently than it runs.
// Nothing of that is ever interpreted: each control is shown as a visible stand-in instead.
//
// The TUI, --once and doctor's text get the safe form; --json keeps the exact value (JSON escapes it).

// C0 controls, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, line and paragraph separators, and
// surrogates (only lone ones are replaced; pairs are checked below).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** SGR (colour and style) sequences: the only escapes a log line loses silently, they carry no text. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;:]*m/g;

/** Shown where a single-line field had a line break. */
export const NEWLINE_MARK = '⏎';
/** Shown for ESC (the start of every escape sequence). */
export const ESC_MARK = '⎋';

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

function standIn(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return NEWLINE_MARK;
  if (code === 0x1b) return ESC_MARK;
  // U+2400.. are the Control Pictures ␀ ␁ … ␟, U+2421 is ␡: one cell each, never interpreted.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return `\\x${hex(code, 2)}`;
  return `\\u${hex(code, 4)}`;
}

/**
 * A single-line field (a name, a path, an env value, a metric, a command line) as a terminal may show it: every
 * control and bidi character replaced by a visible stand-in (`⎋` for ESC, `␇` for BEL, `\x9b` for C1, `\u202e`
 * for bidi, `⏎` for a line break), a lone surrogate by U+FFFD. Text without any of them is returned as it is.
 */
export function sanitizeField(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE_ALL, standIn);
}

/**
 * A log line as a terminal may show it: colour codes (SGR) dropped, tabs as four spaces, every other control and
 * escape shown visibly as in sanitizeField.
 */
export function sanitizeLogText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return sanitizeField(text.replace(SGR, '').replace(/\t/g, '    '));
}

/**
 * Text that keeps its line breaks (a finding's excerpt of an error log): each line made safe as a field.
 */
export function sanitizeMultiline(text: string): string {
  return text.split('\n').map(sanitizeField).join('\n');
}

/** Diagnostic params whose text is several lines on purpose (split into detail lines by the formatter). */
const MULTILINE_PARAMS: ReadonlySet<string> = new Set(['lastErrors']);

/**
 * Every string in a plain-data value (a Service, a Diagnostic, a ConnectionState) made safe by sanitizeField,
 * keys of MULTILINE_PARAMS by sanitizeMultiline. Returns the same object when nothing needed a change, so a
 * snapshot that holds only clean text costs no copies.
 */
export function sanitizeDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') {
    const safe = key !== undefined && MULTILINE_PARAMS.has(key) ? sanitizeMultiline(value) : sanitizeField(value);
    return safe as T;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const safe = sanitizeDeep(item);
      if (safe !== item) changed = true;
      return safe;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const safe = sanitizeDeep(v, k);
      if (safe !== v) changed = true;
      out[k] = safe;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

// Uncaught errors in a service's error log: pm2 writes the stack there (`Error: message` then `    at …` lines,
// each line with the date prefix when log_date_format is set). Pure: lines in, stacks out.
import { parseLogDate } from '../log-history.js';

export interface FoundStack {
  /** The error's first line, e.g. `Error: listen EADDRINUSE …` or `TypeError: x is not a function`. */
  message: string;
  /** The message line and its frames, joined by '\n'. */
  stack: string;
  /** From the date prefix, null when the log has none. */
  at: number | null;
}

// `Error: …`, `TypeError [ERR_X]: …`, `SomethingException: …`, also a bare `Error` (new Error() with no text).
const HEAD = /^(?:Uncaught )?((?:[A-Z][\w$.]*)?(?:Error|Exception))(?: \[[\w-]+\])?(?::(?: .*)?)?$/;
const FRAME = /^\s+at\s/;
const MAX_FRAMES = 60;

/** The stacks in `lines` (oldest first): an error line followed by at least one `at` frame. */
export function findErrorStacks(lines: readonly string[]): FoundStack[] {
  const stacks: FoundStack[] = [];
  let current: { message: string; lines: string[]; at: number | null } | null = null;
  const close = (): void => {
    if (current && current.lines.length > 1) stacks.push({ message: current.message, stack: current.lines.join('\n'), at: current.at });
    current = null;
  };
  for (const raw of lines) {
    const { at, text: dated } = parseLogDate(raw);
    const text = dated.replace(/\r$/, '');
    if (current && FRAME.test(text)) {
      if (current.lines.length <= MAX_FRAMES) current.lines.push(text);
      continue;
    }
    close();
    if (HEAD.test(text)) current = { message: text.replace(/^Uncaught /, ''), lines: [text], at };
  }
  close();
  return stacks;
}

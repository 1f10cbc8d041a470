/**
 * The colours the monitor uses: only the 8 basic ANSI colours, which every 16-colour console (linux, SSH from
 * anywhere) draws readably on dark and light backgrounds. No blue text (unreadable on black), no hex colours.
 */
export type Tone = 'green' | 'red' | 'yellow' | 'cyan' | 'magenta' | 'gray';

import type { ServiceStatus } from '../../pm2-bridge/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from './glyphs.js';
import type { Tone } from './tone.js';

export interface StatusStyle {
  label: string;
  mark: string;
  tone: Tone;
}

/** A status as a word, a mark and a colour: never colour alone, so it reads on a monochrome terminal. */
export function statusStyle(status: ServiceStatus, messages: Messages, glyphs: Glyphs): StatusStyle {
  const label = messages.status[status];
  switch (status) {
    case 'online':
      return { label, mark: glyphs.online, tone: 'green' };
    case 'stopped':
      return { label, mark: glyphs.stopped, tone: 'gray' };
    case 'errored':
      return { label, mark: glyphs.errored, tone: 'red' };
    case 'launching':
    case 'stopping':
    case 'waiting restart':
      return { label, mark: glyphs.pending, tone: 'yellow' };
    case 'one-launch-status':
      return { label, mark: glyphs.other, tone: 'cyan' };
    default:
      return { label, mark: glyphs.other, tone: 'magenta' };
  }
}

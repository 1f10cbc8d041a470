import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang } from './lang.js';
import type { Messages } from './messages.js';

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : ja;
}

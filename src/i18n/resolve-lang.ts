import type { Lang } from './lang.js';

export interface LangEnv {
  LANG?: string | undefined;
  LC_ALL?: string | undefined;
  LC_MESSAGES?: string | undefined;
  TERM?: string | undefined;
}

/**
 * `--lang` wins. Otherwise English where kanji cannot be drawn: the Linux console (TERM=linux, no CJK font) and
 * `--ascii`. Otherwise what `--help` says: Japanese, unless the locale (LC_ALL, then LC_MESSAGES, then LANG, as
 * POSIX orders them) is set to something that is not Japanese, `C.UTF-8` and `POSIX` included.
 */
export function resolveLang(argvLang: string | undefined, env: LangEnv, ascii = false): Lang {
  if (argvLang === 'ja' || argvLang === 'en') return argvLang;
  if (ascii || env.TERM === 'linux') return 'en';
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined) return 'ja';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

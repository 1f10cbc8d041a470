import type { Lang } from './lang.js';

export interface LangEnv {
  LANG?: string | undefined;
  LC_ALL?: string | undefined;
  LC_MESSAGES?: string | undefined;
}

/**
 * `--lang` wins; otherwise Japanese, unless the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them)
 * is set to something that is not Japanese. `C`/`POSIX` count as "not set": a bare server keeps the default.
 */
export function resolveLang(argvLang: string | undefined, env: LangEnv): Lang {
  if (argvLang === 'ja' || argvLang === 'en') return argvLang;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.')) return 'ja';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

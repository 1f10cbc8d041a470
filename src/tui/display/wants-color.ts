export interface ColorEnv {
  NO_COLOR?: string | undefined;
  TERM?: string | undefined;
}

/** Colour unless --no-color, NO_COLOR (any non-empty value, no-color.org) or a dumb terminal says otherwise. */
export function wantsColor(noColorFlag: boolean, env: ColorEnv): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

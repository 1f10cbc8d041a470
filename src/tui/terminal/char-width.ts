// Terminal cells taken by one code point, measured like Ink measures (string-width): kana and kanji 2, ASCII 1,
// combining marks and joiners 0. Cached, since a frame repeats the same few hundred characters.
import { simpleCodePointWidth, stringWidthPackage } from '../format/cell-width.js';

const cache = new Map<number, number>();

export function codePointWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  const simple = simpleCodePointWidth(codePoint);
  if (simple >= 0) return simple;
  let width = cache.get(codePoint);
  if (width === undefined) {
    width = stringWidthPackage()(String.fromCodePoint(codePoint));
    if (width > 2) width = 2;
    cache.set(codePoint, width);
  }
  return width;
}

// Terminal cells taken by one code point, measured like Ink measures (string-width): kana and kanji 2, ASCII 1,
// combining marks and joiners 0. Cached, since a frame repeats the same few hundred characters.
import stringWidth from 'string-width';

const cache = new Map<number, number>();

export function codePointWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  let width = cache.get(codePoint);
  if (width === undefined) {
    width = stringWidth(String.fromCodePoint(codePoint));
    if (width > 2) width = 2;
    cache.set(codePoint, width);
  }
  return width;
}

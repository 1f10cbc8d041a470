/**
 * Plain data compared by value: what JSON would carry (functions and class instances are not in it). Used where a
 * list or a report is compared with the last one: unlike comparing JSON texts, nothing is kept between the looks
 * (the bridge held ~1 MB of texts for 60 apps: two-byte strings, as masked values carry "•") and nothing is built.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

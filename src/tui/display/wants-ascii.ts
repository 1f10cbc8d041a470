/**
 * ASCII glyphs for --ascii and for terminals that cannot draw the unicode set: TERM=dumb, and the Linux virtual
 * console (TERM=linux), whose console font lacks most symbols.
 */
export function wantsAscii(asciiFlag: boolean, term: string | undefined): boolean {
  return asciiFlag || term === 'dumb' || term === 'linux';
}

// What the CLI bundle gives every `import stringWidth from 'string-width'` (Ink, widest-line, cli-truncate...):
// the same widths, with cellWidth's fast paths and cache. Ink measures every line and every character of every
// frame; string-width segments each one with Intl.Segmenter, which was a third of the monitor's CPU.
import type StringWidth from 'string-width';
import { cellWidth, stringWidthPackage } from './cell-width.js';

export default function stringWidthAlias(text: string, options?: Parameters<typeof StringWidth>[1]): number {
  return options === undefined ? cellWidth(text) : stringWidthPackage()(text, options);
}

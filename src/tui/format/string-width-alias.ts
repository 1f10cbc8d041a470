// What the CLI bundle gives every `import stringWidth from 'string-width'` (Ink, widest-line, cli-truncate...):
// the same widths, with cellWidth's ASCII fast path and cache. Ink measures every line and every character of
// every frame; string-width segments each one with Intl.Segmenter, which was a third of the monitor's CPU.
import stringWidth from 'string-width';
import { cellWidth } from './cell-width.js';

export default function stringWidthAlias(text: string, options?: Parameters<typeof stringWidth>[1]): number {
  return options === undefined ? cellWidth(text) : stringWidth(text, options);
}

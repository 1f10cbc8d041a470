import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { App, type AppProps } from './App.js';

export interface TerminalAppProps extends Omit<AppProps, 'width' | 'height' | 'spareRows'> {
  /**
   * Rows to leave below the frame: 0 behind the cell-diff writer (its frame must be exactly the terminal height),
   * 1 on a plain terminal (Ink clears the whole screen on every frame once it reaches the rows).
   */
  spareRows: number;
}

/** The App sized to the terminal, following resizes. */
export function TerminalApp({ spareRows, ...props }: TerminalAppProps) {
  const { columns, rows } = useTerminalSize();
  return <App {...props} width={columns} height={Math.max(1, rows - spareRows)} spareRows={spareRows} />;
}

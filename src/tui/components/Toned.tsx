import { Text } from 'ink';
import { useContext, type ReactNode } from 'react';
import { DisplayContext } from '../display/display-context.js';
import type { Tone } from '../format/tone.js';

export interface TonedProps {
  tone?: Tone | null;
  bold?: boolean;
  inverse?: boolean;
  children: ReactNode;
}

/** Text in a colour and style, or plain when colour is off (--no-color, NO_COLOR, TERM=dumb): then no SGR at all. */
export function Toned({ tone, bold, inverse, children }: TonedProps) {
  const { color } = useContext(DisplayContext);
  if (!color) return <Text>{children}</Text>;
  return (
    <Text color={tone ?? undefined} bold={bold} inverse={inverse}>
      {children}
    </Text>
  );
}

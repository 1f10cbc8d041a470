import { Text } from 'ink';
import { memo, useContext } from 'react';
import type { Messages } from '../../i18n/messages.js';
import { DisplayContext } from '../display/display-context.js';
import type { Tone } from '../format/tone.js';
import { truncateCells } from '../format/truncate-cells.js';
import { keyHint } from '../keys/key-hint.js';
import type { Notice, UiState } from '../state/ui-state.js';
import { Toned } from './Toned.js';

export interface StatusLineProps {
  notice: Notice | null;
  filter: UiState['filter'];
  width: number;
}

function noticeText(notice: Notice, messages: Messages): { text: string; tone: Tone | null } {
  const s = messages.statusLine;
  switch (notice.kind) {
    case 'running':
      return { text: s.running(notice.action, notice.name), tone: 'yellow' };
    case 'cancelled':
      return { text: s.cancelled(notice.action, notice.name), tone: null };
    case 'finished':
      return notice.result.ok
        ? { text: `${s.succeeded(notice.action, notice.name)}`, tone: 'green' }
        : { text: s.failed(notice.action, notice.name, messages.actionErrors[notice.result.error.code](notice.result.error.params)), tone: 'red' };
    case 'readOnly':
      return { text: s.readOnly, tone: 'yellow' };
    case 'noSelection':
      return { text: s.noSelection, tone: null };
  }
}

/** The row above the hints: the filter being typed, else the outcome of the last action. */
export const StatusLine = memo(function StatusLine({ notice, filter, width }: StatusLineProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  if (filter.editing) {
    return <Text wrap="truncate-end">{truncateCells(`/${filter.text}_  ${keyHint('filterApply', messages, glyphs)} / ${keyHint('filterCancel', messages, glyphs)}`, width, glyphs.ellipsis)}</Text>;
  }
  const parts: { text: string; tone: Tone | null }[] = [];
  if (filter.text !== '') parts.push({ text: `[${messages.filter.label}: ${filter.text}] `, tone: 'cyan' });
  if (notice !== null) {
    const said = noticeText(notice, messages);
    const mark = notice.kind === 'finished' ? (notice.result.ok ? glyphs.online : glyphs.errored) + ' ' : '';
    parts.push({ text: mark + said.text, tone: said.tone });
  }
  const text = truncateCells(parts.map((p) => p.text).join(''), width, glyphs.ellipsis);
  if (parts.length < 2) return <Text wrap="truncate-end"><Toned tone={parts[0]?.tone}>{text}</Toned></Text>;
  return <Text wrap="truncate-end">{text}</Text>;
});

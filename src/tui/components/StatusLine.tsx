import { Text } from 'ink';
import { memo, useContext } from 'react';
import type { Messages } from '../../i18n/messages.js';
import type { ActionResult } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import type { Tone } from '../format/tone.js';
import { truncateCells } from '../format/truncate-cells.js';
import { keyHint } from '../keys/key-hint.js';
import type { Notice, UiState } from '../state/ui-state.js';
import { Toned } from './Toned.js';

export interface StatusLineProps {
  notice: Notice | null;
  filter: UiState['filter'];
  search: UiState['search'];
  /** Marked services among those shown (0: none). */
  markedCount: number;
  width: number;
}

function noticeText(notice: Notice, messages: Messages): { text: string; tone: Tone | null } {
  const s = messages.statusLine;
  const error = (result: ActionResult) => (result.ok ? '' : messages.actionErrors[result.error.code](result.error.params));
  switch (notice.kind) {
    case 'running':
      return notice.labels.length === 1
        ? { text: s.running(notice.action, notice.labels[0]!), tone: 'yellow' }
        : { text: s.runningMany(notice.action, notice.done, notice.labels.length), tone: 'yellow' };
    case 'cancelled':
      return { text: s.cancelled(notice.action, notice.labels.join(', ')), tone: null };
    case 'finished': {
      const { outcomes, action } = notice;
      if (outcomes.length === 1) {
        const { label, result } = outcomes[0]!;
        return result.ok ? { text: s.succeeded(action, label), tone: 'green' } : { text: s.failed(action, label, error(result)), tone: 'red' };
      }
      const failures = outcomes.filter((o) => !o.result.ok);
      if (failures.length === 0) return { text: s.succeededMany(action, outcomes.length, outcomes.map((o) => o.label).join(', ')), tone: 'green' };
      const said = failures.map((o) => `${o.label}: ${error(o.result)}`).join('; ');
      return { text: s.failedMany(action, outcomes.length - failures.length, outcomes.length, said), tone: 'red' };
    }
    case 'readOnly':
      return { text: s.readOnly, tone: 'yellow' };
    case 'noSelection':
      return { text: s.noSelection, tone: null };
    case 'logSaved':
      return { text: s.logSaved(notice.path), tone: 'green' };
    case 'logSaveFailed':
      return { text: s.logSaveFailed(notice.message), tone: 'red' };
    case 'noMatch':
      return { text: s.noMatch(notice.text), tone: 'yellow' };
    case 'configProblem':
      return { text: s.configProblem(notice.problem.path, notice.problem.message), tone: 'yellow' };
    case 'configSaveFailed':
      return { text: s.configSaveFailed(notice.message), tone: 'red' };
  }
}

/** The row above the hints: the filter being typed, else the outcome of the last action. */
export const StatusLine = memo(function StatusLine({ notice, filter, search, markedCount, width }: StatusLineProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  if (search.editing) {
    const prompt = `${messages.logs.searchPrompt(search.text)}  ${keyHint('searchApply', messages, glyphs)} / ${keyHint('searchCancel', messages, glyphs)}`;
    return <Text wrap="truncate-end">{truncateCells(prompt, width, glyphs.ellipsis)}</Text>;
  }
  if (filter.editing) {
    return <Text wrap="truncate-end">{truncateCells(`/${filter.text}_  ${keyHint('filterApply', messages, glyphs)} / ${keyHint('filterCancel', messages, glyphs)}`, width, glyphs.ellipsis)}</Text>;
  }
  const parts: { text: string; tone: Tone | null }[] = [];
  if (markedCount > 0) parts.push({ text: `[* ${markedCount}] `, tone: 'cyan' });
  if (filter.text !== '') parts.push({ text: `[${messages.filter.label}: ${filter.text}] `, tone: 'cyan' });
  if (notice !== null) {
    const said = noticeText(notice, messages);
    const mark = notice.kind === 'finished' ? (notice.outcomes.every((o) => o.result.ok) ? glyphs.online : glyphs.errored) + ' ' : '';
    parts.push({ text: mark + said.text, tone: said.tone });
  }
  const text = truncateCells(parts.map((p) => p.text).join(''), width, glyphs.ellipsis);
  if (parts.length < 2) return <Text wrap="truncate-end"><Toned tone={parts[0]?.tone}>{text}</Toned></Text>;
  return <Text wrap="truncate-end">{text}</Text>;
});

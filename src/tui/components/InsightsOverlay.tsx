import { Box, Text, type Key } from 'ink';
import { useContext, useEffect, useLayoutEffect, useReducer, useState, useSyncExternalStore } from 'react';
import { insightsMessages, type InsightsTab } from '../../i18n/insights.js';
import type { ActionTarget, CustomActionRunner, InsightsSource, Service } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { wrapCells } from '../format/wrap-cells.js';
import { actionRows, exceptionRows, stackLines, timelineRows } from '../insights/insights-lines.js';
import { insightsCommand, insightsReducer, openInsights } from '../insights/insights-view.js';
import { isTextKey } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import { KeyQueue } from '../keys/key-queue.js';
import { useQueuedInput } from '../hooks/use-queued-input.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface InsightsOverlayProps {
  insights: InsightsSource & CustomActionRunner;
  tab: InsightsTab;
  /** The selected service (the scope when not "all", and where actions run). */
  service: Service | null;
  /** Who to run an action on: the selected service as confirmed, with the daemon's pid. */
  target: ActionTarget | null;
  width: number;
  height: number;
  now: number;
  onClose: () => void;
}

const sameService = (service: Service | null) => (item: { pmId: number | null; name: string }) => service !== null && item.pmId === service.pmId && item.name === service.name;

/** The timeline, the exception groups (a stack opened whole) and the custom actions, over the whole frame. */
export function InsightsOverlay({ insights, tab, service, target, width, height, now, onClose }: InsightsOverlayProps) {
  const { lang, readOnly, glyphs } = useContext(DisplayContext);
  const m = insightsMessages(lang);
  const data = useSyncExternalStore(insights.subscribeInsights, insights.getInsights);
  const [view, dispatchView] = useReducer(insightsReducer, tab, openInsights);
  const [keyQueue] = useState(() => new KeyQueue());
  // As in App: a key of the next read waits for the render its predecessor caused (Enter opens the parameter prompt,
  // and text typed right after it must reach the prompt, not the list).
  const dispatch: typeof dispatchView = (action) => {
    if (insightsReducer(view, action) !== view) keyQueue.changed();
    dispatchView(action);
  };
  useEffect(() => dispatchView({ type: 'back' }), [service?.pmId]);

  const own = sameService(service);
  const events = view.all ? data.timeline : data.timeline.filter(own);
  const groups = view.all ? data.exceptions : data.exceptions.filter(own);
  const rows =
    view.tab === 'timeline' ? timelineRows(events, m, now, view.all) : view.tab === 'exceptions' ? exceptionRows(groups, m, now) : actionRows(service, m);
  const bodyRoom = Math.max(1, height - 2);
  const openGroup = view.stack ? groups[view.stack.index] : undefined;
  const stack = openGroup ? stackLines(openGroup, data.timeline, m, now).flatMap((line) => wrapCells(line, width)) : [];
  const stackMax = Math.max(0, stack.length - bodyRoom);

  const runAction = (action: string, param: string | null): void => {
    if (!target) return;
    dispatch({ type: 'run' });
    void insights
      .runCustomAction(target, action, param)
      .catch((error: unknown) => ({ ok: false as const, error: { code: 'pm2-refused' as const, params: { message: String(error) } } }))
      .then((result) => dispatch({ type: 'finished', action, result }));
  };

  const handleKey = (input: string, key: Key) => {
    const name = keyName(input, key);
    const phase = view.action;
    if (phase.kind === 'param') {
      const c = insightsCommand('param', name);
      if (c === 'cancel') return dispatch({ type: 'back' });
      if (c === 'accept') return dispatch({ type: 'askConfirm', action: phase.action, param: phase.text });
      if (c === 'erase') return dispatch({ type: 'eraseParam' });
      // A paste (or keys typed fast) arrives as one chunk: keep its printable characters.
      const text = Array.from(input).filter(isTextKey).join('');
      if (text !== '') dispatch({ type: 'typeParam', text });
      return;
    }
    if (phase.kind === 'confirm') {
      if (insightsCommand('confirm', name) === 'yes') return runAction(phase.action, phase.param);
      return dispatch({ type: 'back' });
    }
    if (view.stack) {
      const c = insightsCommand('stack', name);
      const step = c === 'up' ? -1 : c === 'down' ? 1 : c === 'pageUp' ? -(bodyRoom - 1) : c === 'pageDown' ? bodyRoom - 1 : 0;
      if (c === 'back') return dispatch({ type: 'back' });
      if (step !== 0) dispatch({ type: 'scrollStack', by: step, max: stackMax });
      return;
    }
    const c = insightsCommand('list', name);
    if (c === 'close') return phase.kind === 'idle' ? onClose() : dispatch({ type: 'back' });
    if (c === 'nextTab') return dispatch({ type: 'nextTab' });
    if (c === 'toggleAll') return dispatch({ type: 'toggleAll' });
    if (c === 'up' || c === 'down' || c === 'pageUp' || c === 'pageDown') {
      const by = c === 'up' ? -1 : c === 'down' ? 1 : c === 'pageUp' ? -(bodyRoom - 1) : bodyRoom - 1;
      return dispatch({ type: 'move', by, count: rows.length });
    }
    if (c !== 'open') return;
    if (view.tab === 'exceptions' && groups[view.cursor]) return dispatch({ type: 'openStack', index: view.cursor });
    const action = view.tab === 'actions' ? service?.actions[view.cursor] : undefined;
    if (!action || phase.kind === 'running') return;
    if (readOnly) return dispatch({ type: 'refused', action: action.name, result: { ok: false, error: { code: 'read-only', params: {} } } });
    dispatch(action.takesParam ? { type: 'askParam', action: action.name } : { type: 'askConfirm', action: action.name, param: null });
  };
  useLayoutEffect(() => keyQueue.committed(handleKey));
  useQueuedInput(keyQueue);

  const scope = view.all ? m.scopeAll : service ? m.scopeOne(service.name) : m.noService;
  const title = `${m.tabs[view.tab]} — ${scope}`;
  const tabs = ['timeline', 'exceptions', 'actions'].map((t) => (t === view.tab ? `[${m.tabs[t as InsightsTab]}]` : m.tabs[t as InsightsTab])).join(' ');

  let body: { text: string; tone?: 'cyan' | 'red' | 'gray' | null; bold?: boolean }[];
  if (openGroup) {
    body = stack.slice(view.stack!.scroll, view.stack!.scroll + bodyRoom).map((text) => ({ text }));
  } else {
    const outcome = actionOutcome(view.action, m);
    const listRoom = Math.max(1, bodyRoom - outcome.length);
    const first = Math.max(0, Math.min(view.cursor - Math.floor(listRoom / 2), rows.length - listRoom));
    const shown = rows.slice(first, first + listRoom).map((text, i) => {
      const selected = view.tab !== 'timeline' && first + i === view.cursor;
      return { text: `${selected ? glyphs.selected : ' '} ${text}`, tone: selected ? ('cyan' as const) : null, bold: selected };
    });
    body = rows.length === 0 ? [{ text: `  ${view.tab === 'actions' && !service ? m.noService : m.empty[view.tab]}`, tone: 'gray' }] : shown;
    body = [...body, ...outcome];
  }
  const hint = openGroup ? m.hints.stack : view.action.kind === 'param' ? m.hints.param : view.action.kind === 'confirm' ? m.hints.confirm : m.hints.list;
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={title} note={tabs} width={width} active />
      <Box flexDirection="column" height={bodyRoom}>
        {body.slice(0, bodyRoom).map((line, i) => (
          <Text key={i} wrap="truncate-end">
            <Toned tone={line.tone ?? null} bold={line.bold ?? false}>
              {truncateCells(line.text, width, glyphs.ellipsis)}
            </Toned>
          </Text>
        ))}
      </Box>
      <Text wrap="truncate-end">
        <Toned tone="gray">{truncateCells(hint, width, glyphs.ellipsis)}</Toned>
      </Text>
    </Box>
  );

  function actionOutcome(phase: typeof view.action, words: typeof m): { text: string; tone?: 'cyan' | 'red' | 'gray' | null; bold?: boolean }[] {
    switch (phase.kind) {
      case 'idle':
        return [];
      case 'param':
        return [{ text: '' }, { text: `${words.paramPrompt(phase.action)}${phase.text}_`, tone: 'cyan' }];
      case 'confirm':
        return [{ text: '' }, { text: words.confirmRun(phase.action, service?.name ?? '', phase.param), tone: 'cyan', bold: true }];
      case 'running':
        return [{ text: '' }, { text: words.running(phase.action), tone: 'gray' }];
      case 'done':
        if (!phase.result.ok) return [{ text: '' }, { text: words.actionErrors[phase.result.error.code](phase.result.error.params), tone: 'red' }];
        return [{ text: '' }, { text: words.reply(phase.action), bold: true }, ...wrapCells(phase.result.reply, width - 2).slice(0, 8).map((text) => ({ text: `  ${text}` }))];
    }
  }
}

// The insights overlay's state as a pure reducer, and its keys as data (this screen's own block of keys).
import type { CustomActionResult } from '../../pm2-bridge/types.js';
import type { InsightsTab } from '../../i18n/insights.js';

export type ActionPhase =
  | { kind: 'idle' }
  | { kind: 'param'; action: string; text: string }
  | { kind: 'confirm'; action: string; param: string | null }
  | { kind: 'running'; action: string }
  | { kind: 'done'; action: string; result: CustomActionResult };

export interface InsightsViewState {
  tab: InsightsTab;
  /** true: every service; false: the selected one. */
  all: boolean;
  cursor: number;
  /** The exception whose stack is open, and how far it is scrolled. */
  stack: { index: number; scroll: number } | null;
  action: ActionPhase;
}

export const TABS: readonly InsightsTab[] = ['timeline', 'exceptions', 'actions'];

export function openInsights(tab: InsightsTab): InsightsViewState {
  return { tab, all: tab === 'timeline', cursor: 0, stack: null, action: { kind: 'idle' } };
}

export type InsightsAction =
  | { type: 'nextTab' }
  | { type: 'toggleAll' }
  | { type: 'move'; by: number; count: number }
  | { type: 'openStack'; index: number }
  | { type: 'scrollStack'; by: number; max: number }
  | { type: 'back' }
  | { type: 'askParam'; action: string }
  | { type: 'typeParam'; text: string }
  | { type: 'eraseParam' }
  | { type: 'askConfirm'; action: string; param: string | null }
  | { type: 'run' }
  | { type: 'finished'; action: string; result: CustomActionResult }
  /** Not run at all (read-only): the reason shows as its outcome. */
  | { type: 'refused'; action: string; result: CustomActionResult };

export function insightsReducer(state: InsightsViewState, a: InsightsAction): InsightsViewState {
  switch (a.type) {
    case 'nextTab':
      return { ...openInsights(TABS[(TABS.indexOf(state.tab) + 1) % TABS.length]!), all: state.all };
    case 'toggleAll':
      return { ...state, all: !state.all, cursor: 0 };
    case 'move':
      return { ...state, cursor: Math.max(0, Math.min(Math.max(0, a.count - 1), state.cursor + a.by)) };
    case 'openStack':
      return { ...state, stack: { index: a.index, scroll: 0 } };
    case 'scrollStack':
      return state.stack ? { ...state, stack: { ...state.stack, scroll: Math.max(0, Math.min(a.max, state.stack.scroll + a.by)) } } : state;
    case 'back':
      if (state.stack) return { ...state, stack: null };
      return { ...state, action: { kind: 'idle' } };
    case 'askParam':
      return { ...state, action: { kind: 'param', action: a.action, text: '' } };
    case 'typeParam':
      return state.action.kind === 'param' ? { ...state, action: { ...state.action, text: state.action.text + a.text } } : state;
    case 'eraseParam':
      return state.action.kind === 'param' ? { ...state, action: { ...state.action, text: Array.from(state.action.text).slice(0, -1).join('') } } : state;
    case 'askConfirm':
      return { ...state, action: { kind: 'confirm', action: a.action, param: a.param } };
    case 'run':
      return state.action.kind === 'confirm' ? { ...state, action: { kind: 'running', action: state.action.action } } : state;
    case 'finished':
      return state.action.kind === 'running' && state.action.action === a.action ? { ...state, action: { kind: 'done', action: a.action, result: a.result } } : state;
    case 'refused':
      return { ...state, action: { kind: 'done', action: a.action, result: a.result } };
  }
}

/** The overlay's keys, by mode: what each key name means there. */
export const insightsKeys = {
  list: { close: ['escape', 'q'], nextTab: ['tab'], toggleAll: ['a'], up: ['up', 'k'], down: ['down', 'j'], pageUp: ['pageUp'], pageDown: ['pageDown'], open: ['return'] },
  stack: { back: ['escape', 'q'], up: ['up', 'k'], down: ['down', 'j'], pageUp: ['pageUp'], pageDown: ['pageDown'] },
  param: { cancel: ['escape'], accept: ['return'], erase: ['backspace'] },
  confirm: { yes: ['y', 'Y'] },
} as const;

export type InsightsKeyMode = keyof typeof insightsKeys;

/** The command a key means in `mode`, or null (in `param`, a printable key is text; in `confirm`, any other key is no). */
export function insightsCommand<M extends InsightsKeyMode>(mode: M, key: string): keyof (typeof insightsKeys)[M] | null {
  const table = insightsKeys[mode] as Record<string, readonly string[]>;
  for (const [command, keys] of Object.entries(table)) if (keys.includes(key)) return command as keyof (typeof insightsKeys)[M];
  return null;
}

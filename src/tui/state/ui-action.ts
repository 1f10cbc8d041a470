import type { ActionResult, ActionTarget, ServiceAction } from '../../pm2-bridge/types.js';
import type { Focus, Notice } from './ui-state.js';

/** Messages the reducer understands. Actions that need the current lists carry them, so the reducer stays pure. */
export type UiAction =
  /** Move the selection by `by` rows within `ids` (the visible pm_ids, in order). */
  | { type: 'move'; by: number; ids: readonly number[] }
  | { type: 'select'; pmId: number }
  /** `panes`: the ones on screen, in Tab order. */
  | { type: 'focusNext'; panes: readonly Focus[] }
  /** Scroll the detail pane by `by` rows; `max` is how far it can go (rows - room). */
  | { type: 'scrollDetail'; by: number; max: number }
  | { type: 'toggleEnv' }
  /** Scroll the log pane by `by` lines (negative: back); `seqs` are the selected service's lines, `page` the pane height. */
  | { type: 'scrollLog'; by: number; seqs: readonly number[]; page: number }
  | { type: 'followLog' }
  | { type: 'openFilter' }
  | { type: 'typeFilter'; text: string }
  | { type: 'eraseFilter' }
  | { type: 'applyFilter' }
  | { type: 'clearFilter' }
  | { type: 'askConfirm'; action: ServiceAction; target: ActionTarget; name: string }
  | { type: 'cancelConfirm' }
  | { type: 'acceptConfirm' }
  | { type: 'actionFinished'; action: ServiceAction; name: string; result: ActionResult }
  | { type: 'toggleHelp' }
  | { type: 'scrollHelp'; by: number; max: number }
  | { type: 'closeHelp' }
  | { type: 'toggleDetail' }
  | { type: 'notice'; notice: Notice | null };

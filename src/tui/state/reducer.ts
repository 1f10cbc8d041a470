import { resolveSelectedIndex } from './resolve-selected-index.js';
import type { UiAction } from './ui-action.js';
import type { Focus, LogView, UiState } from './ui-state.js';

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function scrolledLogView(view: LogView, by: number, seqs: readonly number[], page: number): LogView {
  if (seqs.length === 0) return view;
  const last = seqs.length - 1;
  let bottom: number;
  if (view.follow) {
    bottom = last;
  } else {
    const anchorSeq = view.anchorSeq;
    const atOrBefore = seqs.findLastIndex((seq) => seq <= anchorSeq);
    bottom = atOrBefore === -1 ? 0 : atOrBefore;
  }
  // The window never scrolls past the oldest line: its bottom stays at least one page from the top.
  const lowest = Math.min(Math.max(page, 1) - 1, last);
  const next = clamp(bottom + by, lowest, last);
  return { follow: false, anchorSeq: seqs[next]! };
}

/** The monitor's UI state machine: pure, tested without rendering. */
export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'move': {
      const current = resolveSelectedIndex(state.selectedPmId, action.ids);
      if (current === -1) return state;
      const pmId = action.ids[clamp(current + action.by, 0, action.ids.length - 1)]!;
      if (pmId === state.selectedPmId) return state;
      return { ...state, selectedPmId: pmId, log: { follow: true }, detailScroll: 0 };
    }
    case 'select':
      if (action.pmId === state.selectedPmId) return state;
      return { ...state, selectedPmId: action.pmId, log: { follow: true }, detailScroll: 0 };
    case 'focusNext': {
      const order: readonly Focus[] = ['table', 'logs', 'detail'];
      const start = order.indexOf(state.focus);
      for (let step = 1; step <= order.length; step++) {
        const next = order[(start + step) % order.length]!;
        if (action.panes.includes(next)) return next === state.focus ? state : { ...state, focus: next };
      }
      return state;
    }
    case 'scrollDetail': {
      const next = clamp(state.detailScroll + action.by, 0, Math.max(0, action.max));
      return next === state.detailScroll ? state : { ...state, detailScroll: next };
    }
    case 'toggleEnv':
      return { ...state, envExpanded: !state.envExpanded };
    case 'scrollLog':
      return { ...state, log: scrolledLogView(state.log, action.by, action.seqs, action.page) };
    case 'followLog':
      return state.log.follow ? state : { ...state, log: { follow: true } };
    case 'openFilter':
      return { ...state, filter: { text: state.filter.text, editing: true } };
    case 'typeFilter':
      return { ...state, filter: { text: state.filter.text + action.text, editing: true } };
    case 'eraseFilter':
      return { ...state, filter: { text: [...state.filter.text].slice(0, -1).join(''), editing: true } };
    case 'applyFilter':
      return { ...state, filter: { text: state.filter.text, editing: false } };
    case 'clearFilter':
      return { ...state, filter: { text: '', editing: false } };
    case 'askConfirm':
      return { ...state, confirm: { action: action.action, target: action.target, name: action.name }, helpOpen: false };
    case 'cancelConfirm':
      if (state.confirm === null) return state;
      return {
        ...state,
        confirm: null,
        notice: { kind: 'cancelled', action: state.confirm.action, name: state.confirm.name },
      };
    case 'acceptConfirm':
      if (state.confirm === null) return state;
      return {
        ...state,
        confirm: null,
        notice: { kind: 'running', action: state.confirm.action, name: state.confirm.name },
      };
    case 'actionFinished':
      return { ...state, notice: { kind: 'finished', action: action.action, name: action.name, result: action.result } };
    case 'toggleHelp':
      return { ...state, helpOpen: !state.helpOpen, helpScroll: 0 };
    case 'scrollHelp': {
      const next = clamp(state.helpScroll + action.by, 0, Math.max(0, action.max));
      return next === state.helpScroll ? state : { ...state, helpScroll: next };
    }
    case 'closeHelp':
      return state.helpOpen ? { ...state, helpOpen: false } : state;
    case 'toggleDetail':
      // Expanded details take the keys (j/k, PgUp/PgDn scroll them); shrinking gives them back to the table.
      return { ...state, detailExpanded: !state.detailExpanded, focus: state.detailExpanded ? 'table' : 'detail' };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

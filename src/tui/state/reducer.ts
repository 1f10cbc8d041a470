import { resolveSelectedRow, stepSelectable } from '../table/table-rows.js';
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

/** The row `key` at `index` selected: a new selection follows the log and shows the detail pane's top. */
function selectRow(state: UiState, key: string, index: number): UiState {
  if (key === state.selectedKey) return state.selectedHint === index ? state : { ...state, selectedHint: index };
  return { ...state, selectedKey: key, selectedHint: index, log: { follow: true }, detailScroll: 0, search: { ...state.search, cursorSeq: null } };
}

/** The monitor's UI state machine: pure, tested without rendering. */
export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'move': {
      const current = resolveSelectedRow(state.selectedKey, action.rows, state.selectedHint);
      if (current === -1) return state;
      const index = stepSelectable(action.rows, current, action.by);
      return selectRow(state, action.rows[index]!.key, index);
    }
    case 'pinSelection': {
      const index = resolveSelectedRow(state.selectedKey, action.rows, state.selectedHint);
      return index === -1 ? state : selectRow(state, action.rows[index]!.key, index);
    }
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
    case 'toggleLogOption':
      return { ...state, logOptions: { ...state.logOptions, [action.option]: !state.logOptions[action.option] }, log: { follow: true } };
    case 'setLogHistory':
      return { ...state, logHistory: action.index, log: { follow: true } };
    case 'openSearch':
      return { ...state, search: { text: '', editing: true, cursorSeq: null } };
    case 'typeSearch':
      return { ...state, search: { ...state.search, text: state.search.text + action.text } };
    case 'eraseSearch':
      return { ...state, search: { ...state.search, text: [...state.search.text].slice(0, -1).join('') } };
    case 'cancelSearch':
      return state.search.text === '' && !state.search.editing ? state : { ...state, search: { text: '', editing: false, cursorSeq: null } };
    case 'landSearch': {
      const search = { text: state.search.text, editing: false, cursorSeq: action.seq };
      if (action.seq === null) return { ...state, search, notice: { kind: 'noMatch', text: state.search.text } };
      return { ...state, search, log: { follow: false, anchorSeq: action.seq } };
    }
    case 'openLine':
      return { ...state, lineView: { line: action.line, scroll: 0 } };
    case 'scrollLine': {
      if (state.lineView === null) return state;
      const next = clamp(state.lineView.scroll + action.by, 0, Math.max(0, action.max));
      return next === state.lineView.scroll ? state : { ...state, lineView: { ...state.lineView, scroll: next } };
    }
    case 'closeLine':
      return state.lineView === null ? state : { ...state, lineView: null };
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
    case 'setSort':
      return { ...state, sort: action.sort };
    case 'setExpanded': {
      if (state.expanded.has(action.key) === action.expanded) return state;
      const expanded = new Set(state.expanded);
      if (action.expanded) expanded.add(action.key);
      else expanded.delete(action.key);
      return { ...state, expanded };
    }
    case 'toggleMarks': {
      if (action.pmIds.length === 0) return state;
      const marks = new Set(state.marks);
      const all = action.pmIds.every((id) => marks.has(id));
      for (const id of action.pmIds) {
        if (all) marks.delete(id);
        else marks.add(id);
      }
      return { ...state, marks };
    }
    case 'markAll':
      return { ...state, marks: new Set([...state.marks, ...action.pmIds]) };
    case 'clearMarks':
      return state.marks.size === 0 ? state : { ...state, marks: new Set() };
    case 'toggleColumn': {
      const hiddenColumns = new Set(state.hiddenColumns);
      if (!hiddenColumns.delete(action.column)) hiddenColumns.add(action.column);
      return { ...state, hiddenColumns };
    }
    case 'toggleColumns':
      return { ...state, columnsOpen: !state.columnsOpen, helpOpen: false };
    case 'askConfirm':
      return { ...state, confirm: { action: action.action, targets: action.targets }, helpOpen: false };
    case 'cancelConfirm':
      if (state.confirm === null) return state;
      return {
        ...state,
        confirm: null,
        notice: { kind: 'cancelled', action: state.confirm.action, labels: state.confirm.targets.map((t) => t.label) },
      };
    case 'actionStarted':
      return {
        ...state,
        confirm: null,
        notice: { kind: 'running', action: action.action, labels: action.targets.map((t) => t.label), done: 0 },
      };
    case 'actionProgress':
      return { ...state, notice: { kind: 'running', action: action.action, labels: action.labels, done: action.done } };
    case 'actionFinished': {
      // The marks did their job once every marked one went well; a failure keeps them for another try.
      const marks = action.outcomes.every((o) => o.result.ok) ? new Set<number>() : state.marks;
      return { ...state, marks, notice: { kind: 'finished', action: action.action, outcomes: action.outcomes } };
    }
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

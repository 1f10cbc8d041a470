import { describe, expect, it } from 'vitest';
import { uiReducer } from '../../../src/tui/state/reducer.js';
import { initialUiState, type UiState } from '../../../src/tui/state/ui-state.js';
import { DEFAULT_SORT } from '../../../src/tui/table/sort-order.js';
import { serviceKey, tableRows } from '../../../src/tui/table/table-rows.js';
import { makeService } from '../fixtures/make-service.js';

const at = (change: Partial<UiState>): UiState => ({ ...initialUiState, ...change });

const rowsOf = (ids: readonly number[]) =>
  tableRows(
    ids.map((pmId) => makeService({ pmId, name: `app${pmId}` })),
    DEFAULT_SORT,
    new Set(),
    0,
  );

describe('selection', () => {
  it('moves by row within the rows and stops at the ends', () => {
    const rows = rowsOf([0, 3, 7]);
    let s = uiReducer(initialUiState, { type: 'move', by: 1, rows });
    expect(s.selectedKey).toBe(serviceKey(3));
    s = uiReducer(s, { type: 'move', by: 1, rows });
    s = uiReducer(s, { type: 'move', by: 1, rows });
    expect(s.selectedKey).toBe(serviceKey(7));
    s = uiReducer(s, { type: 'move', by: -5, rows });
    expect(s.selectedKey).toBe(serviceKey(0));
  });
  it('moving from a deleted selection starts from the row it was at', () => {
    expect(uiReducer(at({ selectedKey: serviceKey(3), selectedHint: 1 }), { type: 'move', by: 1, rows: rowsOf([0, 7, 9]) }).selectedKey).toBe(serviceKey(9));
  });
  it('pinning to the rows a render showed keeps a selection a later key made, and moves a deleted one to its neighbour', () => {
    // "/app3" Enter, then Esc j in one read: j is handled on the rows after Esc before that render's pin is applied.
    const all = rowsOf([0, 3, 7]);
    const filtered = at({ selectedKey: serviceKey(3), selectedHint: 0 });
    const moved = uiReducer(filtered, { type: 'move', by: 1, rows: all });
    expect(moved.selectedKey).toBe(serviceKey(7));
    expect(uiReducer(moved, { type: 'pinSelection', rows: all })).toBe(moved);
    expect(uiReducer(filtered, { type: 'pinSelection', rows: all })).toMatchObject({ selectedKey: serviceKey(3), selectedHint: 1 });
    expect(uiReducer(moved, { type: 'pinSelection', rows: rowsOf([0, 3, 9]) }).selectedKey).toBe(serviceKey(9));
  });
  it('follows the new service log again when the selection changes', () => {
    const s = uiReducer(at({ selectedKey: serviceKey(0), log: { follow: false, anchorSeq: 5 } }), { type: 'move', by: 1, rows: rowsOf([0, 1]) });
    expect(s.log).toEqual({ follow: true });
  });
});

describe('log scroll', () => {
  const seqs = Array.from({ length: 50 }, (_, i) => i + 1);
  it('pauses on scroll back, anchored to a line', () => {
    const s = uiReducer(initialUiState, { type: 'scrollLog', by: -10, seqs, page: 10 });
    expect(s.log).toEqual({ follow: false, anchorSeq: 40 });
  });
  it('never scrolls above the first page nor below the newest line', () => {
    let s = uiReducer(initialUiState, { type: 'scrollLog', by: -1000, seqs, page: 10 });
    expect(s.log).toEqual({ follow: false, anchorSeq: 10 });
    s = uiReducer(s, { type: 'scrollLog', by: 1000, seqs, page: 10 });
    expect(s.log).toEqual({ follow: false, anchorSeq: 50 });
  });
  it('keeps its place as new lines arrive and drop old ones; End follows again', () => {
    let s = uiReducer(initialUiState, { type: 'scrollLog', by: -5, seqs, page: 10 });
    const newer = Array.from({ length: 50 }, (_, i) => i + 21);
    s = uiReducer(s, { type: 'scrollLog', by: -1, seqs: newer, page: 10 });
    expect(s.log).toEqual({ follow: false, anchorSeq: 44 });
    s = uiReducer(s, { type: 'followLog' });
    expect(s.log).toEqual({ follow: true });
  });
  it('does nothing with no lines', () => {
    expect(uiReducer(initialUiState, { type: 'scrollLog', by: -3, seqs: [], page: 5 }).log).toEqual({ follow: true });
  });
});

describe('filter', () => {
  it('edits, applies and clears', () => {
    let s = uiReducer(initialUiState, { type: 'openFilter' });
    s = uiReducer(s, { type: 'typeFilter', text: 'カ' });
    s = uiReducer(s, { type: 'typeFilter', text: 'レ' });
    s = uiReducer(s, { type: 'eraseFilter' });
    expect(s.filter).toEqual({ text: 'カ', editing: true });
    s = uiReducer(s, { type: 'applyFilter' });
    expect(s.filter).toEqual({ text: 'カ', editing: false });
    s = uiReducer(s, { type: 'clearFilter' });
    expect(s.filter).toEqual({ text: '', editing: false });
  });
});

describe('confirm dialog and status line', () => {
  const entry = (pmId: number, name: string) => ({ target: { pmId, name, daemonPid: 4242 }, label: name });
  it('asks, then cancel says so', () => {
    const targets = [entry(2, 'notion-mcp')];
    let s = uiReducer(initialUiState, { type: 'askConfirm', action: 'stop', targets });
    expect(s.confirm).toEqual({ action: 'stop', targets });
    s = uiReducer(s, { type: 'cancelConfirm' });
    expect(s.confirm).toBeNull();
    expect(s.notice).toEqual({ kind: 'cancelled', action: 'stop', labels: ['notion-mcp'] });
  });
  it('accept shows running with progress, then every outcome; marks go once all went well', () => {
    const targets = [entry(1, 'a'), entry(2, 'b')];
    let s = uiReducer(at({ marks: new Set([1, 2]) }), { type: 'askConfirm', action: 'restart', targets });
    s = uiReducer(s, { type: 'actionStarted', action: 'restart', targets });
    expect(s.confirm).toBeNull();
    expect(s.notice).toEqual({ kind: 'running', action: 'restart', labels: ['a', 'b'], done: 0 });
    s = uiReducer(s, { type: 'actionProgress', action: 'restart', labels: ['a', 'b'], done: 1 });
    expect(s.notice).toMatchObject({ done: 1 });
    const failed = { ok: false as const, error: { code: 'timeout' as const, params: { ms: 15000 } } };
    const partly = uiReducer(s, { type: 'actionFinished', action: 'restart', outcomes: [{ label: 'a', result: { ok: true } }, { label: 'b', result: failed }] });
    expect(partly.notice).toEqual({ kind: 'finished', action: 'restart', outcomes: [{ label: 'a', result: { ok: true } }, { label: 'b', result: failed }] });
    expect(partly.marks.size).toBe(2);
    const all = uiReducer(s, { type: 'actionFinished', action: 'restart', outcomes: [{ label: 'a', result: { ok: true } }, { label: 'b', result: { ok: true } }] });
    expect(all.marks.size).toBe(0);
  });
  it('closes help when a dialog opens; toggles help, focus and detail', () => {
    let s = uiReducer(initialUiState, { type: 'toggleHelp' });
    expect(s.helpOpen).toBe(true);
    s = uiReducer(s, { type: 'askConfirm', action: 'delete', targets: [{ target: { pmId: 1, name: 'x', daemonPid: null }, label: 'x' }] });
    expect(s.helpOpen).toBe(false);
    const all = ['table', 'logs', 'detail'] as const;
    expect(uiReducer(initialUiState, { type: 'focusNext', panes: all }).focus).toBe('logs');
    expect(uiReducer(at({ focus: 'logs' }), { type: 'focusNext', panes: all }).focus).toBe('detail');
    expect(uiReducer(at({ focus: 'detail' }), { type: 'focusNext', panes: all }).focus).toBe('table');
    // Expanded details hide the logs: Tab skips them.
    expect(uiReducer(initialUiState, { type: 'focusNext', panes: ['table', 'detail'] }).focus).toBe('detail');
    const expanded = uiReducer(initialUiState, { type: 'toggleDetail' });
    expect(expanded).toMatchObject({ detailExpanded: true, focus: 'detail' });
    expect(uiReducer(expanded, { type: 'toggleDetail' })).toMatchObject({ detailExpanded: false, focus: 'table' });
  });
});

describe('detail pane', () => {
  it('scrolls within its rows and back to the top for another service', () => {
    let s = uiReducer(initialUiState, { type: 'scrollDetail', by: 5, max: 3 });
    expect(s.detailScroll).toBe(3);
    s = uiReducer(s, { type: 'scrollDetail', by: -10, max: 3 });
    expect(s.detailScroll).toBe(0);
    s = uiReducer(at({ selectedKey: serviceKey(0), detailScroll: 2 }), { type: 'move', by: 1, rows: rowsOf([0, 1]) });
    expect(s.detailScroll).toBe(0);
    expect(uiReducer(initialUiState, { type: 'toggleEnv' }).envExpanded).toBe(true);
  });
});

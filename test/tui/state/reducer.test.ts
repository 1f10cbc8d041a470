import { describe, expect, it } from 'vitest';
import { uiReducer } from '../../../src/tui/state/reducer.js';
import { resolveSelectedIndex } from '../../../src/tui/state/resolve-selected-index.js';
import { initialUiState, type UiState } from '../../../src/tui/state/ui-state.js';

const at = (change: Partial<UiState>): UiState => ({ ...initialUiState, ...change });

describe('selection', () => {
  it('moves by pm_id within the visible ids and stops at the ends', () => {
    const ids = [0, 3, 7];
    let s = uiReducer(initialUiState, { type: 'move', by: 1, ids });
    expect(s.selectedPmId).toBe(3);
    s = uiReducer(s, { type: 'move', by: 1, ids });
    s = uiReducer(s, { type: 'move', by: 1, ids });
    expect(s.selectedPmId).toBe(7);
    s = uiReducer(s, { type: 'move', by: -5, ids });
    expect(s.selectedPmId).toBe(0);
  });
  it('survives reordering and falls to the neighbour when the selected service is deleted', () => {
    expect(resolveSelectedIndex(3, [0, 3, 7])).toBe(1);
    expect(resolveSelectedIndex(3, [0, 7])).toBe(1);
    expect(resolveSelectedIndex(7, [0, 3])).toBe(1);
    expect(resolveSelectedIndex(null, [4, 5])).toBe(0);
    expect(resolveSelectedIndex(1, [])).toBe(-1);
    // Moving from a deleted selection starts from its neighbour.
    expect(uiReducer(at({ selectedPmId: 3 }), { type: 'move', by: 1, ids: [0, 7, 9] }).selectedPmId).toBe(9);
  });
  it('follows the new service log again when the selection changes', () => {
    const s = uiReducer(at({ selectedPmId: 0, log: { follow: false, anchorSeq: 5 } }), { type: 'move', by: 1, ids: [0, 1] });
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
  it('asks, then cancel says so', () => {
    const target = { pmId: 2, name: 'notion-mcp', daemonPid: 4242 };
    let s = uiReducer(initialUiState, { type: 'askConfirm', action: 'stop', target, name: 'notion-mcp' });
    expect(s.confirm).toEqual({ action: 'stop', target, name: 'notion-mcp' });
    s = uiReducer(s, { type: 'cancelConfirm' });
    expect(s.confirm).toBeNull();
    expect(s.notice).toEqual({ kind: 'cancelled', action: 'stop', name: 'notion-mcp' });
  });
  it('accept shows running, then the outcome', () => {
    let s = uiReducer(initialUiState, { type: 'askConfirm', action: 'restart', target: { pmId: 2, name: 'a', daemonPid: null }, name: 'a' });
    s = uiReducer(s, { type: 'acceptConfirm' });
    expect(s.notice).toEqual({ kind: 'running', action: 'restart', name: 'a' });
    s = uiReducer(s, { type: 'actionFinished', action: 'restart', name: 'a', result: { ok: false, error: { code: 'timeout', params: { ms: 15000 } } } });
    expect(s.notice).toEqual({ kind: 'finished', action: 'restart', name: 'a', result: { ok: false, error: { code: 'timeout', params: { ms: 15000 } } } });
  });
  it('closes help when a dialog opens; toggles help, focus and detail', () => {
    let s = uiReducer(initialUiState, { type: 'toggleHelp' });
    expect(s.helpOpen).toBe(true);
    s = uiReducer(s, { type: 'askConfirm', action: 'delete', target: { pmId: 1, name: 'x', daemonPid: null }, name: 'x' });
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
    s = uiReducer(at({ selectedPmId: 0, detailScroll: 2 }), { type: 'move', by: 1, ids: [0, 1] });
    expect(s.detailScroll).toBe(0);
    expect(uiReducer(initialUiState, { type: 'toggleEnv' }).envExpanded).toBe(true);
  });
});

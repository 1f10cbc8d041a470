import { describe, expect, it } from 'vitest';
import { selectVisibleServices } from '../../../src/tui/state/select-visible-services.js';
import { makeService } from '../fixtures/make-service.js';

const services = [makeService({ pmId: 0, name: 'Notion-MCP' }), makeService({ pmId: 1, name: 'カレンダー連携' }), makeService({ pmId: 2, name: 'worker' })];

describe('selectVisibleServices', () => {
  it('filters by name, ignoring case, keeping order', () => {
    expect(selectVisibleServices(services, 'notion').map((s) => s.pmId)).toEqual([0]);
    expect(selectVisibleServices(services, 'カレ').map((s) => s.pmId)).toEqual([1]);
    expect(selectVisibleServices(services, '').length).toBe(3);
    expect(selectVisibleServices(services, 'zzz')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareFacts, nextSortKey, sortFacts, type SortOrder } from '../../../src/tui/table/sort-order.js';
import { appKey, resolveSelectedRow, serviceKey, stepSelectable, tableRows, type TableRow } from '../../../src/tui/table/table-rows.js';
import { makeService } from '../fixtures/make-service.js';

const MB = 1024 * 1024;
const now = 1_700_000_000_000;
// As pm2 numbers them when the cluster is started second and scaled later: api#1 has a higher pm_id than worker.
const services = [
  makeService({ pmId: 0, name: 'notion', memory: 90 * MB, cpu: 3, port: 3001 }),
  makeService({ pmId: 1, name: 'api', execMode: 'cluster', instanceId: 0, instances: 2, memory: 40 * MB, cpu: 1 }),
  makeService({ pmId: 2, name: 'worker', memory: 70 * MB, cpu: 0.5, restarts: 4 }),
  makeService({ pmId: 3, name: 'api', execMode: 'cluster', instanceId: 1, instances: 2, memory: 45 * MB, cpu: 2, status: 'stopped', pid: 0 }),
];
const labels = (rows: readonly TableRow[]) =>
  rows.map((row) => (row.kind === 'namespace' ? `[${row.namespace}]` : row.kind === 'app' ? `${row.name}(${row.services.length})` : `${row.child ? '  ' : ''}${row.service.name}${row.service.instanceId ?? ''}`));
const order = (key: SortOrder['key'], descending = false): SortOrder => ({ key, descending });

describe('tableRows', () => {
  it('by default lists apps in PM2 order with a cluster folded into one row, its instances under it when expanded', () => {
    expect(labels(tableRows(services, order('app'), new Set(), now))).toEqual(['notion', 'api(2)', 'worker']);
    const open = tableRows(services, order('app'), new Set([appKey('default', 'api')]), now);
    expect(labels(open)).toEqual(['notion', 'api(2)', '  api0', '  api1', 'worker']);
  });

  it('sorts by memory with a cluster counted by its sum (a stopped instance counts nothing), both directions', () => {
    // api: 40 MB (its stopped instance holds none) < worker 70 < notion 90.
    expect(labels(tableRows(services, order('memory'), new Set(), now))).toEqual(['api(2)', 'worker', 'notion']);
    expect(labels(tableRows(services, order('memory', true), new Set(), now))).toEqual(['notion', 'worker', 'api(2)']);
    expect(labels(tableRows(services, order('restarts', true), new Set(), now))).toEqual(['worker', 'notion', 'api(2)']);
    expect(labels(tableRows(services, order('name'), new Set(), now))).toEqual(['api(2)', 'notion', 'worker']);
    // Worst status first: api has a stopped instance.
    expect(labels(tableRows(services, order('status'), new Set(), now))[0]).toBe('api(2)');
    // No port sorts last whichever way.
    expect(labels(tableRows(services, order('port', true), new Set(), now))[0]).toBe('notion');
  });

  it('groups by namespace when there is more than one, default first', () => {
    const spread = [...services, makeService({ pmId: 4, name: 'batch', namespace: 'jobs' })];
    expect(labels(tableRows(spread, order('app'), new Set(), now))).toEqual(['[default]', 'notion', 'api(2)', 'worker', '[jobs]', 'batch']);
  });

  it('sums CPU and memory of a folded app', () => {
    const facts = sortFacts(services.filter((s) => s.name === 'api'), now);
    expect(facts).toMatchObject({ cpu: 1, memory: 40 * MB, firstPmId: 1, statusRank: 1 });
    expect(compareFacts(facts, facts, order('cpu'))).toBe(0);
    expect(nextSortKey('port')).toBe('app');
  });
});

describe('selection follows the service, not the row', () => {
  it('finds the same row after a re-sort, the folded app holding an instance, and a neighbour when it is gone', () => {
    const byApp = tableRows(services, order('app'), new Set(), now);
    const byMemory = tableRows(services, order('memory', true), new Set(), now);
    const worker = serviceKey(2);
    expect(byApp[resolveSelectedRow(worker, byApp, 0)]!.key).toBe(worker);
    expect(byMemory[resolveSelectedRow(worker, byMemory, 0)]!.key).toBe(worker);
    // An instance row selected, then its app folded: the app row.
    expect(byApp[resolveSelectedRow(serviceKey(3), byApp, 0)]!.key).toBe(appKey('default', 'api'));
    // Gone: the row nearest where it was.
    expect(resolveSelectedRow(serviceKey(9), byApp, 2)).toBe(2);
    expect(resolveSelectedRow(serviceKey(9), [], 2)).toBe(-1);
  });

  it('steps over namespace headings', () => {
    const rows = tableRows([...services, makeService({ pmId: 4, name: 'batch', namespace: 'jobs' })], order('app'), new Set(), now);
    expect(stepSelectable(rows, 3, 1)).toBe(5);
    expect(stepSelectable(rows, 1, -1)).toBe(1);
    expect(stepSelectable(rows, 5, 1)).toBe(5);
  });
});

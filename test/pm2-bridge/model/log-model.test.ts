import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeDaemon, fakeProcess } from '../../fakes/fake-daemon.js';
import { closeAll, modelsOver, sleep, until } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'gakuco-log-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(closeAll);

const texts = (models: ReturnType<typeof modelsOver>, pmId: number) => models.logs.lines(pmId).map((l) => `${l.history ? 'h' : 'l'}:${l.text}`);

describe('log model', () => {
  it('keeps each service in its own buffer, in order, and tells which service changed', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web'), fakeProcess(1, 'worker')] });
    const models = modelsOver(fake);
    const heard: number[] = [];
    models.logs.onLines((pmId) => heard.push(pmId));
    await models.link.start();
    await until(() => models.list.listed);
    fake.log(0, 'out', 'a1\na2\n');
    fake.log(1, 'err', 'b1\n');
    fake.log(0, 'out', 'a3\n');
    expect(texts(models, 0)).toEqual(['l:a1', 'l:a2', 'l:a3']);
    expect(models.logs.lines(1)).toMatchObject([{ stream: 'err', text: 'b1' }]);
    expect(heard).toEqual([0, 1, 0]);
    const seqs = [...models.logs.lines(0), ...models.logs.lines(1)].map((l) => l.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(4);
  });

  it('holds lines that come before the first list, then masks and shows them in order', async () => {
    const fake = new FakeDaemon();
    const secret = 'tok-1234567890abcdef';
    fake.scriptList({ list: [fakeProcess(0, 'web', { env: { API_TOKEN: secret } })], delayMs: 80 });
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 });
    await models.link.start();
    fake.log(0, 'out', `first ${secret}\nsecond\n`);
    fake.log(7, 'out', 'from a process that is never listed\n');
    expect(models.logs.lines(0)).toEqual([]);
    await until(() => models.list.listed);
    expect(texts(models, 0)).toEqual(['l:first ••••(API_TOKEN)', 'l:second']);
    expect(models.logs.lines(7)).toEqual([]);
  });

  it('reads history on first show, then live lines follow it in order; a second show reads nothing more', async () => {
    const out = join(dir, 'web-out.log');
    const err = join(dir, 'web-error.log');
    writeFileSync(out, '2026-01-02T03:04:05: old out 1\n2026-01-02T03:04:07: old out 2\n');
    writeFileSync(err, '2026-01-02T03:04:06: old err\n');
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web', { out, err })] });
    const models = modelsOver(fake, { historyLines: 50, refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    // A live line arrives (and pm2 writes it to the file) before the history is read: it is not read twice.
    appendFileSync(out, 'live 1\n');
    fake.log(0, 'out', 'live 1\n');
    models.logs.show(0);
    await until(() => models.logs.lines(0).some((l) => l.history));
    fake.log(0, 'out', 'live 2\n');
    expect(texts(models, 0)).toEqual(['h:old out 1', 'h:old err', 'h:old out 2', 'l:live 1', 'l:live 2']);
    const seqs = models.logs.lines(0).map((l) => l.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    models.logs.show(0);
    await sleep(50);
    expect(models.logs.lines(0)).toHaveLength(5);
  });

  it('reads history again to another depth: the last N lines, or since a time; live lines stay after it, once', async () => {
    const out = join(dir, 'deep-out.log');
    const err = join(dir, 'deep-error.log');
    const stamp = (minute: number) => `2026-01-02T03:${String(minute).padStart(2, '0')}:00`;
    const lines = Array.from({ length: 40 }, (_, i) => `${stamp(i)}: old ${i}\n`);
    writeFileSync(out, lines.join(''));
    writeFileSync(err, `${stamp(35)}: old err\n`);
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web', { out, err })] });
    const models = modelsOver(fake, { historyLines: 5, refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    appendFileSync(out, 'live 1\n');
    fake.log(0, 'out', 'live 1\n');
    models.logs.show(0);
    await until(() => models.logs.lines(0).some((l) => l.history));
    expect(texts(models, 0)).toEqual(['h:old err', 'h:old 36', 'h:old 37', 'h:old 38', 'h:old 39', 'l:live 1']);

    models.logs.readHistory(0, { lines: 12 });
    await until(() => models.logs.lines(0).filter((l) => l.history).length === 12);
    const deeper = texts(models, 0);
    expect(deeper.slice(0, 2)).toEqual(['h:old 29', 'h:old 30']);
    expect(deeper.filter((t) => t === 'h:old err')).toHaveLength(1);
    expect(deeper.at(-1)).toBe('l:live 1');

    models.logs.readHistory(0, { sinceMs: Date.parse(stamp(37)) });
    await until(() => texts(models, 0)[0] === 'h:old 37');
    expect(texts(models, 0)).toEqual(['h:old 37', 'h:old 38', 'h:old 39', 'l:live 1']);
    fake.log(0, 'out', 'live 2\n');
    expect(texts(models, 0).slice(-2)).toEqual(['l:live 1', 'l:live 2']);
    const seqs = models.logs.lines(0).map((l) => l.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('reads the history of a service shown before it is listed once it is', async () => {
    const out = join(dir, 'late-out.log');
    writeFileSync(out, 'from before\n');
    const fake = new FakeDaemon();
    fake.scriptList({ list: [] });
    const models = modelsOver(fake, { historyLines: 50, refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    models.logs.show(3);
    fake.scriptList({ list: [fakeProcess(3, 'late', { out, err: join(dir, 'none.log') })] });
    await models.list.refresh();
    await until(() => texts(models, 3).includes('h:from before'));
  });

  it('shows a partial line after a wait and replaces it when its end comes', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web')] });
    const models = modelsOver(fake, { partialLineFlushMs: 30 });
    await models.link.start();
    await until(() => models.list.listed);
    fake.log(0, 'out', 'progress 50%');
    await until(() => texts(models, 0).length === 1);
    const shown = models.logs.lines(0)[0]!;
    fake.log(0, 'out', ' done\n');
    expect(models.logs.lines(0)).toMatchObject([{ seq: shown.seq, text: 'progress 50% done' }]);
  });

  it('forgets the lines of a deleted service and of a pm_id now naming another app, and all on a new daemon', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'web'), fakeProcess(1, 'worker')] });
    const models = modelsOver(fake, { refreshIntervalMs: 60_000 });
    await models.link.start();
    await until(() => models.list.listed);
    fake.log(0, 'out', 'web line\n');
    fake.log(1, 'out', 'worker line\n');
    fake.scriptList({ list: [fakeProcess(1, 'api')] });
    await models.list.refresh();
    expect(models.logs.lines(0)).toEqual([]);
    expect(models.logs.lines(1)).toEqual([]);
    fake.log(1, 'out', 'api line\n');
    expect(texts(models, 1)).toEqual(['l:api line']);
    fake.kill();
    expect(models.logs.all().size).toBe(0);
  });

  it('keeps all buffers under the memory budget, taking from the biggest first', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ list: [fakeProcess(0, 'flood'), fakeProcess(1, 'quiet')] });
    const models = modelsOver(fake, { logBytesBudget: 20_000, logLinesPerService: 10_000 });
    await models.link.start();
    await until(() => models.list.listed);
    fake.log(1, 'out', 'quiet 1\n');
    for (let i = 0; i < 200; i += 1) fake.log(0, 'out', `${'x'.repeat(100)} ${i}\n`);
    expect(texts(models, 1)).toEqual(['l:quiet 1']);
    const flood = models.logs.lines(0);
    expect(flood.length).toBeLessThan(200);
    expect(flood.at(-1)!.text).toMatch(/ 199$/);
  });
});

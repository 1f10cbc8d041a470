import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/pm2-bridge/model/single-flight.js';
import { sleep } from './support.js';

function countingTask() {
  const state = { runs: 0, active: 0, maxActive: 0 };
  const task = async () => {
    state.runs += 1;
    state.active += 1;
    state.maxActive = Math.max(state.maxActive, state.active);
    await sleep(20);
    state.active -= 1;
  };
  return { state, task };
}

describe('singleFlight', () => {
  it('never runs two at a time, and runs once more for calls made while it ran', async () => {
    const { state, task } = countingTask();
    const flight = singleFlight(task);
    const first = flight.run();
    expect(flight.running).toBe(true);
    const joined = [flight.run(), flight.run(), flight.run()];
    expect(joined.every((p) => p === first)).toBe(true);
    await first;
    expect(state).toEqual({ runs: 2, active: 0, maxActive: 1 });
    expect(flight.running).toBe(false);
    await flight.settled();
  });
  it('drops calls made while it runs in drop mode', async () => {
    const { state, task } = countingTask();
    const flight = singleFlight(task, 'drop');
    void flight.run();
    void flight.run();
    await flight.settled();
    expect(state.runs).toBe(1);
    await flight.run();
    expect(state.runs).toBe(2);
  });
  it('a task that throws ends that run only', async () => {
    let runs = 0;
    const flight = singleFlight(async () => {
      runs += 1;
      throw new Error('boom');
    });
    await flight.run();
    await flight.run();
    expect(runs).toBe(2);
    expect(flight.running).toBe(false);
  });
});

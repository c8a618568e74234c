import { describe, expect, it } from 'vitest';
import { createSlots } from '../../server/passwords/hash-slots';

/** A job that runs until the test finishes it, and says when it started. */
function heldJob(started: string[], name: string) {
  let finish: () => void = () => undefined;
  const job = () => {
    started.push(name);
    return new Promise<string>((resolve) => {
      finish = () => resolve(name);
    });
  };
  return { job, finish: () => finish() };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('hash slots (SERVER-4, ADR 0027)', () => {
  it('run at most their number of jobs at once, the others in the order they came', async () => {
    const inSlot = createSlots(2);
    const started: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => heldJob(started, name));

    const results = jobs.map(({ job }) => inSlot(job));
    await settled();
    expect(started).toEqual(['a', 'b']);

    jobs[1]?.finish();
    await settled();
    expect(started).toEqual(['a', 'b', 'c']);

    jobs[0]?.finish();
    await settled();
    jobs[2]?.finish();
    jobs[3]?.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('give the slot of a job that failed to the next one', async () => {
    const inSlot = createSlots(1);
    const failing = inSlot(() => Promise.reject(new Error('no memory')));
    const next = inSlot(() => Promise.resolve('next'));

    await expect(failing).rejects.toThrow('no memory');
    expect(await next).toBe('next');
  });
});

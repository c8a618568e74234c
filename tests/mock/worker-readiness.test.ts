import { describe, expect, it } from 'vitest';
import {
  type ReadinessDeps,
  untilMockAnswers,
  WORKER_CONTROL_TIMEOUT_MS,
  WORKER_PROBE_BACKOFF_MS,
} from '@/mocks/worker-readiness';

function memoryStorage(): ReadinessDeps['storage'] & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A tab whose worker answers from the given probe on; records what the boot did. */
function tab(answersFromProbe: number, storage = memoryStorage()) {
  const log: string[] = [];
  let probes = 0;
  const deps: ReadinessDeps = {
    probe: () => {
      probes += 1;
      log.push(`probe ${probes}`);
      return Promise.resolve(probes >= answersFromProbe);
    },
    untilControlled: (timeoutMs) => {
      log.push(`control ${timeoutMs}`);
      return Promise.resolve();
    },
    wait: (ms) => {
      log.push(`wait ${ms}`);
      return Promise.resolve();
    },
    reload: () => log.push('reload'),
    storage,
  };
  return { deps, log, storage };
}

describe('the mock boot waits until the worker answers this tab', () => {
  it('goes on at once when the first probe is answered by the mock', async () => {
    const { deps, log } = tab(1);
    await expect(untilMockAnswers(deps)).resolves.toBe('ready');
    expect(log).toEqual([`control ${WORKER_CONTROL_TIMEOUT_MS}`, 'probe 1']);
  });

  it('waits for control first, then probes again with growing pauses until it answers', async () => {
    const { deps, log } = tab(3);
    await expect(untilMockAnswers(deps)).resolves.toBe('ready');
    expect(log).toEqual([
      `control ${WORKER_CONTROL_TIMEOUT_MS}`,
      'probe 1',
      `wait ${WORKER_PROBE_BACKOFF_MS[0]}`,
      'probe 2',
      `wait ${WORKER_PROBE_BACKOFF_MS[1]}`,
      'probe 3',
    ]);
  });

  it('reloads the tab once when the worker never answers, and sends nothing meanwhile', async () => {
    const { deps, log } = tab(Number.POSITIVE_INFINITY);
    await expect(untilMockAnswers(deps)).resolves.toBe('reloading');
    expect(log.filter((entry) => entry.startsWith('probe'))).toHaveLength(
      WORKER_PROBE_BACKOFF_MS.length + 1,
    );
    expect(log.at(-1)).toBe('reload');
  });

  it('fails the boot visibly instead of reloading in a loop', async () => {
    const storage = memoryStorage();
    await untilMockAnswers(tab(Number.POSITIVE_INFINITY, storage).deps);
    const second = tab(Number.POSITIVE_INFINITY, storage);
    await expect(untilMockAnswers(second.deps)).rejects.toThrow(/did not take control/);
    expect(second.log).not.toContain('reload');
    // The next visit starts with its one reload again.
    expect(storage.items.size).toBe(0);
  });

  it('forgets an earlier reload once the worker answers', async () => {
    const storage = memoryStorage();
    await untilMockAnswers(tab(Number.POSITIVE_INFINITY, storage).deps);
    await expect(untilMockAnswers(tab(1, storage).deps)).resolves.toBe('ready');
    expect(storage.items.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { SCHEMA_VERSION, type ServerState } from '@/backend/domain/state';
import { seedState } from '@/backend/seed';
import { createMemoryStore } from '@/backend/store/memory-store';
import { restoreState } from '@/backend/store/stored-state';
import { storeWithEverythingByDefault } from '../support/everything-by-default';
import { createFakeClock, START_MS } from '../support/fake-clock';

const NOW = START_MS + 42 * MINUTE_MS;

function mailed(state: ServerState, subject: string): ServerState {
  state.outbox.push({
    id: `mail_${subject}`,
    to: 'owner@example.com',
    subject,
    body: '',
    sentAt: 0,
  });
  return state;
}

describe('restoreState (MOCK-2)', () => {
  it.each([undefined, null])('seeds an empty store (%s) without a notice', (stored) => {
    const state = restoreState(stored, NOW);

    expect(state).toEqual(seedState(NOW));
    expect(state.notice).toBeNull();
    expect(state.accounts.map((account) => account.email)).toEqual([
      'owner@example.com',
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'support@example.com',
    ]);
  });

  it('keeps a valid state of the current version as it is', () => {
    const stored = mailed(seedState(START_MS), 'kept');

    const state = restoreState(structuredClone(stored), NOW);

    expect(state).toEqual(stored);
    expect(state.notice).toBeNull();
  });

  const seeded = () => seedState(START_MS) as unknown as Record<string, unknown>;

  it.each([
    ['a string', () => 'garbage'],
    ['a number', () => 42],
    ['an array', () => []],
    ['an empty object', () => ({})],
    ['a version alone', () => ({ version: SCHEMA_VERSION })],
    ['a version that is a string', () => ({ ...seeded(), version: String(SCHEMA_VERSION) })],
    ['accounts that are not an array', () => ({ ...seeded(), accounts: 'owner' })],
    ['accounts without an email', () => ({ ...seeded(), accounts: [{ id: 'acc_x' }] })],
    ['sessions without a token hash', () => ({ ...seeded(), sessions: [{ tokenHash: 7 }] })],
    ['an outbox that is an object', () => ({ ...seeded(), outbox: {} })],
    ['no dev settings', () => ({ ...seeded(), devSettings: null })],
  ])('replaces %s by the seed with a "corrupt" notice', (_label, make) => {
    const state = restoreState(make(), NOW);

    expect(state).toEqual({ ...seedState(NOW), notice: { reason: 'corrupt', at: NOW } });
  });

  it.each([
    ['an older version', () => ({ ...seeded(), version: SCHEMA_VERSION - 1 })],
    ['a newer version', () => ({ ...seeded(), version: SCHEMA_VERSION + 1 })],
    ['another version of a different shape', () => ({ version: SCHEMA_VERSION + 1, users: [] })],
  ])('replaces %s by the seed with an "outdated" notice', (_label, make) => {
    const state = restoreState(make(), NOW);

    expect(state).toEqual({ ...seedState(NOW), notice: { reason: 'outdated', at: NOW } });
  });
});

describe('memory store', () => {
  it('keeps what a transaction wrote for the next one', async () => {
    const store = storeWithEverythingByDefault(createMemoryStore(createFakeClock().clock));

    await store.transact((state) => mailed(state, 'first'));

    const subjects = await store.transact((state) => state.outbox.map((m) => m.subject));
    expect(subjects).toEqual(['first']);
  });

  it('writes nothing when a change throws, not even the part done before the throw', async () => {
    const store = storeWithEverythingByDefault(createMemoryStore(createFakeClock().clock));
    await store.transact((state) => mailed(state, 'before'));

    await expect(
      store.transact((state) => {
        mailed(state, 'half-done');
        state.sessions = [];
        state.devSettings.offline = true;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');

    const state = await store.transact((current) => structuredClone(current));
    expect(state.outbox.map((message) => message.subject)).toEqual(['before']);
    expect(state.devSettings.offline).toBe(false);
  });

  it('starts from a corrupt stored value with the seed and a notice, and keeps that notice', async () => {
    const time = createFakeClock();
    const store = storeWithEverythingByDefault(createMemoryStore(time.clock, 'not a state'));

    const first = await store.transact((state) => state.notice);
    time.advance(MINUTE_MS);
    const second = await store.transact((state) => state.notice);

    expect(first).toEqual({ reason: 'corrupt', at: START_MS });
    expect(second).toEqual(first);
  });

  it('reset drops everything: the next transaction starts from the seed', async () => {
    const time = createFakeClock();
    const store = storeWithEverythingByDefault(createMemoryStore(time.clock));
    await store.transact((state) => mailed(state, 'gone'));

    await store.reset();
    time.advance(MINUTE_MS);

    const state = await store.transact((current) => structuredClone(current));
    expect(state).toEqual(seedState(START_MS + MINUTE_MS));
  });
});

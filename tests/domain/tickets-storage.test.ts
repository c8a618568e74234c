import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@/backend/domain/state';
import { seedState } from '@/backend/seed';
import { createMemoryAttachmentStore } from '@/backend/store/attachment-store';
import { restoreState } from '@/backend/store/stored-state';
import { START_MS } from '../support/fake-clock';

describe('stored state with tickets (MOCK-2)', () => {
  it('starts with no tickets, no uploads and the first number unused', () => {
    expect(seedState(START_MS)).toMatchObject({
      tickets: [],
      attachments: [],
      idempotencyKeys: [],
      ticketSequence: 0,
    });
  });

  it('resets a state stored before tickets existed as outdated, not corrupt', () => {
    const before = seedState(START_MS) as unknown as Record<string, unknown>;
    for (const key of ['tickets', 'attachments', 'idempotencyKeys', 'ticketSequence'])
      delete before[key];

    const state = restoreState({ ...before, version: SCHEMA_VERSION - 1 }, START_MS);

    expect(state.notice).toEqual({ reason: 'outdated', at: START_MS });
    expect(state.tickets).toEqual([]);
  });

  it('resets a state whose tickets have no conversation as corrupt', () => {
    const stored = { ...seedState(START_MS), tickets: [{ id: 'tkt_1', number: 'TK100001' }] };

    expect(restoreState(stored, START_MS).notice).toEqual({ reason: 'corrupt', at: START_MS });
  });
});

describe('the memory attachment store', () => {
  it('keeps its own copy of the bytes, and forgets them on delete and clear', async () => {
    const store = createMemoryAttachmentStore();
    const bytes = new Uint8Array([1, 2, 3]);
    await store.put('att_1', bytes.buffer, 'image/png');
    await store.put('att_2', new Uint8Array([4]).buffer, 'text/plain');
    bytes[0] = 9;

    expect(new Uint8Array((await store.get('att_1')) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    await store.delete(['att_1']);
    expect(await store.get('att_1')).toBeNull();
    await store.clear();
    expect(await store.get('att_2')).toBeNull();
  });
});

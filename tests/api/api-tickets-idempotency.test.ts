import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '@/api/limits';
import { expectError, setupMockApi } from '../support/api-client';
import { ticketApiSteps, unbindRequest } from '../support/ticket-api';
import { BUG_REPORT, createWithKey } from '../support/tickets';

const api = setupMockApi();
const { pendingBob, ticketCode, ticketCount } = ticketApiSteps(api);

describe('one ticket per submission (Idempotency-Key)', () => {
  it('answers a repeated creation with the ticket the first one made', async () => {
    const alice = await api.signedIn('alice@example.com');

    const first = await createWithKey(alice, BUG_REPORT, 'submit-7f3a9c1e');
    const second = await createWithKey(alice, BUG_REPORT, 'submit-7f3a9c1e');

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await ticketCount()).toBe(1);
  });

  it('remembers the key across the email code, which the first request spent', async () => {
    const bob = await pendingBob();
    const request = unbindRequest(await ticketCode(bob));

    const first = await createWithKey(bob, request, 'unbind-0001-abcd');
    const second = await createWithKey(bob, request, 'unbind-0001-abcd');

    expect(second.body).toEqual(first.body);
    expect(await ticketCount()).toBe(1);
  });

  it('refuses a key reused for other content, and makes two tickets from two keys', async () => {
    const alice = await api.signedIn('alice@example.com');
    await createWithKey(alice, BUG_REPORT, 'submit-aaaa-0001');

    const reused = await createWithKey(
      alice,
      { ...BUG_REPORT, title: 'Other' },
      'submit-aaaa-0001',
    );
    expectError(reused, 'IDEMPOTENCY_KEY_REUSED');
    expect((await createWithKey(alice, BUG_REPORT, 'submit-aaaa-0002')).status).toBe(201);
    expect(await ticketCount()).toBe(2);
  });

  it('keeps keys apart per account', async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');

    await createWithKey(alice, BUG_REPORT, 'same-key-0001');
    await createWithKey(owner, BUG_REPORT, 'same-key-0001');

    expect(await ticketCount()).toBe(2);
  });

  it('remembers a key for a day, then forgets it: the same submission makes a new ticket', async () => {
    const submit = async () =>
      createWithKey(await api.signedIn('alice@example.com'), BUG_REPORT, 'submit-7f3a9c1e');
    expect((await submit()).status).toBe(201);

    api.time.advance(24 * HOUR_MS - 1);
    expect((await submit()).status).toBe(200);

    api.time.advance(1);
    expect((await submit()).status).toBe(201);
    expect(await ticketCount()).toBe(2);
  });

  it('refuses a malformed key', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await createWithKey(alice, BUG_REPORT, 'short');

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      idempotencyKey: 'invalid_format',
    });
  });
});

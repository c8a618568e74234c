import { afterEach, describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { type Backend, createBackend } from '@/backend/backend';
import { emptyState } from '@/backend/seed';
import { createCollectionStore } from '@/backend/store/collection-store';
import { createFieldSealer, generateSealingKey } from '@/backend/store/field-sealer';
import { createIpLimiter, IP_EMAIL_LIMIT } from '../../server/http/ip-limits';
import { createMailRelay, type MailTransport } from '../../server/mail/mail-relay';
import {
  type BackendKind,
  type OpenedBackend,
  postgresKind,
  sqliteKind,
} from '../support/backend-kinds';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { PG_TEST_URL } from '../support/postgres-schema';

// SERVER-7: what two server processes share through one database, here as two
// stores, each with its own connection, on one SQLite file or one PostgreSQL schema.

const KINDS: readonly BackendKind[] = [sqliteKind, ...(PG_TEST_URL === '' ? [] : [postgresKind])];

const opened: OpenedBackend[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

/** Two backends, as two processes have them, over one fresh database and one clock. */
async function twoProcesses(kind: BackendKind, clock: FakeClock): Promise<[Backend, Backend]> {
  const database = await kind.open();
  opened.push(database);
  // One key for both, as a team's processes share one DATA_KEY.
  const sealer = createFieldSealer(generateSealingKey);
  const backendOn = (records: OpenedBackend['backend']) =>
    createBackend({
      store: createCollectionStore(records, clock.clock, { seed: () => emptyState(), sealer }),
      clock: clock.clock,
    });
  return [backendOn(database.backend), backendOn(await database.second())];
}

const SEND_CODE = { method: 'POST', route: paths.passwordResetEmailCode.pattern } as const;

describe.each(KINDS)('two processes on one $name database (SERVER-7)', (kind) => {
  it('spend one per-address budget between them: refused once it is spent in total', async () => {
    const clock = createFakeClock();
    const limiters = (await twoProcesses(kind, clock)).map(createIpLimiter);
    const take = (process: number, address: string) =>
      limiters[process % 2]?.take(address, SEND_CODE.method, SEND_CODE.route);

    const spent = await Promise.all(
      Array.from({ length: IP_EMAIL_LIMIT.max }, (_, i) => take(i, '203.0.113.7')),
    );
    const overOnEach = [await take(0, '203.0.113.7'), await take(1, '203.0.113.7')];
    const otherAddress = await take(0, '198.51.100.2');

    expect(spent.every((wait) => wait === null)).toBe(true);
    expect(overOnEach).toEqual([IP_EMAIL_LIMIT.windowMs, IP_EMAIL_LIMIT.windowMs]);
    expect(otherAddress).toBeNull();
  });

  it('start a fresh window once it has ended, and delete the windows that ended', async () => {
    const clock = createFakeClock();
    const [a, b] = await twoProcesses(kind, clock);
    const [onA, onB] = [createIpLimiter(a), createIpLimiter(b)];
    for (let i = 0; i <= IP_EMAIL_LIMIT.max; i += 1) {
      await onA.take('203.0.113.7', SEND_CODE.method, SEND_CODE.route);
    }
    await onA.take('198.51.100.2', SEND_CODE.method, SEND_CODE.route);

    clock.advance(IP_EMAIL_LIMIT.windowMs);
    const afterTheWindow = await onB.take('203.0.113.7', SEND_CODE.method, SEND_CODE.route);
    const windows = await a.run((state) => structuredClone(state.addressWindows), {
      whole: ['addressWindows'],
    });

    expect(afterTheWindow).toBeNull();
    expect(windows).toEqual([
      expect.objectContaining({ address: '203.0.113.7', startedAt: clock.now, count: 1 }),
    ]);
  });

  it('send each email of the outbox once when both relay at the same time', async () => {
    const clock = createFakeClock();
    const backends = await twoProcesses(kind, clock);
    const sent: string[] = [];
    const transport: MailTransport = {
      sendMail: async (message) => void sent.push(message.subject),
    };
    const relays = backends.map((backend) =>
      createMailRelay({
        backend,
        transport,
        from: 'console@example.com',
        keepSent: false,
        log: () => undefined,
      }),
    );
    const subjects = Array.from({ length: 12 }, (_, i) => `message ${i}`);

    for (const [i, subject] of subjects.entries()) {
      await backends[i % 2]?.run(
        (state, ctx) => {
          state.outbox.push({
            id: `m${i}`,
            to: 'bob@example.com',
            subject,
            body: '',
            sentAt: ctx.now,
          });
        },
        { append: ['outbox'] },
      );
    }
    // Both claim at once, as two processes' relays do after their writes.
    await Promise.all(relays.map((relay) => relay.kick()));
    const left = await backends[0]?.run((state) => state.outbox.length, { whole: ['outbox'] });

    expect(sent.toSorted()).toEqual(subjects.toSorted());
    expect(left).toBe(0);
  });
});

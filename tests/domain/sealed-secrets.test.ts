import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentRecord } from '@/backend/domain/state';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { createCollectionStore } from '@/backend/store/collection-store';
import { META_KEY, META_STORE } from '@/backend/store/collections';
import {
  createFieldSealer,
  type FieldSealer,
  generateSealingKey,
  SealedFieldError,
} from '@/backend/store/field-sealer';
import type { RecordBackend, Stored } from '@/backend/store/record-backend';
import { StoredStateMismatchError } from '@/backend/store/store-errors';
import { KINDS, type OpenedBackend } from '../support/backend-kinds';

/**
 * ADR 0028: TOTP secrets are sealed wherever a store keeps them, on every
 * backend (PostgreSQL too when PG_TEST_URL names one), and the rules read them
 * in clear. What is stored is read here as the backend holds it, under the store.
 */

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
const PENDING_SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLSEB2GQZJA';

const pendingBind: EnrollmentRecord = {
  kind: 'bind',
  accountId: 'acc_alice',
  sessionId: 'ses_pending',
  identityVerifiedUntil: NOW,
  secret: PENDING_SECRET,
  secretExpiresAt: NOW + 60_000,
};

type Row = Stored & { v: Record<string, unknown> };

/** The rows of a store as the backend keeps them. */
function rawRows(backend: RecordBackend, store: string): Promise<Row[]> {
  return backend.transaction([store], async (tx) => (await tx.getAll(store)) as Row[]);
}

function putRaw(backend: RecordBackend, store: string, value: unknown, key?: string) {
  return backend.transaction([store], async (tx) => tx.put(store, value, key));
}

const bobRow = async (backend: RecordBackend) => {
  const row = (await rawRows(backend, 'accounts')).find((r) => r.v.id === 'acc_bob');
  if (!row) throw new Error('no bob in the seed');
  return row as Row & { v: { mfa: { secret: string } } };
};

/** What the rules see of the bound and pending secrets. */
const secretsSeen = (sealer: FieldSealer, backend: RecordBackend) =>
  createCollectionStore(backend, clock, { sealer }).transact(
    (state) => ({
      bob: state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.secret,
      pending: state.enrollments.map((enrollment) => enrollment.secret),
    }),
    { whole: ['accounts', 'enrollments'] },
  );

describe.each(KINDS)('TOTP secrets at rest, $name backend (ADR 0028)', (kind) => {
  let opened: OpenedBackend;
  let backend: RecordBackend;
  let sealer: FieldSealer;
  /** A sealer over the same key that has opened nothing yet: what another process holds. */
  let sameKey: () => FieldSealer;

  beforeEach(async () => {
    opened = await kind.open();
    backend = opened.backend;
    const key = generateSealingKey();
    sameKey = () => createFieldSealer(() => key);
    sealer = sameKey();
    await createCollectionStore(backend, clock, { sealer }).transact(
      (state) => {
        state.enrollments.push({ ...pendingBind });
      },
      { whole: ['enrollments'] },
    );
  });
  afterEach(() => opened.close());

  it('keeps the bound and the pending secrets sealed, and the rules read them in clear', async () => {
    const stored = JSON.stringify([
      await rawRows(backend, 'accounts'),
      await rawRows(backend, 'enrollments'),
    ]);

    for (const secret of [BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET, PENDING_SECRET]) {
      expect(stored).not.toContain(secret);
    }
    expect((await bobRow(backend)).v.mfa.secret).toMatch(/^v1:[\w-]{16}:[\w-]+$/);
    // Another process with the same key (a fresh sealer remembers nothing) opens them.
    expect(await secretsSeen(sameKey(), backend)).toEqual({
      bob: BOB_TOTP_SECRET,
      pending: [PENDING_SECRET],
    });
  });

  it('seals the secrets of a database from before, once, and the rules still read them', async () => {
    const bob = await bobRow(backend);
    await putRaw(backend, 'accounts', {
      ...bob,
      v: { ...bob.v, mfa: { ...bob.v.mfa, secret: BOB_TOTP_SECRET } },
    });
    const meta = (await backend.transaction([META_STORE], (tx) =>
      tx.get(META_STORE, META_KEY),
    )) as Record<string, unknown>;
    delete meta.sealing;
    await putRaw(backend, META_STORE, meta, META_KEY);
    expect(JSON.stringify(await rawRows(backend, 'accounts'))).toContain(BOB_TOTP_SECRET);

    expect((await secretsSeen(sealer, backend)).bob).toBe(BOB_TOTP_SECRET);

    expect(JSON.stringify(await rawRows(backend, 'accounts'))).not.toContain(BOB_TOTP_SECRET);
    expect((await bobRow(backend)).v.mfa.secret).toMatch(/^v1:/);
    expect(
      await backend.transaction([META_STORE], (tx) => tx.get(META_STORE, META_KEY)),
    ).toHaveProperty('sealing');
  });

  it('refuses a sealed secret copied to another account', async () => {
    const rows = await rawRows(backend, 'accounts');
    const bob = await bobRow(backend);
    const owner = rows.find((row) => row.v.id === 'acc_owner');
    if (!owner) throw new Error('no owner in the seed');
    await putRaw(backend, 'accounts', { ...owner, v: { ...owner.v, mfa: bob.v.mfa } });

    await expect(secretsSeen(sameKey(), backend)).rejects.toThrow(SealedFieldError);
  });

  it('refuses a sealed secret changed at rest', async () => {
    const bob = await bobRow(backend);
    const sealed = bob.v.mfa.secret;
    // The second-to-last character carries six whole bits of the tag; the last may carry spare ones.
    const changed = sealed.at(-2) === 'A' ? 'B' : 'A';
    const flipped = sealed.slice(0, -2) + changed + sealed.slice(-1);
    await putRaw(backend, 'accounts', {
      ...bob,
      v: { ...bob.v, mfa: { ...bob.v.mfa, secret: flipped } },
    });

    await expect(secretsSeen(sameKey(), backend)).rejects.toThrow(SealedFieldError);
  });

  it('refuses a secret put back in clear once the database is sealed', async () => {
    const bob = await bobRow(backend);
    await putRaw(backend, 'accounts', {
      ...bob,
      v: { ...bob.v, mfa: { ...bob.v.mfa, secret: BOB_TOTP_SECRET } },
    });

    await expect(secretsSeen(sealer, backend)).rejects.toThrow(SealedFieldError);
  });

  it('a browser with another key starts again from the seed, with a notice (MOCK-2)', async () => {
    const resetting = createCollectionStore(backend, clock, {
      sealer: createFieldSealer(generateSealingKey),
    });

    const seen = await resetting.transact(
      (state) => ({ notice: state.notice?.reason, pending: state.enrollments.length }),
      { whole: ['enrollments'] },
    );

    expect(seen).toEqual({ notice: 'corrupt', pending: 0 });
  });

  it('a server with another key refuses the database at its first transaction, and changes nothing', async () => {
    const before = JSON.stringify(await rawRows(backend, 'accounts'));
    const otherKey = createFieldSealer(generateSealingKey);

    const refusing = createCollectionStore(backend, clock, {
      sealer: otherKey,
      whenUnusable: 'refuse',
    });
    const refusal = refusing.transact(() => null, {});

    await expect(refusal).rejects.toThrow(StoredStateMismatchError);
    await expect(refusal).rejects.toMatchObject({ reason: 'sealed' });
    await expect(refusal).rejects.toThrow(/DATA_KEY/);
    expect(JSON.stringify(await rawRows(backend, 'accounts'))).toBe(before);
  });
});

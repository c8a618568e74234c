import { expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { expectOk, setupMockApi } from './support/api-client';
import { readMeter } from './support/read-meter';

/**
 * MOCK-8, ADR 0027: the dev tools' fault switches cost no transaction of their
 * own; they read the settings the process's last transaction saw, so a request
 * is the one transaction its endpoint runs.
 */

const meter = readMeter();
const api = setupMockApi({ store: (clock) => meter.store(clock) });

it('answers GET /session in one transaction with the fault switches on the route', async () => {
  const owner = await api.signedIn('owner@example.com');

  const reads = await meter.during(async () => expectOk(await owner.get(paths.session.href)));

  expect(reads.transactions).toBe(1);
});

import { test } from '@playwright/test';
import { securityKeyJourney, unbindWithKeyJourney } from '../e2e/support/security-keys';
import { resetServer } from './support/reset';

/** SERVER-11, KEY-5: the key journey against the Node host, verified by the same code as the mock's. */
test.beforeEach(resetServer);

test('a security key: add it, log in with it, log in with a code instead, remove it', async ({
  page,
}) => {
  test.slow();
  await securityKeyJourney(page);
});

test('unbinding MFA says the key goes too, takes the key as its proof, and removes it', async ({
  page,
}) => {
  test.slow();
  await unbindWithKeyJourney(page);
});

import { securityKeyJourney, unbindWithKeyJourney } from './support/security-keys';
import { test } from './support/test';

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

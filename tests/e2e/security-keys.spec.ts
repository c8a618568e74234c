import { securityKeyJourney } from './support/security-keys';
import { test } from './support/test';

test('a security key: add it, log in with it, log in with a code instead, remove it', async ({
  page,
}) => {
  test.slow();
  await securityKeyJourney(page);
});

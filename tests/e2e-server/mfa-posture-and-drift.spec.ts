import { test } from '@playwright/test';
import { bobSignsInPastDriftHint } from '../e2e/support/clock-drift';
import {
  bobSpendsAllButTwoRecoveryCodes,
  expectMemberRefused,
  expectOwnerSeesDemoPosture,
} from '../e2e/support/posture';
import { resetServer } from './support/reset';

/** SERVER-11: DRIFT-1 and POSTURE-1 against the Node host, each person in a browser of their own. */
test.beforeEach(resetServer);

test('a code from a phone 6 steps slow is refused with the clock hint, then the right one signs in (DRIFT-1)', async ({
  page,
}) => {
  // A step boundary between the phone's code and the check makes it 7 steps behind.
  await bobSignsInPastDriftHint(
    page,
    -6,
    /Your phone's clock seems to be about (180|210) seconds behind\. Turn on automatic date and time/,
  );
});

test("the Owner reads the workspace's MFA posture and exports it; a member's browser is refused (POSTURE-1)", async ({
  browser,
}) => {
  test.slow();
  // Each person in a browser of their own; a download needs a context made by hand.
  const person = async () => (await browser.newContext()).newPage();
  await bobSpendsAllButTwoRecoveryCodes(person);
  await expectOwnerSeesDemoPosture(await person());
  await expectMemberRefused(await person());
});

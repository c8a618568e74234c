import { expectAccessible } from './support/app';
import { bobSignsInPastDriftHint } from './support/clock-drift';
import { test } from './support/test';

test('a code from a phone 5 steps fast is refused with a hint to use automatic time, then the right code signs in (DRIFT-1)', async ({
  page,
}) => {
  // The phone's code is made before the server checks it, so a step boundary in
  // between makes it 4 steps ahead rather than 5: both are told, as about 150 or 120 s.
  await bobSignsInPastDriftHint(
    page,
    5,
    /^That code is not right, or it was just used\..* Your phone's clock seems to be about (150|120) seconds ahead\. Turn on automatic date and time/,
    expectAccessible,
  );
});

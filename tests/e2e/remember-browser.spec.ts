import {
  bobForgetsThisBrowser,
  bobSignsInWithoutTheCode,
  bobTicksRememberAndSignsIn,
} from './support/remember';
import { test } from './support/test';

test("Don't ask again on this browser: the next login skips the code until Forget (REMEMBER-1)", async ({
  page,
}) => {
  test.slow();
  await bobTicksRememberAndSignsIn(page);
  await bobSignsInWithoutTheCode(page);
  await bobForgetsThisBrowser(page);
});

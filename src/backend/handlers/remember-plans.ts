import type { LoadPlan, Pick } from '../store/load-plan';
// Types only: load-plans.ts picks through this file, so no value may come back from it.
import type { RequestFacts } from './load-plans';

/**
 * REMEMBER-1: an account's remembered browsers, by index. There are at most
 * REMEMBERED_BROWSERS_MAX_PER_ACCOUNT, so whatever checks a cookie, keeps
 * the cap or forgets them all reads a bounded number.
 */
export const rememberedOfAccount = (accountId: string): Pick => ({
  from: 'rememberedBrowsers',
  index: 'accountId',
  range: { only: accountId },
});

/** The caller's remembered browsers: to list, forget, or add one at the code step. */
export const CALLER_REMEMBERED: LoadPlan<RequestFacts> = {
  pickFrom: ['rememberedBrowsers'],
  stages: [(_view, { accountId }) => (accountId === null ? [] : [rememberedOfAccount(accountId)])],
};

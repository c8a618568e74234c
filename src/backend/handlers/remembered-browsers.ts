import { paths } from '@/api/paths';
import type { RememberedBrowserList } from '@/api/schemas/remember';
import { rememberedBrowserView } from '../domain/remembered-browser-view';
import {
  forgetRememberedBrowser,
  rememberedBrowserIdOf,
  rememberedBrowsersOf,
} from '../domain/remembered-browsers';
import { mergePlans } from '../store/load-plan';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { CALLER_LOG, CALLER_REMEMBERED } from './load-plans';

/** REMEMBER-1: Security Settings lists the account's remembered browsers, each with Forget. */
export function rememberedBrowserHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  return [
    endpoint.get(paths.rememberedBrowsers.pattern, {
      caller: 'active',
      noStore: true,
      load: CALLER_REMEMBERED,
      run: ({ state, ctx, session, rememberedToken }): RememberedBrowserList => {
        const currentId = rememberedBrowserIdOf(state, rememberedToken);
        return {
          browsers: rememberedBrowsersOf(state, ctx, session.accountId).map((browser) =>
            rememberedBrowserView(browser, currentId),
          ),
        };
      },
    }),

    // Forgetting is logged, and emails nobody: it only ever asks for more proof (ADR 0032).
    endpoint.delete(paths.rememberedBrowser.pattern, {
      caller: 'active',
      load: mergePlans(CALLER_REMEMBERED, CALLER_LOG),
      run: ({ state, ctx, session, params, rememberedToken, setRememberedToken }) => {
        const forgettingThis = rememberedBrowserIdOf(state, rememberedToken) === params.browserId;
        forgetRememberedBrowser(state, ctx, session.accountId, params.browserId);
        if (forgettingThis) setRememberedToken(null);
      },
    }),
  ];
}

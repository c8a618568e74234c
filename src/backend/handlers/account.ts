import { paths } from '@/api/paths';
import { accountById } from '../domain/accounts';
import { accountView } from '../domain/views';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { CALLER_ONLY } from './load-plans';

export function accountHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  return [
    endpoint.get(paths.account.pattern, {
      caller: 'active',
      load: CALLER_ONLY,
      run: ({ state, session }) => accountView(accountById(state, session.accountId)),
    }),
  ];
}

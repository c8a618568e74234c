import { HttpResponse } from 'msw';
import { paths } from '@/api/paths';
import type { Account } from '@/api/schemas/account';
import { accountById } from '../domain/accounts';
import { authenticate, requireActive } from '../domain/sessions';
import { accountView } from '../domain/views';
import type { HandlerDeps } from './deps';
import { route } from './respond';

export function accountHandlers({ server, jar }: HandlerDeps) {
  return [
    route.get(paths.account, async ({ request }) => {
      const token = jar.read(request);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireActive(session);
        return accountView(accountById(state, session.accountId));
      });
      return HttpResponse.json<Account>(view);
    }),
  ];
}

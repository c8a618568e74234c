import { paths } from '@/api/paths';
import { loginRequestSchema, switchWorkspaceRequestSchema } from '@/api/schemas/session';
import { loginSaltFor } from '../domain/accounts';
import { endSession, logIn } from '../domain/sessions';
import { sessionView } from '../domain/views';
import { switchWorkspace } from '../domain/workspaces';
import { webCryptoPasswordHasher } from '../password-hashing';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { CALLER_ONLY, LOGIN, saltOfEmail } from './load-plans';

export function sessionHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  const passwords = deps.passwords ?? webCryptoPasswordHasher;
  return [
    endpoint.get(paths.session.pattern, {
      caller: 'visitor',
      noStore: true,
      load: CALLER_ONLY,
      // A tab whose session was ended from elsewhere is told why (SESSION_ENDED).
      run: ({ state, ctx, session, endedBy }) =>
        session || !endedBy ? sessionView(state, session, ctx) : { state: 'anonymous', endedBy },
    }),

    endpoint.post(paths.session.pattern, {
      caller: 'visitor',
      body: { kind: 'json', schema: loginRequestSchema },
      noStore: true,
      // GUARD-7: the salt is read, the hash made off the transaction, then the login decided.
      prepare: async ({ body, read }) =>
        passwords.hash(
          body.password,
          await read((state) => loginSaltFor(state, body.email), saltOfEmail(body.email)),
        ),
      load: LOGIN,
      run: ({ state, ctx, session, body, prepared, setSessionToken, rememberedToken }) => {
        // SESSION-1: the request's browser, as the builder read it for its host.
        const issued = logIn(
          state,
          ctx,
          body.email,
          prepared,
          ctx.userAgent ?? null,
          ctx.clientAddress ?? null,
          rememberedToken,
        );
        if (!('token' in issued)) return issued;
        // A new login replaces whatever session this client held.
        if (session) endSession(state, session);
        setSessionToken(issued.token);
        const view = sessionView(state, issued.session, ctx);
        // REMEMBER-1: the answer says the code was skipped, so the UI can say why.
        return issued.rememberedBrowser ? { ...view, rememberedBrowser: true } : view;
      },
    }),

    endpoint.delete(paths.session.pattern, {
      caller: 'visitor',
      load: CALLER_ONLY,
      run: ({ state, session, setSessionToken }) => {
        if (session) endSession(state, session);
        setSessionToken(null);
      },
    }),

    endpoint.put(paths.sessionWorkspace.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: switchWorkspaceRequestSchema },
      noStore: true,
      // Entering a workspace checks the caller's memberships and their workspaces, admitted.
      load: CALLER_ONLY,
      run: ({ state, ctx, session, body }) => {
        // Switching to a workspace that enforces MFA without a binding answers
        // the session that now owes it, which the client follows (LOGIN-4).
        switchWorkspace(state, ctx, session, body.workspaceId);
        return sessionView(state, session, ctx);
      },
    }),
  ];
}

import { HttpResponse } from 'msw';
import { paths } from '@/api/paths';
import {
  loginRequestSchema,
  switchWorkspaceRequestSchema,
  type Session,
} from '@/api/schemas/session';
import { authenticate, endSession, logIn, peekSession, requireActive } from '../domain/sessions';
import { sessionView } from '../domain/views';
import { switchWorkspace } from '../domain/workspaces';
import type { HandlerDeps } from './deps';
import { NO_STORE, parseBody, readBody, route } from './respond';

export function sessionHandlers({ server, jar }: HandlerDeps) {
  return [
    route.get(paths.session, async ({ request }) => {
      const token = jar.read(request);
      const view = await server.run((state, ctx) => {
        return sessionView(state, peekSession(state, ctx, token));
      });
      return HttpResponse.json<Session>(view, { headers: NO_STORE });
    }),

    route.post(paths.session, async ({ request }) => {
      const { email, password } = await parseBody(request, loginRequestSchema);
      const previousToken = jar.read(request);
      const { token, view } = await server.run((state, ctx) => {
        const issued = logIn(state, ctx, email, password);
        if (!('token' in issued)) return issued;
        // A new login replaces whatever session this client held.
        const previous = peekSession(state, ctx, previousToken);
        if (previous) endSession(state, previous);
        return { token: issued.token, view: sessionView(state, issued.session) };
      });
      const headers = new Headers(NO_STORE);
      jar.write(headers, token);
      return HttpResponse.json<Session>(view, { headers });
    }),

    route.delete(paths.session, async ({ request }) => {
      const token = jar.read(request);
      await server.run((state, ctx) => {
        const session = peekSession(state, ctx, token);
        if (session) endSession(state, session);
      });
      const headers = new Headers();
      jar.write(headers, null);
      return new HttpResponse(null, { status: 204, headers });
    }),

    route.put(paths.sessionWorkspace, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, switchWorkspaceRequestSchema);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireActive(session);
        // Switching to a workspace that enforces MFA without a binding answers
        // the session that now owes it, which the client follows (LOGIN-4).
        switchWorkspace(state, ctx, session, body.value().workspaceId);
        return sessionView(state, session);
      });
      return HttpResponse.json<Session>(view, { headers: NO_STORE });
    }),
  ];
}

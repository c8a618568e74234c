import { HttpResponse } from 'msw';
import { paths } from '@/api/paths';
import {
  codeRequestSchema,
  type AuditEvent,
  type EnrollmentSecret,
  type EnrollmentStatus,
} from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';
import { auditOf } from '../domain/audit';
import { TOTP_ALGORITHM, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../domain/limits';
import {
  cancelEnrollment,
  confirmEnrollment,
  enrollmentStatus,
  issueEnrollmentSecret,
  requireEnrollmentAccess,
  sendBindEmailCode,
  unbindWithCode,
  verifyBindIdentity,
  verifyLoginCode,
} from '../domain/mfa';
import { authenticate, requireActive, requirePendingState } from '../domain/sessions';
import { iso, sessionView } from '../domain/views';
import type { HandlerDeps } from './deps';
import { NO_STORE, readBody, route, secondsUntil } from './respond';

export function mfaHandlers({ server, jar }: HandlerDeps) {
  return [
    // LOGIN-3: the code owed after the password.
    route.post(paths.sessionMfa, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, codeRequestSchema);
      const { issued, view } = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requirePendingState(session, 'mfa_required');
        const result = verifyLoginCode(state, ctx, session, body.value().code);
        if (!('token' in result)) return result;
        return { issued: result, view: sessionView(state, result.session) };
      });
      const headers = new Headers(NO_STORE);
      jar.write(headers, issued.token);
      return HttpResponse.json<Session>(view, { headers });
    }),

    route.get(paths.enrollment, async ({ request }) => {
      const token = jar.read(request);
      const status = await server.run((state, ctx) => {
        const current = enrollmentStatus(state, ctx, authenticate(state, ctx, token));
        return {
          stage: current.stage,
          maskedEmail: current.maskedEmail,
          resendInSeconds: secondsUntil(current.resendAvailableAt, ctx.now),
        };
      });
      return HttpResponse.json<EnrollmentStatus>(status, { headers: NO_STORE });
    }),

    route.post(paths.enrollmentEmailCode, async ({ request }) => {
      const token = jar.read(request);
      const resendInSeconds = await server.run((state, ctx) => {
        const sent = sendBindEmailCode(state, ctx, authenticate(state, ctx, token));
        return secondsUntil(sent.resendAvailableAt, ctx.now) ?? 0;
      });
      return HttpResponse.json({ resendInSeconds }, { headers: NO_STORE });
    }),

    route.post(paths.enrollmentIdentity, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, codeRequestSchema);
      await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireEnrollmentAccess(state, session);
        return verifyBindIdentity(state, ctx, session, body.value().code);
      });
      return new HttpResponse(null, { status: 204, headers: NO_STORE });
    }),

    route.post(paths.enrollmentSecret, async ({ request }) => {
      const token = jar.read(request);
      const issued = await server.run((state, ctx) => {
        const secret = issueEnrollmentSecret(state, ctx, authenticate(state, ctx, token));
        return { ...secret, expiresInSeconds: secondsUntil(secret.expiresAt, ctx.now) ?? 0 };
      });
      return HttpResponse.json<EnrollmentSecret>(
        {
          secret: issued.secret,
          otpauthUri: issued.otpauthUri,
          algorithm: TOTP_ALGORITHM,
          digits: TOTP_DIGITS,
          period: TOTP_PERIOD_SECONDS,
          expiresInSeconds: issued.expiresInSeconds,
        },
        { headers: NO_STORE },
      );
    }),

    route.post(paths.enrollmentConfirm, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, codeRequestSchema);
      const { issued, view } = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireEnrollmentAccess(state, session);
        const result = confirmEnrollment(state, ctx, session, body.value().code);
        if (!('issued' in result)) return result;
        return {
          issued: result.issued,
          view: sessionView(state, result.issued?.session ?? session),
        };
      });
      const headers = new Headers(NO_STORE);
      if (issued) jar.write(headers, issued.token);
      return HttpResponse.json<Session>(view, { headers });
    }),

    route.delete(paths.enrollment, async ({ request }) => {
      const token = jar.read(request);
      await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireEnrollmentAccess(state, session);
        cancelEnrollment(state, session);
      });
      return new HttpResponse(null, { status: 204, headers: NO_STORE });
    }),

    route.post(paths.unbindMfa, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, codeRequestSchema);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireActive(session);
        const refusal = unbindWithCode(state, ctx, session, body.value().code);
        return refusal ?? sessionView(state, session);
      });
      return HttpResponse.json<Session>(view, { headers: NO_STORE });
    }),

    route.get(paths.accountAudit, async ({ request }) => {
      const token = jar.read(request);
      const events = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        requireActive(session);
        return auditOf(state, session.accountId).map((entry) => ({
          id: entry.id,
          event: entry.event,
          at: iso(entry.at),
          detail: entry.detail,
        }));
      });
      return HttpResponse.json<{ events: AuditEvent[] }>({ events }, { headers: NO_STORE });
    }),
  ];
}

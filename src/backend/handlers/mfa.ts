import { paths } from '@/api/paths';
import {
  type AuditList,
  auditListQueryFrom,
  auditListQuerySchema,
  codeRequestSchema,
  type EmailCodeSent,
  type EnrollmentConfirmed,
  type EnrollmentSecret,
  type EnrollmentStatus,
  keyStepUpRequestSchema,
  type RecoveryCodes,
  secondFactorRequestSchema,
} from '@/api/schemas/mfa';
import { loginSecondFactorRequestSchema } from '@/api/schemas/remember';
import { auditPage } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { TOTP_ALGORITHM, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../domain/limits';
import {
  cancelEnrollment,
  confirmEnrollment,
  enrollmentStatus,
  issueEnrollmentSecret,
  rotateEnrollmentSecret,
  sendBindEmailCode,
  unbindWithCode,
  verifyBindIdentity,
  verifyLoginCode,
} from '../domain/mfa';
import { regenerateRecoveryCodes, startAuthenticatorChange } from '../domain/mfa-recovery';
import { rememberBrowser, rememberingAllowed } from '../domain/remembered-browsers';
import { auditView, sessionView } from '../domain/views';
import { mergePlans } from '../store/load-plan';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { REGENERATION, SECOND_FACTOR, UNBINDING } from './key-plans';
import { keyVerification } from './key-verification';
import {
  BINDING_CHANGE,
  CALLER_EMAIL_SENDS,
  CALLER_LOG,
  CALLER_ONLY,
  CALLER_REMEMBERED,
  callerEmailCode,
} from './load-plans';
import { secondsUntil } from './respond';

function enrollmentSecretView(
  issued: { secret: string; otpauthUri: string; expiresAt: number },
  now: number,
): EnrollmentSecret {
  return {
    secret: issued.secret,
    otpauthUri: issued.otpauthUri,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    expiresInSeconds: secondsUntil(issued.expiresAt, now) ?? 0,
  };
}

export function mfaHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  const keys = keyVerification(deps);
  return [
    // LOGIN-3: the code owed after the password, or a recovery code (RECOVERY-2).
    endpoint.post(paths.sessionMfa.pattern, {
      caller: 'code-owed',
      body: { kind: 'json', schema: loginSecondFactorRequestSchema },
      noStore: true,
      // KEY-2: a key's assertion is verified before the transaction, which re-checks it.
      prepare: ({ body, read }) => keys.secondFactorOf(read, body),
      load: mergePlans(SECOND_FACTOR, CALLER_REMEMBERED),
      run: ({ state, ctx, session, body, prepared, setSessionToken, setRememberedToken }) => {
        const remember = body.rememberBrowser ?? false;
        // REMEMBER-1: refused before the code is looked at, so no code is spent on it.
        if (remember && !rememberingAllowed(state, session.accountId)) {
          throw new DomainError('FORBIDDEN');
        }
        const issued = verifyLoginCode(state, ctx, session, prepared);
        if (!('token' in issued)) return issued;
        setSessionToken(issued.token);
        if (remember) setRememberedToken(rememberBrowser(state, ctx, session.accountId));
        return sessionView(state, issued.session, ctx);
      },
    }),

    endpoint.get(paths.enrollment.pattern, {
      caller: 'enrolling',
      noStore: true,
      load: CALLER_EMAIL_SENDS,
      run: ({ state, ctx, session }): EnrollmentStatus => {
        const current = enrollmentStatus(state, ctx, session);
        return {
          stage: current.stage,
          maskedEmail: current.maskedEmail,
          resendInSeconds: secondsUntil(current.resendAvailableAt, ctx.now),
        };
      },
    }),

    endpoint.post(paths.enrollmentEmailCode.pattern, {
      caller: 'enrolling',
      noStore: true,
      load: callerEmailCode('bind'),
      run: ({ state, ctx, session }): EmailCodeSent => {
        const sent = sendBindEmailCode(state, ctx, session);
        return { resendInSeconds: secondsUntil(sent.resendAvailableAt, ctx.now) ?? 0 };
      },
    }),

    endpoint.post(paths.enrollmentIdentity.pattern, {
      caller: 'enrolling',
      body: { kind: 'json', schema: codeRequestSchema },
      noStore: true,
      load: callerEmailCode('bind'),
      run: ({ state, ctx, session, body }) =>
        verifyBindIdentity(state, ctx, session, body.code) ?? undefined,
    }),

    // BIND-5: the same secret on every call until it is confirmed, expires or is cancelled.
    endpoint.post(paths.enrollmentSecret.pattern, {
      caller: 'enrolling',
      noStore: true,
      load: CALLER_ONLY,
      run: ({ state, ctx, session }) =>
        enrollmentSecretView(issueEnrollmentSecret(state, ctx, session), ctx.now),
    }),

    // BIND-5 "Show a new QR code": the one way to replace a secret still valid.
    endpoint.post(paths.enrollmentSecretRotate.pattern, {
      caller: 'enrolling',
      noStore: true,
      load: CALLER_ONLY,
      run: ({ state, ctx, session }) =>
        enrollmentSecretView(rotateEnrollmentSecret(state, ctx, session), ctx.now),
    }),

    endpoint.post(paths.enrollmentConfirm.pattern, {
      caller: 'enrolling',
      body: { kind: 'json', schema: codeRequestSchema },
      noStore: true,
      load: BINDING_CHANGE,
      run: ({ state, ctx, session, body, setSessionToken }): EnrollmentConfirmed | DomainError => {
        const result = confirmEnrollment(state, ctx, session, body.code);
        if (!('issued' in result)) return result;
        // The session goes on under a new id (LOGIN-6, SESSION-2).
        setSessionToken(result.issued.token);
        return {
          session: sessionView(state, result.issued.session, ctx),
          recoveryCodes: result.recoveryCodes,
        };
      },
    }),

    endpoint.delete(paths.enrollment.pattern, {
      caller: 'enrolling',
      noStore: true,
      load: CALLER_ONLY,
      run: ({ state, session }) => cancelEnrollment(state, session),
    }),

    endpoint.post(paths.unbindMfa.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: secondFactorRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.secondFactorOf(read, body),
      // KEY-4: the keys go with the binding.
      load: UNBINDING,
      run: ({ state, ctx, session, prepared }) =>
        unbindWithCode(state, ctx, session, prepared) ?? sessionView(state, session, ctx),
    }),

    // RECOVERY-4: the old app proven, the bind wizard's app and code steps follow.
    endpoint.post(paths.changeAuthenticator.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: secondFactorRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.secondFactorOf(read, body),
      load: SECOND_FACTOR,
      run: ({ state, ctx, session, prepared }) =>
        startAuthenticatorChange(state, ctx, session, prepared) ?? undefined,
    }),

    // RECOVERY-3: a new set for a dynamic code; the old set dies with this write.
    endpoint.post(paths.recoveryCodes.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: keyStepUpRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.keyStepUpOf(read, body),
      load: REGENERATION,
      run: ({ state, ctx, session, prepared, setSessionToken }): RecoveryCodes | DomainError => {
        const result = regenerateRecoveryCodes(state, ctx, session, prepared);
        if (!('issued' in result)) return result;
        // The other sessions end and this one goes on under a new id (SESSION-2).
        setSessionToken(result.issued.token);
        return { recoveryCodes: result.recoveryCodes };
      },
    }),

    // LOG-1: the security log, a page at a time, newest first.
    endpoint.get(paths.accountAudit.pattern, {
      caller: 'active',
      noStore: true,
      query: { schema: auditListQuerySchema, from: auditListQueryFrom },
      load: CALLER_LOG,
      run: ({ state, session, query }): AuditList => {
        const page = auditPage(state, session.accountId, query);
        return {
          events: page.entries.map(auditView),
          total: page.total,
          page: page.page,
          pageSize: page.pageSize,
        };
      },
    }),
  ];
}

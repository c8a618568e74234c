import { SECOND_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import {
  type AccountSessionList,
  changePasswordRequestSchema,
  passwordResetCodeRequestSchema,
  passwordResetRequestSchema,
  type Retention,
  retentionSchema,
  type SessionsEnded,
} from '@/api/schemas/account';
import type { EmailCodeSent } from '@/api/schemas/mfa';
import type { Backend } from '../backend';
import { accountById, loginSaltFor } from '../domain/accounts';
import { base64Url } from '../domain/encoding';
import { DomainError } from '../domain/errors';
import { EMAIL_CODE_RESEND_INTERVAL_MS } from '../domain/limits';
import { changePassword, resetPassword, sendPasswordResetCode } from '../domain/password-change';
import { DECOY_PASSWORD_HASH } from '../domain/passwords';
import {
  sessionsOf,
  setRetention,
  signOutOtherSessions,
  signOutSession,
} from '../domain/session-control';
import { accountSessionView } from '../domain/views';
import { type PasswordHasher, webCryptoPasswordHasher } from '../password-hashing';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { PASSWORD_CHANGE_BY_CODE_OR_KEY } from './key-plans';
import { keyVerification } from './key-verification';
import {
  CALLER_SESSIONS,
  PASSWORD_RESET,
  RESET_CODE_SEND,
  saltOfAccount,
  saltOfEmail,
  SETTINGS_ONLY,
  SIGNS_OUT,
} from './load-plans';

const SALT_BYTES = 16;

/** A fresh salt from the server's CSPRNG, drawn in a transaction of its own, in the host's scheme. */
async function freshSalt(read: Backend['run'], passwords: PasswordHasher): Promise<string> {
  return passwords.newSalt(
    await read((_state, ctx) => base64Url(ctx.randomBytes(SALT_BYTES)), SETTINGS_ONLY),
  );
}

/**
 * Security Settings beyond MFA: active sessions (SESSION-1), the login
 * retention time (SESSION-3), changing the password (PASSWORD-1), and the
 * reset from the login page (PASSWORD-2).
 */
export function securityHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  const keys = keyVerification(deps);
  const passwords = deps.passwords ?? webCryptoPasswordHasher;
  return [
    endpoint.get(paths.accountSessions.pattern, {
      caller: 'active',
      noStore: true,
      load: CALLER_SESSIONS,
      run: ({ state, ctx, session }): AccountSessionList => ({
        sessions: sessionsOf(state, ctx, session.accountId).map((entry) =>
          accountSessionView(entry, session.id),
        ),
      }),
    }),

    endpoint.delete(paths.accountSessions.pattern, {
      caller: 'active',
      load: SIGNS_OUT,
      run: ({ state, ctx, session }): SessionsEnded => ({
        ended: signOutOtherSessions(state, ctx, session),
      }),
    }),

    endpoint.delete(paths.accountSession.pattern, {
      caller: 'active',
      load: SIGNS_OUT,
      run: ({ state, ctx, session, params }) =>
        signOutSession(state, ctx, session, params.sessionId),
    }),

    endpoint.put(paths.accountRetention.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: retentionSchema },
      load: CALLER_SESSIONS,
      run: ({ state, session, body }): Retention => setRetention(state, session, body),
    }),

    endpoint.post(paths.accountPassword.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: changePasswordRequestSchema },
      noStore: true,
      // GUARD-7: both passwords hashed off the transaction, the current one with its stored
      // salt; the new one also with that salt, to tell whether it is the current one.
      prepare: async ({ body, session, read }) => {
        const salt = session
          ? await read(
              (state) => accountById(state, session.accountId).password.salt,
              saltOfAccount(session.accountId),
            )
          : DECOY_PASSWORD_HASH.salt;
        const [current, next, asCurrent, proof] = await Promise.all([
          passwords.hash(body.currentPassword, salt),
          passwords.hash(body.newPassword, await freshSalt(read, passwords)),
          passwords.hash(body.newPassword, salt),
          // KEY-2: a key's assertion is verified here too, and re-checked by the transaction.
          body.code === undefined && body.securityKey === undefined
            ? undefined
            : keys.keyStepUpOf(read, body),
        ]);
        return { current, next, asCurrent, proof };
      },
      load: PASSWORD_CHANGE_BY_CODE_OR_KEY,
      run: ({ state, ctx, session, body, prepared, setSessionToken }) => {
        const issued = changePassword(state, ctx, session, {
          current: prepared.current,
          next: { typed: body.newPassword, hash: prepared.next, asCurrent: prepared.asCurrent },
          proof: prepared.proof,
        });
        if (issued instanceof DomainError) return issued;
        // SESSION-2: this session goes on under a new id.
        setSessionToken(issued.token);
        return undefined;
      },
    }),

    endpoint.post(paths.passwordResetEmailCode.pattern, {
      caller: 'visitor',
      body: { kind: 'json', schema: passwordResetCodeRequestSchema },
      noStore: true,
      load: RESET_CODE_SEND,
      run: ({ state, ctx, body }): EmailCodeSent => {
        sendPasswordResetCode(state, ctx, body.email);
        // The same answer whether a code was sent or not (PASSWORD-2).
        return { resendInSeconds: EMAIL_CODE_RESEND_INTERVAL_MS / SECOND_MS };
      },
    }),

    endpoint.post(paths.passwordReset.pattern, {
      caller: 'visitor',
      body: { kind: 'json', schema: passwordResetRequestSchema },
      noStore: true,
      // GUARD-7: hashed for an unknown email as well (with the decoy's salt where the
      // account's would be, to tell the current password), so the answer takes as long.
      prepare: async ({ body, read }) => {
        const [fresh, stored] = await Promise.all([
          freshSalt(read, passwords),
          read((state) => loginSaltFor(state, body.email), saltOfEmail(body.email)),
        ]);
        const [hash, asCurrent] = await Promise.all([
          passwords.hash(body.newPassword, fresh),
          passwords.hash(body.newPassword, stored),
        ]);
        return { hash, asCurrent };
      },
      load: PASSWORD_RESET,
      run: ({ state, ctx, session, body, prepared, setSessionToken }) => {
        const refusal = resetPassword(state, ctx, {
          email: body.email,
          code: body.code,
          next: { typed: body.newPassword, ...prepared },
        });
        if (refusal) return refusal;
        // Whatever session this tab held is gone if it was the account's; a reset signs nobody in.
        if (session && !state.sessions.includes(session)) setSessionToken(null);
        return undefined;
      },
    }),
  ];
}

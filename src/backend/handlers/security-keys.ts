import { paths } from '@/api/paths';
import { keyStepUpRequestSchema, secondFactorRequestSchema } from '@/api/schemas/mfa';
import {
  addSecurityKeyRequestSchema,
  renameSecurityKeyRequestSchema,
} from '@/api/schemas/security-keys';
import {
  addSecurityKey,
  keyAssertionOptions,
  keyRegistrationOptions,
  removeSecurityKey,
  renameSecurityKey,
  securityKeyList,
} from '../domain/security-keys';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import {
  CALLER_KEYS,
  KEY_ADDITION,
  KEY_CEREMONY,
  KEY_REGISTRATION_OPTIONS,
  KEY_REMOVAL,
} from './key-plans';
import { keyVerification } from './key-verification';

/** KEY-1 to KEY-3: the account's security keys, and the challenges their ceremonies answer. */
export function securityKeyHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  const keys = keyVerification(deps);
  return [
    endpoint.get(paths.securityKeys.pattern, {
      caller: 'active',
      noStore: true,
      load: CALLER_KEYS,
      run: ({ state, session }) => securityKeyList(state, session.accountId),
    }),

    // KEY-1: a fresh dynamic code or a key already added opens a register challenge.
    endpoint.post(paths.securityKeyRegistrationOptions.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: keyStepUpRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.keyStepUpOf(read, body),
      load: KEY_REGISTRATION_OPTIONS,
      run: ({ state, ctx, session, prepared }) =>
        keyRegistrationOptions(state, ctx, session, keys.party, prepared),
    }),

    endpoint.post(paths.securityKeys.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: addSecurityKeyRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.proveAttestation(read, body.credential),
      load: KEY_ADDITION,
      run: ({ state, ctx, session, body, prepared }) =>
        addSecurityKey(state, ctx, session, {
          name: body.name,
          credentialId: body.credential.id,
          proof: prepared,
        }),
      reply: (key) => ({ json: key, status: 201 }),
    }),

    endpoint.put(paths.securityKey.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: renameSecurityKeyRequestSchema },
      noStore: true,
      load: CALLER_KEYS,
      run: ({ state, session, params, body }) =>
        renameSecurityKey(state, session, params.keyId, body.name),
    }),

    // KEY-1: removing asks for a second factor: a code, a recovery code or a key.
    endpoint.post(paths.securityKeyRemove.pattern, {
      caller: 'active',
      body: { kind: 'json', schema: secondFactorRequestSchema },
      noStore: true,
      prepare: ({ body, read }) => keys.secondFactorOf(read, body),
      load: KEY_REMOVAL,
      run: ({ state, ctx, session, params, prepared }) =>
        removeSecurityKey(state, ctx, session, params.keyId, prepared) ?? undefined,
    }),

    // KEY-2: a step-up (unbind, regenerate, change, password) answered by a key.
    endpoint.post(paths.securityKeyStepUpOptions.pattern, {
      caller: 'active',
      noStore: true,
      load: KEY_CEREMONY,
      run: ({ state, ctx, session }) =>
        keyAssertionOptions(state, ctx, session, keys.party, 'step-up'),
    }),

    // KEY-2: the login's code step answered by a key.
    endpoint.post(paths.sessionMfaKeyOptions.pattern, {
      caller: 'code-owed',
      noStore: true,
      load: KEY_CEREMONY,
      run: ({ state, ctx, session }) =>
        keyAssertionOptions(state, ctx, session, keys.party, 'login'),
    }),
  ];
}

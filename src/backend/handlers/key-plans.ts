import { challengeInClientData } from '@/api/schemas/security-keys';
import type { ServerState } from '../domain/state';
import { type LoadPlan, mergePlans, type Pick } from '../store/load-plan';
import {
  BINDING_CHANGE,
  CALLER_LOG_AND_MAIL,
  CALLER_REMEMBERED,
  type EndpointPlan,
  keysOfAccount,
  PASSWORD_CHANGE,
  REISSUES_SESSION,
} from './load-plans';
import { UNBIND_BY_AGENT } from './ticket-plans';

/**
 * What the security-key endpoints read (ADR 0024, 0033), by key or by index:
 * an account's keys by the account index (at most SECURITY_KEYS_MAX), a key
 * by its credential ID across every account (the uniqueness of KEY-3), a
 * challenge by itself, and a session's challenges by the session index.
 */
const keyWithCredentialId = (credentialId: string): Pick => ({
  from: 'securityKeys',
  index: 'credentialId',
  range: { only: credentialId },
});

/** The ceremony a body carries under `field`: its credential's id and the challenge it names. */
function ceremonyIn(body: unknown, field: string): { id: string; challenge: string | null } | null {
  const credential = (body as Record<string, unknown> | undefined)?.[field] as
    { id?: unknown; response?: { clientDataJSON?: unknown } } | undefined;
  const clientData = credential?.response?.clientDataJSON;
  if (typeof credential?.id !== 'string' || typeof clientData !== 'string') return null;
  return { id: credential.id, challenge: challengeInClientData(clientData) };
}

/**
 * A ceremony's challenge by its key and the key its credential ID names: all
 * a check of it looks at. A key with another id is no key of this ceremony.
 */
function ceremonyPicks(body: unknown, field: string): Pick[] {
  const ceremony = ceremonyIn(body, field);
  if (!ceremony) return [];
  return [
    keyWithCredentialId(ceremony.id),
    ...(ceremony.challenge === null
      ? []
      : [{ from: 'keyChallenges', keys: [ceremony.challenge] } as const]),
  ];
}

/** Before the transaction (ADR 0015): what verifying the body's ceremony needs. */
export const ceremonyToVerify = (body: unknown, field: string): LoadPlan<unknown> => ({
  pickFrom: ['securityKeys', 'keyChallenges'],
  stages: [() => ceremonyPicks(body, field)],
});

/** A step-up or login that may carry a key's assertion under `securityKey`. */
const ASSERTION_IN_BODY: EndpointPlan = {
  pickFrom: ['securityKeys', 'keyChallenges'],
  stages: [(_view, { body }) => ceremonyPicks(body, 'securityKey')],
};

const callerSessionId = (view: ServerState, tokenHash: string | null) =>
  view.sessions.find((session) => session.tokenHash === tokenHash)?.id ?? null;

/** The caller's keys, and its session's open challenges (a new one replaces one of its purpose). */
const CALLER_KEYS_AND_CHALLENGES: EndpointPlan = {
  pickFrom: ['securityKeys', 'keyChallenges'],
  stages: [
    (view, { accountId, tokenHash }) => {
      const sessionId = callerSessionId(view, tokenHash);
      return [
        ...(accountId === null ? [] : [keysOfAccount(accountId)]),
        ...(sessionId === null
          ? []
          : [{ from: 'keyChallenges', index: 'sessionId', range: { only: sessionId } } as const]),
      ];
    },
  ],
};

/** Listing or renaming: the caller's keys. */
export const CALLER_KEYS: EndpointPlan = {
  pickFrom: ['securityKeys'],
  stages: [(_view, { accountId }) => (accountId === null ? [] : [keysOfAccount(accountId)])],
};

/** LOGIN-3 and the step-ups that now take a key too (KEY-2): the proof may be a key's. */
export const SECOND_FACTOR = mergePlans(CALLER_LOG_AND_MAIL, ASSERTION_IN_BODY);

/** RECOVERY-3 with a key (KEY-2): the other sessions end, the proof may be a key's. */
export const REGENERATION = mergePlans(REISSUES_SESSION, ASSERTION_IN_BODY);

/** PASSWORD-1 with a key instead of the code (KEY-2). */
export const PASSWORD_CHANGE_BY_CODE_OR_KEY = mergePlans(PASSWORD_CHANGE, ASSERTION_IN_BODY);

/** TICKET-9: the agent's step-up may be the agent's key (KEY-2). */
export const UNBIND_BY_AGENT_WITH_KEY = mergePlans(UNBIND_BY_AGENT, ASSERTION_IN_BODY);

/** KEY-4: unbinding removes the keys with the binding. */
export const UNBINDING = mergePlans(BINDING_CHANGE, ASSERTION_IN_BODY, CALLER_KEYS);

/** Starting a ceremony: the options name the caller's keys, and a challenge is issued. */
export const KEY_CEREMONY = mergePlans(CALLER_LOG_AND_MAIL, CALLER_KEYS_AND_CHALLENGES);

/** KEY-1: the options for a new key, proved by a code or a key already added. */
export const KEY_REGISTRATION_OPTIONS = mergePlans(KEY_CEREMONY, ASSERTION_IN_BODY);

/** KEY-1: a new key: its challenge, the account's keys (the cap), and any key with its id. */
export const KEY_ADDITION = mergePlans(CALLER_LOG_AND_MAIL, CALLER_KEYS, CALLER_REMEMBERED, {
  pickFrom: ['securityKeys', 'keyChallenges'],
  stages: [(_view, { body }) => ceremonyPicks(body, 'credential')],
});

/** KEY-1: removing a key: the caller's keys and the second factor, a key's assertion included. */
export const KEY_REMOVAL = mergePlans(SECOND_FACTOR, CALLER_KEYS, CALLER_REMEMBERED);

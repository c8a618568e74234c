import { SECURITY_KEYS_MAX } from '@/api/limits';
import type { SecurityKey, SecurityKeyList } from '@/api/schemas/security-keys';
import { type RelyingParty, SUPPORTED_ALGORITHMS } from '../webauthn-verification';
import { accountById } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { base64Url, randomId } from './encoding';
import { DomainError } from './errors';
import { issueKeyChallenge } from './key-challenges';
import { type AttestationProof, checkNewKey, checkSecurityKey } from './key-proofs';
import { KEY_CHALLENGE_TTL_MS } from './limits';
import { formatTimeForEmail, sendEmail } from './mail';
import { checkBoundCode, checkSecondFactor, type SecondFactor } from './mfa-codes';
import { forgetRememberedBrowsers } from './remembered-browsers';
import { requireActive } from './sessions';
import type { AccountRecord, SecurityKeyRecord, ServerState, SessionRecord } from './state';
import { iso } from './views';

/** A display name for the relying party; browsers show it in their prompt. */
const RP_NAME = 'Console';

export function keysOf(state: ServerState, accountId: string): SecurityKeyRecord[] {
  return state.securityKeys.filter((key) => key.accountId === accountId);
}

export function securityKeyList(state: ServerState, accountId: string): SecurityKeyList {
  return { keys: keysOf(state, accountId).map(securityKeyView), max: SECURITY_KEYS_MAX };
}

function securityKeyView(key: SecurityKeyRecord): SecurityKey {
  return {
    id: key.id,
    name: key.name,
    addedAt: iso(key.addedAt),
    lastUsedAt: key.lastUsedAt === null ? null : iso(key.lastUsedAt),
  };
}

/** Proof for adding a key (KEY-1): a fresh dynamic code, or a key already added. */
export type KeyStepUp = Extract<SecondFactor, { code: string } | { securityKey: unknown }>;

/**
 * KEY-1: the options of navigator.credentials.create() for a new key, once
 * the account has MFA bound, room for another key, and the caller has proved
 * the second factor. The challenge they carry is this session's, for adding
 * a key, for KEY_CHALLENGE_TTL_MS.
 */
export function keyRegistrationOptions(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  party: RelyingParty,
  proof: KeyStepUp,
) {
  requireActive(session);
  const account = accountById(state, session.accountId);
  const keys = requireRoomForKey(state, account);
  const refusal =
    'code' in proof
      ? checkBoundCode(state, ctx, account, proof.code, 'security_key')
      : checkSecurityKey(state, ctx, account, session, proof.securityKey, 'step-up');
  if (refusal) return refusal;
  return {
    rp: { id: party.id, name: RP_NAME },
    user: {
      id: base64Url(new TextEncoder().encode(account.id)),
      name: account.email,
      displayName: account.name,
    },
    challenge: issueKeyChallenge(state, ctx, session, 'register'),
    pubKeyCredParams: SUPPORTED_ALGORITHMS.map((alg) => ({ type: 'public-key', alg })),
    timeout: KEY_CHALLENGE_TTL_MS,
    // A key already added is not added twice.
    excludeCredentials: keys.map(descriptorOf),
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'discouraged' },
    attestation: 'none',
  };
}

/**
 * KEY-2: the options of navigator.credentials.get() for this session's login
 * or step-up, naming the account's keys.
 */
export function keyAssertionOptions(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  party: RelyingParty,
  purpose: 'login' | 'step-up',
) {
  const keys = keysOf(state, session.accountId);
  if (keys.length === 0) throw new DomainError('NOT_FOUND');
  return {
    challenge: issueKeyChallenge(state, ctx, session, purpose),
    rpId: party.id,
    allowCredentials: keys.map(descriptorOf),
    timeout: KEY_CHALLENGE_TTL_MS,
    userVerification: 'discouraged',
  };
}

function descriptorOf(key: SecurityKeyRecord) {
  return { id: key.credentialId, type: 'public-key', transports: key.transports };
}

/** MFA bound (KEY-1) and fewer than SECURITY_KEYS_MAX keys: the account's keys. */
function requireRoomForKey(state: ServerState, account: AccountRecord): SecurityKeyRecord[] {
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  const keys = keysOf(state, account.id);
  if (keys.length >= SECURITY_KEYS_MAX) throw new DomainError('SECURITY_KEY_LIMIT');
  return keys;
}

/**
 * KEY-1: the new key, once its attestation answered this session's register
 * challenge. A credential ID another account (or this one) holds is refused
 * (KEY-3). The user is emailed and the log records it.
 */
export function addSecurityKey(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  input: { name: string; credentialId: string; proof: AttestationProof },
): SecurityKey | DomainError {
  requireActive(session);
  const account = accountById(state, session.accountId);
  requireRoomForKey(state, account);
  const verified = checkNewKey(state, ctx, session, input.proof, input.credentialId);
  if (verified instanceof DomainError) return verified;
  if (state.securityKeys.some((key) => key.credentialId === verified.credentialId)) {
    return new DomainError('SECURITY_KEY_EXISTS');
  }
  const key: SecurityKeyRecord = {
    id: randomId(ctx.randomBytes, 'key'),
    accountId: account.id,
    credentialId: verified.credentialId,
    publicKey: verified.publicKey,
    counter: verified.counter,
    transports: verified.transports,
    name: input.name,
    addedAt: ctx.now,
    lastUsedAt: null,
  };
  state.securityKeys.push(key);
  recordAudit(state, ctx, account.id, 'mfa.key_added', { name: key.name });
  // REMEMBER-1: a change of factor asks every browser for the second factor again.
  forgetRememberedBrowsers(state, ctx, account.id, 'security_key_changed');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.keyAdded.subject'),
    body: t('mail.keyAdded.body', { at: formatTimeForEmail(ctx.now), name: key.name }),
  }));
  return securityKeyView(key);
}

export function renameSecurityKey(
  state: ServerState,
  session: SessionRecord,
  keyId: string,
  name: string,
): SecurityKey {
  requireActive(session);
  const key = ownKey(state, session, keyId);
  key.name = name;
  return securityKeyView(key);
}

/** KEY-1: removing a key asks for a second factor: a code, a recovery code, or a key. */
export function removeSecurityKey(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  keyId: string,
  proof: SecondFactor,
): DomainError | null {
  requireActive(session);
  const account = accountById(state, session.accountId);
  const key = ownKey(state, session, keyId);
  const refusal = checkSecondFactor(state, ctx, account, session, proof, 'security_key');
  if (refusal) return refusal;
  state.securityKeys = state.securityKeys.filter((record) => record !== key);
  recordAudit(state, ctx, account.id, 'mfa.key_removed', { name: key.name });
  forgetRememberedBrowsers(state, ctx, account.id, 'security_key_changed');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.keyRemoved.subject'),
    body: t('mail.keyRemoved.body', { at: formatTimeForEmail(ctx.now), name: key.name }),
  }));
  return null;
}

/**
 * KEY-4: unbinding MFA takes the keys with it; the log names each. The
 * unbinding's own email says they went.
 */
export function removeAllSecurityKeys(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
): number {
  const keys = keysOf(state, account.id);
  for (const key of keys) {
    recordAudit(state, ctx, account.id, 'mfa.key_removed', {
      name: key.name,
      reason: 'unbound',
    });
  }
  // Challenges still open for the account answer nothing now: no key of its is left to sign.
  state.securityKeys = state.securityKeys.filter((key) => key.accountId !== account.id);
  return keys.length;
}

function ownKey(state: ServerState, session: SessionRecord, keyId: string): SecurityKeyRecord {
  const key = state.securityKeys.find((record) => record.id === keyId);
  // Another account's key is not found, as if it did not exist.
  if (!key || key.accountId !== session.accountId) throw new DomainError('NOT_FOUND');
  return key;
}

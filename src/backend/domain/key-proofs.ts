import type { VerifiedAssertion, VerifiedAttestation } from '../webauthn-verification';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { redeemKeyChallenge } from './key-challenges';
import { formatTimeForEmail, sendEmail } from './mail';
import type {
  AccountRecord,
  KeyChallengePurpose,
  SecurityKeyRecord,
  ServerState,
  SessionRecord,
} from './state';

/**
 * What the verification off the transaction made of a key's assertion (ADR
 * 0033): the challenge its client data names, and the key whose signature it
 * carries with the counter it reported, or null when no key of ours signed it
 * for this origin and challenge.
 */
export interface AssertionProof {
  challenge: string | null;
  verified: VerifiedAssertion | null;
}

/** The same for a new key's attestation. */
export interface AttestationProof {
  challenge: string | null;
  verified: VerifiedAttestation | null;
}

/** Every refusal of a key is the same to the caller: which check failed is no one's business. */
export const keyRefused = () => new DomainError('SECURITY_KEY_REFUSED');

/**
 * KEY-2, KEY-3: a key's assertion as a second factor, re-checked against what
 * the transaction holds: the challenge still open for this session and
 * purpose (and used up here), the key still the account's, and a signature
 * counter that moved forward. A counter that went backwards means a cloned
 * key: it is refused and the security log says so. Returns the refusal, to be
 * thrown once the used challenge is written.
 */
export function checkSecurityKey(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  session: SessionRecord,
  proof: AssertionProof,
  purpose: Exclude<KeyChallengePurpose, 'register'>,
): DomainError | null {
  const open = redeemKeyChallenge(state, ctx, session, proof.challenge, purpose);
  const { verified } = proof;
  if (!open || verified === null) return keyRefused();
  const key = state.securityKeys.find((record) => record.credentialId === verified.credentialId);
  if (!key || key.accountId !== account.id) return keyRefused();
  if (counterWentBack(key, verified.newCounter)) {
    recordAudit(state, ctx, account.id, 'mfa.key_counter_rejected', { name: key.name });
    sendEmail(state, ctx, account, (t) => ({
      subject: t('mail.keyCounterRejected.subject'),
      body: t('mail.keyCounterRejected.body', {
        at: formatTimeForEmail(ctx.now),
        name: key.name,
      }),
    }));
    return keyRefused();
  }
  key.counter = verified.newCounter;
  key.lastUsedAt = ctx.now;
  return null;
}

/**
 * KEY-3, after WebAuthn's rule: a key that counts must count up. A key that
 * keeps its counter at zero (many passkeys) counts nothing and is let be.
 */
function counterWentBack(key: SecurityKeyRecord, reported: number): boolean {
  return (reported > 0 || key.counter > 0) && reported <= key.counter;
}

/** A new key's attestation, re-checked: its register challenge still open for this session. */
export function checkNewKey(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  proof: AttestationProof,
  credentialIdSent: string,
): VerifiedAttestation | DomainError {
  const open = redeemKeyChallenge(state, ctx, session, proof.challenge, 'register');
  const { verified } = proof;
  if (!open || verified === null) return keyRefused();
  // The plan found duplicates by the id the browser sent; it must be the one the key signed.
  if (verified.credentialId !== credentialIdSent) return keyRefused();
  return verified;
}

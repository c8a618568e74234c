import {
  type Assertion,
  type Attestation,
  challengeInClientData,
} from '@/api/schemas/security-keys';
import type { Backend } from '../backend';
import type { AssertionProof, AttestationProof } from '../domain/key-proofs';
import type { SecondFactor } from '../domain/mfa-codes';
import type { KeyStepUp } from '../domain/security-keys';
import { relyingPartyOf, verifyAssertion, verifyAttestation } from '../webauthn-verification';
import type { HandlerDeps } from './deps';
import { ceremonyToVerify } from './key-plans';

type Read = Backend['run'];

/**
 * KEY-3 the way GUARD-7 hashes passwords (ADR 0015, 0033): an endpoint's
 * `prepare` reads what a ceremony names in a transaction of its own, verifies
 * the signature off any transaction, and hands the result to `run`, which
 * re-checks the challenge and the key against what it holds before it commits.
 * The relying party is the console's configured origin: PUBLIC_ORIGIN on the
 * server, the page's origin in the mock.
 */
export function keyVerification(deps: HandlerDeps) {
  const party = relyingPartyOf(deps.origin);

  async function proveAssertion(read: Read, assertion: Assertion): Promise<AssertionProof> {
    const challenge = challengeInClientData(assertion.response.clientDataJSON);
    const key = await read(
      (state) => {
        const open = state.keyChallenges.some((record) => record.challenge === challenge);
        const found = state.securityKeys.find((record) => record.credentialId === assertion.id);
        return open && found
          ? { credentialId: found.credentialId, publicKey: found.publicKey }
          : null;
      },
      ceremonyToVerify({ securityKey: assertion }, 'securityKey'),
    );
    if (challenge === null || key === null) return { challenge, verified: null };
    return { challenge, verified: await verifyAssertion(party, assertion, key, challenge) };
  }

  async function proveAttestation(read: Read, credential: Attestation): Promise<AttestationProof> {
    const challenge = challengeInClientData(credential.response.clientDataJSON);
    const open = await read(
      (state) => state.keyChallenges.some((record) => record.challenge === challenge),
      ceremonyToVerify({ credential }, 'credential'),
    );
    if (challenge === null || !open) return { challenge, verified: null };
    return { challenge, verified: await verifyAttestation(party, credential, challenge) };
  }

  /** The body's second factor for the domain, a key's assertion verified. */
  async function secondFactorOf(
    read: Read,
    body: { code?: string; recoveryCode?: string; securityKey?: Assertion },
  ): Promise<SecondFactor> {
    if (body.securityKey !== undefined) {
      return { securityKey: await proveAssertion(read, body.securityKey) };
    }
    return body.recoveryCode !== undefined
      ? { recoveryCode: body.recoveryCode }
      : { code: body.code ?? '' };
  }

  /** KEY-1: what adding a key is proved by, a key's assertion verified. */
  async function keyStepUpOf(
    read: Read,
    body: { code?: string; securityKey?: Assertion },
  ): Promise<KeyStepUp> {
    return body.securityKey !== undefined
      ? { securityKey: await proveAssertion(read, body.securityKey) }
      : { code: body.code ?? '' };
  }

  return { party, proveAssertion, proveAttestation, secondFactorOf, keyStepUpOf };
}

import type { Assertion, Attestation } from '@/api/schemas/security-keys';
import { base64Url } from './domain/encoding';

/**
 * KEY-3: the one verification of WebAuthn ceremonies, for the mock and the
 * server alike (ADR 0033). It runs off the transaction, like password hashing
 * (ADR 0015): @simplewebauthn/server checks signatures with WebCrypto, which
 * is asynchronous, and a transaction cannot span an await. It decides only
 * what the bytes say; whether the challenge is still open, whose key it is
 * and where its counter stands are the domain's, in the transaction.
 */

/** Who the keys are registered with: this console, as its configured origin names it. */
export interface RelyingParty {
  /** The registrable domain the keys are scoped to: the origin's host name. */
  id: string;
  /** The origin the browser must report in its client data. */
  origin: string;
}

export function relyingPartyOf(origin: string): RelyingParty {
  const url = new URL(origin);
  return { id: url.hostname, origin: url.origin };
}

/** ES256 and RS256, by their COSE numbers (KEY-3). */
export const SUPPORTED_ALGORITHMS = [-7, -257] as const;
/** The attestation formats a key may arrive with (KEY-3); others are refused. */
const SUPPORTED_FORMATS: readonly string[] = ['none', 'packed'];

/** A new key, as its attestation proved it; base64url throughout. */
export interface VerifiedAttestation {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

/** An assertion the key's public key signed: which key, and the counter it reported. */
export interface VerifiedAssertion {
  credentialId: string;
  newCounter: number;
}

/** The library is loaded the first time a key is used, so no page pays for it before. */
const library = () => import('@simplewebauthn/server');

/** The attestation's key, or null when the bytes, the origin, the RP ID or the challenge do not hold. */
export async function verifyAttestation(
  party: RelyingParty,
  credential: Attestation,
  challenge: string,
): Promise<VerifiedAttestation | null> {
  try {
    const { verifyRegistrationResponse } = await library();
    const result = await verifyRegistrationResponse({
      response: { ...credential, clientExtensionResults: credential.clientExtensionResults ?? {} },
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      // A second factor proves possession; the password was the first.
      requireUserVerification: false,
      supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    });
    if (!result.verified || !SUPPORTED_FORMATS.includes(result.registrationInfo.fmt)) return null;
    const { credential: key } = result.registrationInfo;
    return {
      credentialId: key.id,
      publicKey: base64Url(key.publicKey),
      counter: key.counter,
      transports: credential.response.transports ?? [],
    };
  } catch {
    return null;
  }
}

/**
 * The assertion's signature checked with the stored public key, or null.
 * The counter is the domain's to judge against what it holds when it
 * commits, so the library is given none to compare.
 */
export async function verifyAssertion(
  party: RelyingParty,
  assertion: Assertion,
  key: { credentialId: string; publicKey: string },
  challenge: string,
): Promise<VerifiedAssertion | null> {
  try {
    const { verifyAuthenticationResponse } = await library();
    const result = await verifyAuthenticationResponse({
      response: { ...assertion, clientExtensionResults: assertion.clientExtensionResults ?? {} },
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      credential: {
        id: key.credentialId,
        publicKey: bytesOfBase64Url(key.publicKey),
        counter: 0,
      },
      requireUserVerification: false,
    });
    return result.verified
      ? { credentialId: key.credentialId, newCounter: result.authenticationInfo.newCounter }
      : null;
  } catch {
    return null;
  }
}

function bytesOfBase64Url(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) =>
    char.charCodeAt(0),
  );
}

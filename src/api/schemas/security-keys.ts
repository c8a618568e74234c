import * as z from 'zod/mini';
import { SECURITY_KEY_NAME_MAX_LENGTH, WEBAUTHN_FIELD_MAX_LENGTH } from '../limits';
import { withoutInvisible } from '../visible-text';

/** Bytes as WebAuthn's JSON spells them: base64url without padding. */
const base64UrlSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(WEBAUTHN_FIELD_MAX_LENGTH), z.regex(/^[A-Za-z0-9_-]+$/));

/**
 * The client data of a ceremony, which names the challenge it answers: data
 * that is not such JSON is a malformed field, refused before anything is read.
 */
const clientDataSchema = base64UrlSchema.check(
  z.refine((value) => challengeInClientData(value) !== null, { message: 'not_client_data' }),
);

/** The challenge a ceremony's client data answers, or null when it is no client data. */
export function challengeInClientData(clientDataJSON: string): string | null {
  try {
    const padded = clientDataJSON.replaceAll('-', '+').replaceAll('_', '/');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(padded), (char) => char.charCodeAt(0)),
    );
    const parsed = JSON.parse(text) as unknown;
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(challenge)
      ? challenge
      : null;
  } catch {
    return null;
  }
}

const transportsSchema = z.array(z.string().check(z.maxLength(32))).check(z.maxLength(8));

/** What a browser's credential serialises to, fields unknown to the contract dropped. */
const credentialFields = {
  id: base64UrlSchema,
  rawId: base64UrlSchema,
  type: z.literal('public-key'),
  authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
  clientExtensionResults: z.optional(z.record(z.string(), z.unknown())),
};

/** KEY-3: a new key's answer to navigator.credentials.create(), as @simplewebauthn/browser sends it. */
export const attestationSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: clientDataSchema,
    attestationObject: base64UrlSchema,
    transports: z.optional(transportsSchema),
  }),
});
export type Attestation = z.infer<typeof attestationSchema>;

/** KEY-2, KEY-3: a key's answer to navigator.credentials.get(). */
export const assertionSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: clientDataSchema,
    authenticatorData: base64UrlSchema,
    signature: base64UrlSchema,
    userHandle: z.optional(base64UrlSchema),
  }),
});
export type Assertion = z.infer<typeof assertionSchema>;

/** A key's name as typed: trimmed, invisible characters gone (GUARD-6), never empty. */
export const securityKeyNameSchema = z
  .string()
  .check(
    z.overwrite(withoutInvisible),
    z.trim(),
    z.minLength(1),
    z.maxLength(SECURITY_KEY_NAME_MAX_LENGTH),
  );

export const addSecurityKeyRequestSchema = z.strictObject({
  name: securityKeyNameSchema,
  credential: attestationSchema,
});
export type AddSecurityKeyRequest = z.infer<typeof addSecurityKeyRequestSchema>;

export const renameSecurityKeyRequestSchema = z.strictObject({ name: securityKeyNameSchema });

export const securityKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  addedAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
});
export type SecurityKey = z.infer<typeof securityKeySchema>;

export const securityKeyListSchema = z.object({
  keys: z.array(securityKeySchema),
  /** SECURITY_KEYS_MAX, so the screen says how many more fit. */
  max: z.number(),
});
export type SecurityKeyList = z.infer<typeof securityKeyListSchema>;

/**
 * The options a ceremony starts from, as @simplewebauthn/browser takes them
 * (PublicKeyCredentialCreationOptionsJSON or ...RequestOptionsJSON); the
 * client hands them on without looking inside.
 */
export const ceremonyOptionsSchema = z.looseObject({ challenge: z.string() });

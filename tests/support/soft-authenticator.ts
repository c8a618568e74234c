import { base64Url } from '@/backend/domain/encoding';
import { type CborValue, encodeCbor } from './cbor';

/**
 * A security key in software, for the API tests (KEY-5): it makes real
 * attestations and assertions with WebCrypto keys, ES256 (ECDSA P-256) or
 * RS256 (RSASSA-PKCS1-v1_5), as a browser would hand them to the page
 * (@simplewebauthn/browser's JSON). Everything a test may want to get wrong
 * (the origin, the RP ID, the counter, the challenge) is a parameter.
 */
export type KeyAlgorithm = 'ES256' | 'RS256';

const COSE_ALG: Record<KeyAlgorithm, number> = { ES256: -7, RS256: -257 };
const FLAG_USER_PRESENT = 0x01;
const FLAG_ATTESTED_DATA = 0x40;

export interface Ceremony {
  /** The challenge of the options the server sent. */
  challenge: string;
  /** What the browser reports as the page's origin. */
  origin: string;
  /** The RP ID whose hash the authenticator signs; the origin's host by default. */
  rpId?: string;
}

export class SoftAuthenticator {
  /** What the authenticator reports as its signature count, raised by each assertion. */
  counter = 0;

  private constructor(
    readonly algorithm: KeyAlgorithm,
    private readonly keys: CryptoKeyPair,
    readonly credentialId: Uint8Array,
  ) {}

  static async create(algorithm: KeyAlgorithm = 'ES256'): Promise<SoftAuthenticator> {
    const keys =
      algorithm === 'ES256'
        ? await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
            'sign',
            'verify',
          ])
        : await crypto.subtle.generateKey(
            {
              name: 'RSASSA-PKCS1-v1_5',
              modulusLength: 2048,
              publicExponent: new Uint8Array([1, 0, 1]),
              hash: 'SHA-256',
            },
            true,
            ['sign', 'verify'],
          );
    return new SoftAuthenticator(algorithm, keys, crypto.getRandomValues(new Uint8Array(32)));
  }

  get id(): string {
    return base64Url(this.credentialId);
  }

  /** navigator.credentials.create(): `none` attestation, or `packed` self-attestation. */
  async register(ceremony: Ceremony, format: 'none' | 'packed' = 'none') {
    const clientData = clientDataOf('webauthn.create', ceremony);
    const authData = concat(
      await rpIdHash(ceremony),
      Uint8Array.of(FLAG_USER_PRESENT | FLAG_ATTESTED_DATA),
      uint32(this.counter),
      new Uint8Array(16),
      Uint8Array.of(this.credentialId.length >> 8, this.credentialId.length & 0xff),
      this.credentialId,
      encodeCbor(await this.coseKey()),
    );
    const attStmt: Map<CborValue, CborValue> =
      format === 'none'
        ? new Map()
        : new Map<CborValue, CborValue>([
            ['alg', COSE_ALG[this.algorithm]],
            ['sig', await this.sign(concat(authData, await sha256(clientData)))],
          ]);
    const attestationObject = encodeCbor(
      new Map<CborValue, CborValue>([
        ['fmt', format],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64Url(clientData),
        attestationObject: base64Url(attestationObject),
        transports: ['usb'],
      },
    };
  }

  /** navigator.credentials.get(): the count goes up by one unless a test sets it. */
  async assert(ceremony: Ceremony, options: { counter?: number } = {}) {
    this.counter = options.counter ?? this.counter + 1;
    const clientData = clientDataOf('webauthn.get', ceremony);
    const authData = concat(
      await rpIdHash(ceremony),
      Uint8Array.of(FLAG_USER_PRESENT),
      uint32(this.counter),
    );
    const signature = await this.sign(concat(authData, await sha256(clientData)));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64Url(clientData),
        authenticatorData: base64Url(authData),
        signature: base64Url(signature),
      },
    };
  }

  /** The public key as COSE writes it (RFC 9053): EC2 x and y, or RSA n and e. */
  private async coseKey(): Promise<Map<CborValue, CborValue>> {
    const jwk = await crypto.subtle.exportKey('jwk', this.keys.publicKey);
    const bytes = (field: string | undefined) => bytesOfBase64Url(field ?? '');
    return this.algorithm === 'ES256'
      ? new Map<CborValue, CborValue>([
          [1, 2],
          [3, COSE_ALG.ES256],
          [-1, 1],
          [-2, bytes(jwk.x)],
          [-3, bytes(jwk.y)],
        ])
      : new Map<CborValue, CborValue>([
          [1, 3],
          [3, COSE_ALG.RS256],
          [-1, bytes(jwk.n)],
          [-2, bytes(jwk.e)],
        ]);
  }

  /** WebAuthn wants ECDSA signatures DER-encoded; WebCrypto gives r and s side by side. */
  private async sign(data: Uint8Array): Promise<Uint8Array> {
    if (this.algorithm === 'RS256') {
      return new Uint8Array(
        await crypto.subtle.sign('RSASSA-PKCS1-v1_5', this.keys.privateKey, toBuffer(data)),
      );
    }
    const raw = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        this.keys.privateKey,
        toBuffer(data),
      ),
    );
    return derSignature(raw.slice(0, 32), raw.slice(32));
  }
}

function clientDataOf(type: string, { challenge, origin }: Ceremony): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

async function rpIdHash({ origin, rpId }: Ceremony): Promise<Uint8Array> {
  return sha256(new TextEncoder().encode(rpId ?? new URL(origin).hostname));
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toBuffer(data)));
}

function derSignature(r: Uint8Array, s: Uint8Array): Uint8Array {
  const integer = (value: Uint8Array) => {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start += 1;
    const trimmed = value.slice(start);
    const body = (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(0x02, body.length), body);
  };
  const sequence = concat(integer(r), integer(s));
  return concat(Uint8Array.of(0x30, sequence.length), sequence);
}

function uint32(value: number): Uint8Array {
  return Uint8Array.of(
    (value >>> 24) & 0xff,
    (value >>> 16) & 0xff,
    (value >>> 8) & 0xff,
    value & 0xff,
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function bytesOfBase64Url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) =>
    char.charCodeAt(0),
  );
}

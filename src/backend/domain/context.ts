import type { Language } from '@/api/languages';

/** What the domain core needs from the outside world, injected so tests control it. */
export interface DomainContext {
  /** Milliseconds since the epoch, on the server's clock. */
  readonly now: number;
  /** Cryptographically secure random bytes. */
  readonly randomBytes: (length: number) => Uint8Array;
  /**
   * LOG-1: the User-Agent of the request being served, which the security log
   * describes; absent when no request is (a test calling the core directly).
   */
  readonly userAgent?: string | null;
  /**
   * SESSION-1: the address the request came from, as the host saw it (the
   * server's socket or trusted proxy); null where there is none (the mock).
   */
  readonly clientAddress?: string | null;
  /** The language the request asked for (`Accept-Language`), if the console has it. */
  readonly language?: Language | null;
  /** The account of the request's session, once settled; null for an anonymous request. */
  readonly callerAccountId?: string | null;
}

export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export function cryptoRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

import type { Backend } from '../backend';
import type { PasswordHasher } from '../password-hashing';
import type { SessionJar } from './session-jar';

/** What every resource's handlers are made from. */
export interface HandlerDeps {
  server: Backend;
  jar: SessionJar;
  /**
   * REMEMBER-1: where a remembered browser's token lives: an HttpOnly cookie
   * for 30 days on a server, the browser profile's storage in the demo
   * (ADR 0032). allHandlers gives a memory one when none is said.
   */
  rememberJar?: SessionJar;
  /** The console's origin: the only one whose state-changing requests are taken (GUARD-1). */
  origin: string;
  /**
   * LOG-1: the User-Agent of the browser the in-page mock serves. A request
   * the page answers itself carries no User-Agent header (the browser adds it
   * on the network, which these requests never reach), so the page's own
   * stands in; a real server reads the header.
   */
  userAgent?: string;
  /**
   * SESSION-1: the address a request came from, which only a host that has a
   * socket knows (the server); the mock has none.
   */
  clientAddressOf?: (request: Request) => string | null;
  /** SERVER-4: the host's password hashing; the browser's WebCrypto PBKDF2 by default. */
  passwords?: PasswordHasher;
  /** MOCK-8, SERVER-6: the dev tools' endpoints; a production server has none (they answer 404). */
  devTools?: boolean;
}

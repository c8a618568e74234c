import type { MockServer } from '../server';
import type { SessionJar } from './session-jar';

/** What every resource's handlers are made from. */
export interface HandlerDeps {
  server: MockServer;
  jar: SessionJar;
  /** The console's origin: the only one whose state-changing requests are taken (GUARD-1). */
  origin: string;
}
